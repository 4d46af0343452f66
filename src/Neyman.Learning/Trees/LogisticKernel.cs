using System.Numerics;
using System.Runtime.CompilerServices;

namespace Neyman.Learning.Trees;

/// <summary>
/// The logistic loss, its gradient and hessian for many events at once, on SIMD vectors: e = exp(-|s|) by
/// Cody-Waite reduction and a degree-13 Taylor polynomial, log(1 + e) by the series of 2 atanh(e / (2 + e)),
/// both within a few units in the last place of the correctly rounded values for the arguments that occur
/// (s finite; e below 1e-300 taken as 0). The last partial vector is computed padded, in a full vector, so
/// every event gets the same bits wherever it falls in a block.
/// </summary>
internal static class LogisticKernel
{
    private const double Ln2High = 0.693147180369123816490;
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const double InverseLn2 = 1.44269504088896338700;

    /// <summary>Fills gradient w (p - y) and hessian w p (1 - p); returns the summed loss w (log(1 + e^s) - y s).</summary>
    /// <param name="score">Raw scores (log-odds).</param>
    /// <param name="label">Labels, 0 or 1.</param>
    /// <param name="weight">Event weights.</param>
    /// <param name="gradient">Receives the gradients.</param>
    /// <param name="hessian">Receives the hessians.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Compute(ReadOnlySpan<double> score, ReadOnlySpan<double> label, ReadOnlySpan<double> weight, Span<float> gradient, Span<float> hessian)
    {
        // Two double vectors per step make one float vector of gradients and one of hessians.
        var width = Vector<double>.Count;
        var step = 2 * width;
        var n = score.Length;
        var sums = Vector<double>.Zero;
        var i = 0;
        for (; i + step <= n; i += step)
        {
            var (g0, h0, l0) = Step(new Vector<double>(score[i..]), new Vector<double>(label[i..]), new Vector<double>(weight[i..]));
            var (g1, h1, l1) = Step(new Vector<double>(score[(i + width)..]), new Vector<double>(label[(i + width)..]), new Vector<double>(weight[(i + width)..]));
            Vector.Narrow(g0, g1).CopyTo(gradient[i..]);
            Vector.Narrow(h0, h1).CopyTo(hessian[i..]);
            sums += l0 + l1;
        }

        if (i < n)
        {
            // The last events padded with zero weights, which add nothing to the loss.
            Span<double> s = stackalloc double[step];
            Span<double> y = stackalloc double[step];
            Span<double> w = stackalloc double[step];
            Span<float> g = stackalloc float[step];
            Span<float> h = stackalloc float[step];
            score[i..].CopyTo(s);
            label[i..].CopyTo(y);
            weight[i..].CopyTo(w);
            var (g0, h0, l0) = Step(new Vector<double>(s), new Vector<double>(y), new Vector<double>(w));
            var (g1, h1, l1) = Step(new Vector<double>(s[width..]), new Vector<double>(y[width..]), new Vector<double>(w[width..]));
            Vector.Narrow(g0, g1).CopyTo(g);
            Vector.Narrow(h0, h1).CopyTo(h);
            g[..(n - i)].CopyTo(gradient[i..]);
            h[..(n - i)].CopyTo(hessian[i..]);
            sums += l0 + l1;
        }

        var loss = 0.0;
        for (var lane = 0; lane < width; lane++)
        {
            loss += sums[lane];
        }

        return loss;
    }

    /// <summary>exp(x) for x &lt;= 0, lane by lane; below -708 the result is 0.</summary>
    /// <param name="x">Non-positive arguments.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> ExpOfNonPositive(Vector<double> x)
    {
        var tiny = Vector.LessThan(x, new Vector<double>(-708.0));
        x = Vector.Max(x, new Vector<double>(-708.0));
        var k = Vector.Round(x * new Vector<double>(InverseLn2));
        var r = Vector.FusedMultiplyAdd(k, new Vector<double>(-Ln2Low), Vector.FusedMultiplyAdd(k, new Vector<double>(-Ln2High), x));
        // Taylor series of exp(r) for |r| <= ln2 / 2, Horner from the degree-13 term.
        var p = new Vector<double>(1.0 / 6227020800.0);
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 479001600.0));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 39916800.0));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 3628800.0));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 362880.0));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 40320.0));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 5040.0));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 720.0));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 120.0));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 24.0));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 6.0));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(0.5));
        p = Vector.FusedMultiplyAdd(p, r, Vector<double>.One);
        p = Vector.FusedMultiplyAdd(p, r, Vector<double>.One);
        // Times 2^k, k in [-1022, 0], through the exponent bits.
        var scale = Vector.AsVectorDouble((Vector.ConvertToInt64(k) + new Vector<long>(1023)) << 52);
        return Vector.ConditionalSelect(tiny, Vector<double>.Zero, p * scale);
    }

    /// <summary>log(1 + e) for 0 &lt;= e &lt;= 1, lane by lane.</summary>
    /// <param name="e">Arguments in [0, 1].</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> LogOnePlus(Vector<double> e)
    {
        // log(1 + e) = 2 atanh(t) = 2 (t + t^3/3 + t^5/5 + ...), t = e / (2 + e) in [0, 1/3]: 17 terms reach 1e-17.
        var t = e / (new Vector<double>(2.0) + e);
        var t2 = t * t;
        var q = Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 35), t2, new Vector<double>(1.0 / 33));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 31));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 29));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 27));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 25));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 23));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 21));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 19));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 17));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 15));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 13));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 11));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 9));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 7));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 5));
        q = Vector.FusedMultiplyAdd(q, t2, new Vector<double>(1.0 / 3));
        q = Vector.FusedMultiplyAdd(q, t2, Vector<double>.One);
        return new Vector<double>(2.0) * t * q;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector<double> Gradient, Vector<double> Hessian, Vector<double> Loss) Step(Vector<double> s, Vector<double> y, Vector<double> w)
    {
        // One exponential serves the probability, its complement and the loss max(s, 0) + log(1 + e) - y s.
        var e = ExpOfNonPositive(-Vector.Abs(s));
        var positive = Vector.GreaterThanOrEqual(s, Vector<double>.Zero);
        var p = Vector.ConditionalSelect(positive, Vector<double>.One, e) / (Vector<double>.One + e);
        return (w * (p - y), w * p * (Vector<double>.One - p), w * (Vector.Max(s, Vector<double>.Zero) + LogOnePlus(e) - (y * s)));
    }
}
