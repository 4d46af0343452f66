namespace Neyman.Stats.Interpolation;

/// <summary>
/// Interpolation code 0 (piecewise linear, additive):
/// v(alpha) = nominal + alpha (high - nominal) for alpha &gt;= 0 and nominal + alpha (nominal - low) for alpha &lt; 0.
/// </summary>
public static class Code0
{
    /// <summary>The interpolated value and its derivative with respect to alpha.</summary>
    public static double Value(double alpha, double low, double nominal, double high, out double derivative)
    {
        derivative = alpha >= 0 ? high - nominal : nominal - low;
        return nominal + alpha * derivative;
    }
}
