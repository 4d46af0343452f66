using System.Text.Json.Nodes;
using Neyman.Stats.Models;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Modifiers;

/// <summary>
/// lumi: a luminosity scale factor with a Gaussian constraint whose centre and width must be given in the
/// measurement's parameter configuration (auxdata, sigmas); data must be null.
/// </summary>
internal sealed class LumiModifier : IModifierType
{
    public string Name => "lumi";

    public ModifierSpec Read(JsonRead json, JsonNode? data, string name, string path, int binCount)
    {
        if (data is not null)
        {
            throw json.Error(path + ".data", "expected null for a lumi modifier, found " + JsonRead.Describe(data));
        }
        return new ModifierSpec(name, Name, path);
    }

    public ParameterSetDraft Declare(ModifierSpec modifier, SampleSpec sample, ChannelSpec channel) =>
        ParameterSetDraft.Normal(modifier.Name, [1.0], [double.NaN], 0.0, 10.0, requiresConfiguration: true);
}
