namespace Neyman.Core;

/// <summary>
/// An iterative algorithm (a fit, a root finder, a training run) did not reach its goal.
/// Carries diagnostics so that callers report the failure instead of passing on a NaN.
/// </summary>
public class NonConvergenceException : Exception
{
    /// <summary>Creates the exception with a message and optional diagnostics.</summary>
    public NonConvergenceException(string message, IReadOnlyDictionary<string, double>? diagnostics = null)
        : base(message)
    {
        Diagnostics = diagnostics ?? new Dictionary<string, double>();
    }

    /// <summary>Named numbers that describe the state at failure (iterations, gradient norm, ...).</summary>
    public IReadOnlyDictionary<string, double> Diagnostics { get; }
}
