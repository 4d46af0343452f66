using MathNet.Numerics.Distributions;

namespace Neyman.Publishing.Plots;

/// <summary>
/// The Garwood (exact, central) 68.27% confidence interval of a Poisson mean given an observed count n:
/// lower = chi2 quantile(0.1587, 2n) / 2 (0 when n = 0), upper = chi2 quantile(0.8413, 2n + 2) / 2. These are
/// the asymmetric error bars conventionally drawn on data points in particle physics.
/// </summary>
public static class PoissonInterval
{
    private const double Tail = 0.15865525393145707;

    /// <summary>The interval (lower, upper) for the count <paramref name="n"/> (non-negative).</summary>
    public static (double Lower, double Upper) Garwood(double n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var lower = n == 0 ? 0 : ChiSquared.InvCDF(2 * n, Tail) / 2;
        var upper = ChiSquared.InvCDF(2 * n + 2, 1 - Tail) / 2;
        return (lower, upper);
    }
}
