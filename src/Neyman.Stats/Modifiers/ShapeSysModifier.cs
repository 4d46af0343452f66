using System.Text.Json.Nodes;
using Neyman.Stats.Models;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Modifiers;

/// <summary>
/// shapesys: uncorrelated per-bin uncertainties (absolute, one per bin) with Poisson constraints (Barlow-Beeston):
/// gamma_b has auxiliary count tau_b = (nominal_b / sigma_b)^2 and rate gamma_b tau_b. Bins with a zero yield or
/// uncertainty get tau = 1 and a fixed parameter.
/// </summary>
internal sealed class ShapeSysModifier : IModifierType
{
    public string Name => "shapesys";

    public ModifierSpec Read(JsonRead json, JsonNode? data, string name, string path, int binCount)
    {
        var values = json.Numbers(data, path + ".data");
        BinCheck.Require(json, values.Length, binCount, path + ".data");
        return new ModifierSpec(name, Name, path) { Values = values };
    }

    public ParameterSetDraft Declare(ModifierSpec modifier, SampleSpec sample, ChannelSpec channel)
    {
        var n = channel.BinCount;
        var factors = new double[n];
        var fixedBins = new bool[n];
        for (var b = 0; b < n; b++)
        {
            var valid = sample.Data[b] > 0 && modifier.Values[b] > 0;
            factors[b] = valid ? sample.Data[b] * sample.Data[b] / (modifier.Values[b] * modifier.Values[b]) : 1.0;
            fixedBins[b] = !valid;
        }
        return ParameterSetDraft.Poisson(modifier.Name, factors, fixedBins);
    }
}
