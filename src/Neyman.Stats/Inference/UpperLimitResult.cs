namespace Neyman.Stats.Inference;

/// <summary>Upper limits on the POI at a confidence level: observed and expected band.</summary>
/// <param name="Observed">The observed limit.</param>
/// <param name="Expected">Expected limits at n sigma = -2, -1, 0, 1, 2 (ascending, pyhf's order).</param>
/// <param name="Scan">The hypothesis tests behind the limit (the grid, or the points the root finder visited).</param>
public sealed record UpperLimitResult(double Observed, double[] Expected, IReadOnlyList<HypothesisTestResult> Scan);
