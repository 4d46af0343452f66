namespace Neyman.Stats.Interpolation;

/// <summary>
/// Interpolation code 1 (piecewise exponential, multiplicative):
/// v(alpha) = nominal (high / nominal)^alpha for alpha &gt;= 0 and nominal (low / nominal)^(-alpha) for alpha &lt; 0.
/// A zero nominal gives zero.
/// </summary>
public static class Code1
{
    /// <summary>The interpolated value and its derivative with respect to alpha.</summary>
    public static double Value(double alpha, double low, double nominal, double high, out double derivative)
    {
        if (nominal == 0)
        {
            derivative = 0;
            return 0;
        }
        var ratio = alpha >= 0 ? high / nominal : low / nominal;
        var exponent = alpha >= 0 ? alpha : -alpha;
        var factor = Math.Pow(ratio, exponent);
        var logRatio = Math.Log(ratio);
        derivative = nominal * factor * (alpha >= 0 ? logRatio : -logRatio);
        return nominal * factor;
    }
}
