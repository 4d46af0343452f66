namespace Neyman.Stats.Fitting;

/// <summary>A maximum-likelihood fit: best-fit parameters, twice the NLL there and the convergence status.</summary>
/// <param name="BestFit">Best-fit value of every parameter (fixed ones at their fixed value).</param>
/// <param name="TwiceNll">Twice the negative log-likelihood at the best fit.</param>
/// <param name="Converged">Whether the minimiser met its stopping criterion.</param>
/// <param name="Iterations">Newton iterations used.</param>
/// <param name="Message">Why the minimiser stopped.</param>
public sealed record FitResult(double[] BestFit, double TwiceNll, bool Converged, int Iterations, string Message)
{
    /// <summary>Standard errors from the inverse Hessian (zero for fixed parameters); empty unless requested.</summary>
    public double[] Uncertainties { get; init; } = [];

    /// <summary>Correlation matrix (row-major, parameters x parameters); empty unless requested.</summary>
    public double[] Correlations { get; init; } = [];

    /// <summary>False when uncertainties were requested but the Hessian was not positive definite.</summary>
    public bool CovarianceValid { get; init; } = true;
}
