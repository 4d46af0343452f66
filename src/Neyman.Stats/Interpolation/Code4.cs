using System.Runtime.CompilerServices;
namespace Neyman.Stats.Interpolation;

/// <summary>
/// Interpolation code 4 (multiplicative): with ratios h = high/nominal and l = low/nominal, v = nominal h^alpha for
/// alpha &gt;= 1, nominal l^(-alpha) for alpha &lt;= -1, and inside nominal (1 + sum_{i=1..6} c_i alpha^i), where
/// the c_i make value, first and second derivative continuous at alpha = +-1 (alpha0 = 1).
/// </summary>
public static class Code4
{
    private static readonly double[,] Inverse = InvertBoundaryMatrix();

    /// <summary>The six polynomial coefficients c_1..c_6 for the ratios <paramref name="lowRatio"/>, <paramref name="highRatio"/>.</summary>
    public static void Coefficients(double lowRatio, double highRatio, Span<double> coefficients)
    {
        var logHigh = Math.Log(highRatio);
        var logLow = Math.Log(lowRatio);
        Span<double> b =
        [
            highRatio - 1, lowRatio - 1, logHigh * highRatio, -logLow * lowRatio,
            logHigh * logHigh * highRatio, logLow * logLow * lowRatio,
        ];
        for (var i = 0; i < 6; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < 6; j++)
            {
                sum += Inverse[i, j] * b[j];
            }
            coefficients[i] = sum;
        }
    }

    /// <summary>The multiplicative factor for ratios and precomputed coefficients, with its derivative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Factor(double alpha, double lowRatio, double highRatio, ReadOnlySpan<double> coefficients, out double derivative)
    {
        if (alpha >= 1)
        {
            var f = Math.Pow(highRatio, alpha);
            derivative = f * Math.Log(highRatio);
            return f;
        }
        if (alpha <= -1)
        {
            var f = Math.Pow(lowRatio, -alpha);
            derivative = -f * Math.Log(lowRatio);
            return f;
        }
        var value = 0.0;
        var slope = 0.0;
        for (var i = 5; i >= 0; i--)
        {
            slope = slope * alpha + (i + 1) * coefficients[i];
            value = (value + coefficients[i]) * alpha;
        }
        derivative = slope;
        return 1 + value;
    }

    /// <summary>The interpolated value and its derivative with respect to alpha.</summary>
    public static double Value(double alpha, double low, double nominal, double high, out double derivative)
    {
        if (nominal == 0)
        {
            derivative = 0;
            return 0;
        }
        Span<double> c = stackalloc double[6];
        Coefficients(low / nominal, high / nominal, c);
        var f = Factor(alpha, low / nominal, high / nominal, c, out var d);
        derivative = nominal * d;
        return nominal * f;
    }

    private static double[,] InvertBoundaryMatrix()
    {
        // Rows: p(1), p(-1), p'(1), p'(-1), p''(1), p''(-1) for p(x) = sum c_i x^i, i = 1..6.
        var a = new double[6, 12];
        for (var i = 1; i <= 6; i++)
        {
            a[0, i - 1] = 1;
            a[1, i - 1] = Math.Pow(-1, i);
            a[2, i - 1] = i;
            a[3, i - 1] = i * Math.Pow(-1, i - 1);
            a[4, i - 1] = i * (i - 1);
            a[5, i - 1] = i * (i - 1) * Math.Pow(-1, i - 2);
        }
        for (var i = 0; i < 6; i++)
        {
            a[i, 6 + i] = 1;
        }
        for (var col = 0; col < 6; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < 6; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }
            for (var k = 0; k < 12; k++)
            {
                (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            }
            var p = a[col, col];
            for (var k = 0; k < 12; k++)
            {
                a[col, k] /= p;
            }
            for (var r = 0; r < 6; r++)
            {
                if (r != col && a[r, col] != 0)
                {
                    var f = a[r, col];
                    for (var k = 0; k < 12; k++)
                    {
                        a[r, k] -= f * a[col, k];
                    }
                }
            }
        }
        var inverse = new double[6, 6];
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 6; j++)
            {
                inverse[i, j] = a[i, 6 + j];
            }
        }
        return inverse;
    }
}
