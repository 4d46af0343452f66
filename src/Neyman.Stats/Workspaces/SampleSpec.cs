namespace Neyman.Stats.Workspaces;

/// <summary>A sample of a channel: its nominal yields per bin and the modifiers acting on it.</summary>
/// <param name="Name">The sample name, unique within its channel.</param>
/// <param name="Data">Nominal yield per bin.</param>
/// <param name="Modifiers">The modifiers in the order written.</param>
public sealed record SampleSpec(string Name, IReadOnlyList<double> Data, IReadOnlyList<ModifierSpec> Modifiers);
