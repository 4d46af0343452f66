namespace Neyman.Stats.Inference;

/// <summary>Discovery significance from q0: the p-value of the background-only hypothesis and its Z.</summary>
/// <param name="P0">Observed p0.</param>
/// <param name="Z0">Observed significance, Phi^-1(1 - p0).</param>
/// <param name="ExpectedP0">Expected p0 at n sigma = 2, 1, 0, -1, -2 of the signal-plus-background distribution (ascending).</param>
/// <param name="ExpectedZ0">The matching significances.</param>
public sealed record DiscoveryResult(double P0, double Z0, double[] ExpectedP0, double[] ExpectedZ0);
