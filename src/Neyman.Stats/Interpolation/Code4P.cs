using System.Runtime.CompilerServices;
namespace Neyman.Stats.Interpolation;

/// <summary>
/// Interpolation code 4p (polynomial inside, linear outside, additive), with du = high - nominal,
/// dd = nominal - low, S = (du + dd)/2, A = (du - dd)/16:
/// v = nominal + alpha (S + alpha A (15 - 10 alpha^2 + 3 alpha^4)) for |alpha| &lt;= 1,
/// v = nominal + alpha du for alpha &gt; 1 and v = nominal + alpha dd for alpha &lt; -1.
/// </summary>
public static class Code4P
{
    /// <summary>The interpolated value and its derivative with respect to alpha.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Value(double alpha, double low, double nominal, double high, out double derivative)
    {
        var up = high - nominal;
        var down = nominal - low;
        if (alpha > 1)
        {
            derivative = up;
            return nominal + alpha * up;
        }
        if (alpha < -1)
        {
            derivative = down;
            return nominal + alpha * down;
        }
        var s = 0.5 * (up + down);
        var a = 0.0625 * (up - down);
        var a2 = alpha * alpha;
        derivative = s + a * alpha * (30 + a2 * (-40 + a2 * 18));
        return nominal + alpha * (s + alpha * a * (15 + a2 * (-10 + a2 * 3)));
    }
}
