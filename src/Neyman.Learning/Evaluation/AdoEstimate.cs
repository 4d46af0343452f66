namespace Neyman.Learning.Evaluation;

/// <summary>A sampled average decision ordering with its statistical uncertainty.</summary>
/// <param name="Ado">The estimate.</param>
/// <param name="StandardError">Its standard error from the sampled pairs.</param>
/// <param name="Pairs">The number of sampled signal-background pairs.</param>
public readonly record struct AdoEstimate(double Ado, double StandardError, long Pairs);
