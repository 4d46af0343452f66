using Neyman.Events.Tables;

namespace Neyman.Events.Simulation;

/// <summary>
/// The columns the <c>higgs</c> process writes, in the order of the HIGGS data set: 21 low-level features (lepton pT,
/// eta, phi; missing energy magnitude and phi; jets 1-4 by decreasing pT with pT, eta, phi, b-tag), 7 high-level masses,
/// then <c>label</c> (1 signal, 0 background), <c>weight</c> (float64, 1 for every event) and optionally <c>event_id</c>.
/// Features are float32 in GeV and radians; b-tag is 1 for a tagged jet and 0 otherwise.
/// </summary>
public static class HiggsColumns
{
    /// <summary>The name of the optional column holding the attempt index of the event within its process.</summary>
    public const string EventId = "event_id";

    /// <summary>The 28 feature names, in output order.</summary>
    public static IReadOnlyList<string> Features { get; } =
    [
        "lepton_pt", "lepton_eta", "lepton_phi", "missing_energy_magnitude", "missing_energy_phi",
        "jet1_pt", "jet1_eta", "jet1_phi", "jet1_btag",
        "jet2_pt", "jet2_eta", "jet2_phi", "jet2_btag",
        "jet3_pt", "jet3_eta", "jet3_phi", "jet3_btag",
        "jet4_pt", "jet4_eta", "jet4_phi", "jet4_btag",
        "m_jj", "m_jjj", "m_lv", "m_jlv", "m_bb", "m_wbb", "m_wwbb",
    ];

    /// <summary>The full output schema: features, label, weight and, when asked for, event_id (float64).</summary>
    public static IReadOnlyList<(string Name, ColumnType Type)> Schema(bool includeEventId)
    {
        var schema = Features.Select(name => (name, ColumnType.Float32)).ToList();
        schema.Add((EventTable.LabelColumn, ColumnType.Float32));
        schema.Add((EventTable.WeightColumn, ColumnType.Float64));
        if (includeEventId)
        {
            schema.Add((EventId, ColumnType.Float64));
        }
        return schema;
    }
}
