using System.Text.Json.Nodes;
using Neyman.Stats.Models;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Modifiers;

/// <summary>One HistFactory modifier type: how its data is read and which parameters it asks for.</summary>
internal interface IModifierType
{
    /// <summary>The type name as written in workspaces.</summary>
    string Name { get; }

    /// <summary>Reads and checks the modifier's data against the sample's bin count.</summary>
    ModifierSpec Read(JsonRead json, JsonNode? data, string name, string path, int binCount);

    /// <summary>The parameter set this modifier needs, with the type's defaults.</summary>
    ParameterSetDraft Declare(ModifierSpec modifier, SampleSpec sample, ChannelSpec channel);
}
