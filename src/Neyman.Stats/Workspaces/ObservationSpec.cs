namespace Neyman.Stats.Workspaces;

/// <summary>The observed event counts of one channel.</summary>
/// <param name="Name">The channel the counts belong to.</param>
/// <param name="Data">Observed count per bin (real numbers are allowed, as for Asimov data).</param>
public sealed record ObservationSpec(string Name, IReadOnlyList<double> Data);
