using System.Runtime.CompilerServices;
namespace Neyman.Stats.Fitting;

/// <summary>Cholesky factorisation and solves for small dense symmetric matrices stored row-major.</summary>
internal static class DenseCholesky
{
    /// <summary>Factorises <paramref name="a"/> (n x n, row-major) in place into its lower factor; false if not positive definite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Factor(Span<double> a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var d = a[j * n + j];
            for (var k = 0; k < j; k++)
            {
                d -= a[j * n + k] * a[j * n + k];
            }
            if (!(d > 0) || double.IsInfinity(d))
            {
                return false;
            }
            d = Math.Sqrt(d);
            a[j * n + j] = d;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[i * n + j];
                for (var k = 0; k < j; k++)
                {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = s / d;
            }
        }
        return true;
    }

    /// <summary>Solves L L^T x = b in place, with L from <see cref="Factor"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Solve(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++)
            {
                s -= l[i * n + k] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= l[k * n + i] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
    }

    /// <summary>The inverse of a symmetric positive definite matrix, or null if it is not positive definite.</summary>
    public static double[]? Invert(double[] matrix, int n)
    {
        var l = (double[])matrix.Clone();
        if (!Factor(l, n))
        {
            return null;
        }
        var inverse = new double[n * n];
        var column = new double[n];
        for (var j = 0; j < n; j++)
        {
            Array.Clear(column);
            column[j] = 1;
            Solve(l, n, column);
            for (var i = 0; i < n; i++)
            {
                inverse[i * n + j] = column[i];
            }
        }
        return inverse;
    }
}
