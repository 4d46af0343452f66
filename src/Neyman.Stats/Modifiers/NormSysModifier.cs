using System.Text.Json.Nodes;
using Neyman.Stats.Models;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Modifiers;

/// <summary>
/// normsys: a normalisation uncertainty, data {"hi": factor, "lo": factor}; one parameter alpha with a unit Gaussian
/// constraint (init 0, bounds [-5, 5]).
/// </summary>
internal sealed class NormSysModifier : IModifierType
{
    public string Name => "normsys";

    public ModifierSpec Read(JsonRead json, JsonNode? data, string name, string path, int binCount)
    {
        var o = json.Object(data, path + ".data");
        var hi = json.Number(json.Required(o, "hi", path + ".data"), path + ".data.hi");
        var lo = json.Number(json.Required(o, "lo", path + ".data"), path + ".data.lo");
        return new ModifierSpec(name, Name, path) { HighFactor = hi, LowFactor = lo };
    }

    public ParameterSetDraft Declare(ModifierSpec modifier, SampleSpec sample, ChannelSpec channel) =>
        ParameterSetDraft.Normal(modifier.Name, [0.0], [1.0], -5.0, 5.0, requiresConfiguration: false);
}
