namespace Neyman.Stats.Fitting;

/// <summary>The outcome of a minimisation.</summary>
/// <param name="X">The point reached.</param>
/// <param name="Value">The objective there.</param>
/// <param name="Converged">Whether a stopping criterion was met (otherwise the point is the best found).</param>
/// <param name="Iterations">Newton iterations used.</param>
/// <param name="Evaluations">Objective-and-gradient evaluations used.</param>
/// <param name="ProjectedGradientNorm">Largest gradient component not blocked by a bound, at the end.</param>
/// <param name="Message">Why it stopped.</param>
public sealed record MinimizerResult(double[] X, double Value, bool Converged, int Iterations, int Evaluations, double ProjectedGradientNorm, string Message);
