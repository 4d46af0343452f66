using Neyman.Core;
using Neyman.Core.Kernels;

namespace Neyman.Core.Tests.Kernels;

public class GemmTests
{
    private static float[] Fill(int count, ulong seed)
    {
        var random = new RandomStream(seed);
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }
        return values;
    }

    /// <summary>The textbook triple loop in double precision, on the same strided views.</summary>
    private static double[] Reference(bool ta, bool tb, int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc, float beta)
    {
        var expected = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = beta == 0f ? 0 : beta * (double)c[cOff + i * ldc + j];
                for (var p = 0; p < k; p++)
                {
                    var x = ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    var y = tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    sum += (double)x * y;
                }
                expected[i * n + j] = sum;
            }
        }
        return expected;
    }

    [Theory]
    [InlineData(1, 1, 1, 0f)]
    [InlineData(3, 5, 7, 0f)]
    [InlineData(17, 33, 29, 1f)]
    [InlineData(37, 19, 65, 0.5f)]
    [InlineData(64, 300, 28, 0f)]
    [InlineData(131, 161, 300, 0f)]
    [InlineData(9, 70, 600, 1f)]
    public void Matches_naive_double_reference_on_odd_shapes(int m, int n, int k, float beta)
    {
        var a = Fill(m * k, 1);
        var b = Fill(k * n, 2);
        var c = Fill(m * n, 3);
        var expected = Reference(false, false, m, n, k, a, 0, k, b, 0, n, c, 0, n, beta);
        Gemm.Multiply(m, n, k, a, b, c, beta, threads: 2);
        for (var index = 0; index < expected.Length; index++)
        {
            Assert.True(Math.Abs(c[index] - expected[index]) <= 2e-6 * (k + 1), $"index {index}: {c[index]} vs {expected[index]}");
        }
    }

    [Theory]
    [InlineData(false, true, 23, 41, 300)]
    [InlineData(true, false, 300, 45, 101)]
    [InlineData(true, true, 13, 77, 259)]
    [InlineData(false, false, 70, 129, 5)]
    public void Transposed_and_strided_operands_match_the_reference(bool ta, bool tb, int m, int n, int k)
    {
        // Views sit inside larger buffers at an offset and with padded strides, as layer slices do.
        var lda = (ta ? m : k) + 3;
        var ldb = (tb ? k : n) + 5;
        var ldc = n + 2;
        var a = Fill(7 + lda * (ta ? k : m), 11);
        var b = Fill(4 + ldb * (tb ? n : k), 12);
        var c = Fill(9 + ldc * m, 13);
        var untouched = (float[])c.Clone();
        var expected = Reference(ta, tb, m, n, k, a, 7, lda, b, 4, ldb, c, 9, ldc, 1f);
        Gemm.Multiply(ta, tb, m, n, k, a, 7, lda, b, 4, ldb, c, 9, ldc, beta: 1f, threads: 2);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var got = c[9 + i * ldc + j];
                Assert.True(Math.Abs(got - expected[i * n + j]) <= 2e-6 * (k + 1), $"({i},{j}): {got} vs {expected[i * n + j]}");
            }
            for (var j = n; j < ldc && 9 + i * ldc + j < c.Length; j++)
            {
                Assert.Equal(untouched[9 + i * ldc + j], c[9 + i * ldc + j]);
            }
        }
        Assert.Equal(untouched.AsSpan(0, 9).ToArray(), c.AsSpan(0, 9).ToArray());
    }

    [Fact]
    public void Beta_zero_overwrites_even_nan()
    {
        var a = Fill(6, 1);
        var b = Fill(6, 2);
        var c = new float[] { float.NaN, float.NaN, float.NaN, float.NaN };
        Gemm.Multiply(2, 2, 3, a, b, c);
        Assert.All(c, value => Assert.True(float.IsFinite(value)));
    }

    [Fact]
    public void Zero_depth_scales_the_output()
    {
        var c = new float[] { 1, 2, 3, 4 };
        Gemm.Multiply(2, 2, 0, [], [], c, beta: 0.5f);
        Assert.Equal(new float[] { 0.5f, 1, 1.5f, 2 }, c);
    }

    [Fact]
    public void Same_bits_whatever_the_thread_count()
    {
        const int m = 301, n = 267, k = 545;
        var a = Fill(m * k, 4);
        var b = Fill(k * n, 5);
        var one = new float[m * n];
        var four = new float[m * n];
        Gemm.Multiply(m, n, k, a, b, one, threads: 1);
        Gemm.Multiply(m, n, k, a, b, four, threads: 4);
        Assert.Equal(one, four);
    }

    [Fact]
    public void Rejects_short_buffers()
    {
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(2, 2, 2, new float[3], new float[4], new float[4]));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 2, 2, 2, new float[4], 0, 1, new float[4], 0, 2, new float[4], 0, 2));
    }
}
