using System.Text.Json.Nodes;
using Neyman.Stats.Models;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Modifiers;

/// <summary>
/// staterror: Monte Carlo statistical uncertainties (absolute, one per bin), Barlow-Beeston lite: one
/// Gaussian-constrained gamma per bin shared by every sample of the channel that carries the modifier, with
/// relative width sqrt(sum of sigma^2) / (sum of nominal) over those samples. Bins whose width is zero are fixed.
/// </summary>
internal sealed class StatErrorModifier : IModifierType
{
    public string Name => "staterror";

    public ModifierSpec Read(JsonRead json, JsonNode? data, string name, string path, int binCount)
    {
        var values = json.Numbers(data, path + ".data");
        BinCheck.Require(json, values.Length, binCount, path + ".data");
        return new ModifierSpec(name, Name, path) { Values = values };
    }

    public ParameterSetDraft Declare(ModifierSpec modifier, SampleSpec sample, ChannelSpec channel)
    {
        var n = channel.BinCount;
        var nominal = new double[n];
        var variance = new double[n];
        foreach (var s in channel.Samples)
        {
            foreach (var m in s.Modifiers)
            {
                if (m.Type == Name && m.Name == modifier.Name)
                {
                    for (var b = 0; b < n; b++)
                    {
                        nominal[b] += s.Data[b];
                        variance[b] += m.Values[b] * m.Values[b];
                    }
                    break;
                }
            }
        }
        var sigmas = new double[n];
        var fixedBins = new bool[n];
        for (var b = 0; b < n; b++)
        {
            sigmas[b] = nominal[b] > 0 ? Math.Sqrt(variance[b]) / nominal[b] : 0.0;
            fixedBins[b] = sigmas[b] == 0;
            if (fixedBins[b])
            {
                sigmas[b] = 1.0;
            }
        }
        var aux = Enumerable.Repeat(1.0, n).ToArray();
        var draft = ParameterSetDraft.Normal(modifier.Name, aux, sigmas, 1e-10, 10.0, requiresConfiguration: false);
        draft.Inits.AsSpan().Fill(1.0);
        fixedBins.CopyTo(draft.Fixed, 0);
        return draft;
    }
}
