using System.Text.Json.Nodes;
using Neyman.Stats.Models;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Modifiers;

/// <summary>
/// histosys: a shape uncertainty, data {"hi_data": [...], "lo_data": [...]} with one yield per bin; one parameter
/// alpha with a unit Gaussian constraint (init 0, bounds [-5, 5]).
/// </summary>
internal sealed class HistoSysModifier : IModifierType
{
    public string Name => "histosys";

    public ModifierSpec Read(JsonRead json, JsonNode? data, string name, string path, int binCount)
    {
        var o = json.Object(data, path + ".data");
        var hi = json.Numbers(json.Required(o, "hi_data", path + ".data"), path + ".data.hi_data");
        var lo = json.Numbers(json.Required(o, "lo_data", path + ".data"), path + ".data.lo_data");
        BinCheck.Require(json, hi.Length, binCount, path + ".data.hi_data");
        BinCheck.Require(json, lo.Length, binCount, path + ".data.lo_data");
        return new ModifierSpec(name, Name, path) { HighData = hi, LowData = lo };
    }

    public ParameterSetDraft Declare(ModifierSpec modifier, SampleSpec sample, ChannelSpec channel) =>
        ParameterSetDraft.Normal(modifier.Name, [0.0], [1.0], -5.0, 5.0, requiresConfiguration: false);
}
