namespace Neyman.Events.Simulation;

/// <summary>
/// One multivariate normal component of a mixture: its weight, mean and the lower-triangular Cholesky factor L of its
/// covariance L L^T (row-major, d x d, positive diagonal).
/// </summary>
/// <param name="Weight">The mixture weight.</param>
/// <param name="Mean">The mean vector.</param>
/// <param name="Cholesky">L, row-major; entries above the diagonal are zero.</param>
public sealed record GaussianComponent(double Weight, double[] Mean, double[] Cholesky)
{
    /// <summary>The dimension d.</summary>
    public int Dimensions => Mean.Length;

    /// <summary>
    /// log N(x; mean, L L^T) = -d/2 log(2 pi) - sum log L_ii - |z|^2 / 2 with L z = x - mean (forward substitution).
    /// </summary>
    public double LogDensity(ReadOnlySpan<double> x)
    {
        var d = Mean.Length;
        Span<double> z = d <= 64 ? stackalloc double[d] : new double[d];
        var logDeterminant = 0.0;
        var squared = 0.0;
        for (var i = 0; i < d; i++)
        {
            var sum = x[i] - Mean[i];
            for (var j = 0; j < i; j++)
            {
                sum -= Cholesky[i * d + j] * z[j];
            }
            z[i] = sum / Cholesky[i * d + i];
            squared += z[i] * z[i];
            logDeterminant += Math.Log(Cholesky[i * d + i]);
        }
        return -0.5 * d * Math.Log(2 * Math.PI) - logDeterminant - 0.5 * squared;
    }

    /// <summary>Writes mean + L z into <paramref name="x"/>, for a vector <paramref name="z"/> of standard normal deviates.</summary>
    public void Transform(ReadOnlySpan<double> z, Span<double> x)
    {
        var d = Mean.Length;
        for (var i = 0; i < d; i++)
        {
            var sum = Mean[i];
            for (var j = 0; j <= i; j++)
            {
                sum += Cholesky[i * d + j] * z[j];
            }
            x[i] = sum;
        }
    }
}
