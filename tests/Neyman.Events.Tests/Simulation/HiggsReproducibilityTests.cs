using System.Runtime.InteropServices;
using Neyman.Events.Simulation;
using Neyman.Events.Tables;

namespace Neyman.Events.Tests.Simulation;

public sealed class HiggsReproducibilityTests
{
    private static readonly HiggsOptions WithId = new() { IncludeEventId = true };

    private static byte[] Bytes(EventColumn column) => column.Type == ColumnType.Float32
        ? MemoryMarshal.AsBytes(column.Float32Values.AsSpan()).ToArray()
        : MemoryMarshal.AsBytes(column.Float64Values.AsSpan()).ToArray();

    [Fact]
    public void Same_seed_gives_the_same_bits_whatever_the_thread_count_and_chunk_size()
    {
        var (one, _) = HiggsSample.Generate(WithId, 7, 6000, chunkRows: 1000, threads: 1);
        var (four, _) = HiggsSample.Generate(WithId, 7, 6000, chunkRows: 4096, threads: 4);
        var (otherSeed, _) = HiggsSample.Generate(WithId, 8, 6000, chunkRows: 4096, threads: 4);

        Assert.Equal(HiggsColumns.Schema(true).Select(c => c.Name), one.ColumnNames);
        foreach (var column in one.Columns)
        {
            Assert.Equal(Bytes(column), Bytes(four[column.Name]));
        }
        Assert.NotEqual(Bytes(one["jet1_pt"]), Bytes(otherSeed["jet1_pt"]));
    }

    [Fact]
    public void A_jet_energy_scale_shift_scales_the_jets_of_the_same_events()
    {
        var (nominal, _) = HiggsSample.Generate(WithId, 3, 4000);
        var (shifted, _) = HiggsSample.Generate(WithId with { JetEnergyScale = 1.05 }, 3, 4000);
        var matched = Match(nominal, shifted);

        // Most events are selected in both variations; every jet of a matched event is the same jet times 1.05,
        // and the lepton, untouched by the jet energy scale, keeps its bits.
        Assert.True(matched.Count > 3000, $"only {matched.Count} events matched");
        foreach (var (i, j) in matched)
        {
            Assert.Equal(nominal["lepton_pt"].Float32Values[i], shifted["lepton_pt"].Float32Values[j]);
            Assert.Equal(nominal["lepton_eta"].Float32Values[i], shifted["lepton_eta"].Float32Values[j]);
            Assert.Equal(1.05, shifted["jet1_pt"][j] / nominal["jet1_pt"][i], 5);
            Assert.Equal(nominal["jet1_eta"][i], shifted["jet1_eta"][j], 5);
            Assert.Equal(nominal["jet1_phi"][i], shifted["jet1_phi"][j], 5);
        }
    }

    [Fact]
    public void A_lower_btag_efficiency_only_removes_tags_and_keeps_the_kinematics()
    {
        var (nominal, _) = HiggsSample.Generate(WithId, 5, 3000);
        var (shifted, _) = HiggsSample.Generate(WithId with { BTagEfficiencyScale = 0.8 }, 5, 3000);

        // The selection does not look at b-tags, so the same events come out in the same order.
        Assert.Equal(Bytes(nominal["event_id"]), Bytes(shifted["event_id"]));
        foreach (var name in new[] { "lepton_pt", "jet1_pt", "jet4_eta", "missing_energy_magnitude" })
        {
            Assert.Equal(Bytes(nominal[name]), Bytes(shifted[name]));
        }
        double before = 0, after = 0;
        for (var jet = 1; jet <= 4; jet++)
        {
            var a = nominal[$"jet{jet}_btag"].Float32Values;
            var b = shifted[$"jet{jet}_btag"].Float32Values;
            for (var i = 0; i < a.Length; i++)
            {
                Assert.True(b[i] <= a[i], "a tag appeared when the efficiency went down");
                before += a[i];
                after += b[i];
            }
        }
        Assert.InRange(after / before, 0.75, 0.9);
    }

    private static List<(int Nominal, int Shifted)> Match(EventTable nominal, EventTable shifted)
    {
        var index = new Dictionary<(float, double), int>();
        var labels = shifted["label"].Float32Values;
        var ids = shifted["event_id"].Float64Values;
        for (var j = 0; j < labels.Length; j++)
        {
            index[(labels[j], ids[j])] = j;
        }
        var result = new List<(int, int)>();
        var nominalLabels = nominal["label"].Float32Values;
        var nominalIds = nominal["event_id"].Float64Values;
        for (var i = 0; i < nominalLabels.Length; i++)
        {
            if (index.TryGetValue((nominalLabels[i], nominalIds[i]), out var j))
            {
                result.Add((i, j));
            }
        }
        return result;
    }
}
