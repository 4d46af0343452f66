namespace Neyman.Stats.Fitting;

/// <summary>Settings of <see cref="BoundedNewtonMinimizer"/>.</summary>
/// <param name="MaxIterations">Newton iterations before giving up.</param>
/// <param name="DecrementTolerance">Stop when the predicted decrease of the objective (the Newton decrement), relative to max(1, |f|), is below this.</param>
/// <param name="GradientTolerance">Stop when the largest free, inward-pointing gradient component is below this.</param>
public sealed record MinimizerOptions(int MaxIterations = 200, double DecrementTolerance = 1e-15, double GradientTolerance = 1e-10)
{
    /// <summary>The defaults.</summary>
    public static MinimizerOptions Default { get; } = new();
}
