using System.Text.Json.Nodes;
using Neyman.Stats.Models;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Modifiers;

/// <summary>shapefactor: one unconstrained factor per bin (init 1, bounds [0, 10]); data must be null.</summary>
internal sealed class ShapeFactorModifier : IModifierType
{
    public string Name => "shapefactor";

    public ModifierSpec Read(JsonRead json, JsonNode? data, string name, string path, int binCount)
    {
        if (data is not null)
        {
            throw json.Error(path + ".data", "expected null for a shapefactor modifier, found " + JsonRead.Describe(data));
        }
        return new ModifierSpec(name, Name, path);
    }

    public ParameterSetDraft Declare(ModifierSpec modifier, SampleSpec sample, ChannelSpec channel) =>
        ParameterSetDraft.Unconstrained(modifier.Name, channel.BinCount, 1.0, 0.0, 10.0);
}
