namespace Neyman.Stats.Interpolation;

/// <summary>
/// Interpolation code 2 (quadratic with linear extrapolation, additive). With a = (high + low)/2 - nominal and
/// b = (high - low)/2: v = nominal + a alpha^2 + b alpha for |alpha| &lt;= 1;
/// v = high + (b + 2a)(alpha - 1) for alpha &gt; 1; v = low + (b - 2a)(alpha + 1) for alpha &lt; -1.
/// </summary>
public static class Code2
{
    /// <summary>The interpolated value and its derivative with respect to alpha.</summary>
    public static double Value(double alpha, double low, double nominal, double high, out double derivative)
    {
        var a = 0.5 * (high + low) - nominal;
        var b = 0.5 * (high - low);
        if (alpha > 1)
        {
            derivative = b + 2 * a;
            return high + derivative * (alpha - 1);
        }
        if (alpha < -1)
        {
            derivative = b - 2 * a;
            return low + derivative * (alpha + 1);
        }
        derivative = 2 * a * alpha + b;
        return nominal + (a * alpha + b) * alpha;
    }
}
