using System.Text.Json.Nodes;
using Neyman.Stats.Models;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Modifiers;

/// <summary>normfactor: an unconstrained scale factor on a sample (init 1, bounds [0, 10]); data must be null.</summary>
internal sealed class NormFactorModifier : IModifierType
{
    public string Name => "normfactor";

    public ModifierSpec Read(JsonRead json, JsonNode? data, string name, string path, int binCount)
    {
        if (data is not null)
        {
            throw json.Error(path + ".data", "expected null for a normfactor modifier, found " + JsonRead.Describe(data));
        }
        return new ModifierSpec(name, Name, path);
    }

    public ParameterSetDraft Declare(ModifierSpec modifier, SampleSpec sample, ChannelSpec channel) =>
        ParameterSetDraft.Unconstrained(modifier.Name, 1, 1.0, 0.0, 10.0);
}
