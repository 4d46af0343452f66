namespace Neyman.Stats.Fitting;

/// <summary>Overrides of a model's suggested starting point, bounds and fixed flags for a fit; null keeps the model's.</summary>
/// <param name="Init">Starting values.</param>
/// <param name="Lower">Lower bounds.</param>
/// <param name="Upper">Upper bounds.</param>
/// <param name="Fixed">Parameters held at their starting value.</param>
/// <param name="Minimizer">Minimiser settings.</param>
public sealed record FitSettings(double[]? Init = null, double[]? Lower = null, double[]? Upper = null, bool[]? Fixed = null, MinimizerOptions? Minimizer = null)
{
    /// <summary>The model's suggestions and the default minimiser.</summary>
    public static FitSettings Default { get; } = new();
}
