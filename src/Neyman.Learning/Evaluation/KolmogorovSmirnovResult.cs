namespace Neyman.Learning.Evaluation;

/// <summary>The outcome of a two-sample Kolmogorov-Smirnov test.</summary>
/// <param name="Distance">The largest distance D between the two weighted empirical distribution functions.</param>
/// <param name="PValue">The asymptotic probability of a distance at least D if both samples share one distribution.</param>
/// <param name="EffectiveFirst">The effective size (sum w)^2 / sum w^2 of the first sample.</param>
/// <param name="EffectiveSecond">The effective size of the second sample.</param>
public readonly record struct KolmogorovSmirnovResult(double Distance, double PValue, double EffectiveFirst, double EffectiveSecond);
