using Neyman.Stats.Fitting;

namespace Neyman.Stats.Inference;

/// <summary>A test statistic's value with the two fits behind it.</summary>
/// <param name="Value">The test statistic.</param>
/// <param name="FixedPoiFit">The fit with the POI at the tested value.</param>
/// <param name="FreeFit">The fit with the POI free.</param>
public sealed record TestStatisticValue(double Value, FitResult FixedPoiFit, FitResult FreeFit);
