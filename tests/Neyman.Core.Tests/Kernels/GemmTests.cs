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

    [Theory]
    [InlineData(1, 1, 1, 0f)]
    [InlineData(3, 5, 7, 0f)]
    [InlineData(17, 33, 29, 1f)]
    [InlineData(37, 19, 65, 0.5f)]
    [InlineData(64, 300, 28, 0f)]
    public void Matches_naive_double_reference_on_odd_shapes(int m, int n, int k, float beta)
    {
        var a = Fill(m * k, 1);
        var b = Fill(k * n, 2);
        var c = Fill(m * n, 3);
        var expected = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = beta * c[i * n + j];
                for (var p = 0; p < k; p++)
                {
                    sum += (double)a[i * k + p] * b[p * n + j];
                }
                expected[i * n + j] = sum;
            }
        }
        Gemm.Multiply(m, n, k, a, b, c, beta, threads: 2);
        for (var index = 0; index < expected.Length; index++)
        {
            Assert.True(Math.Abs(c[index] - expected[index]) <= 1e-5 * (k + 1), $"index {index}: {c[index]} vs {expected[index]}");
        }
    }

    [Fact]
    public void Same_bits_whatever_the_thread_count()
    {
        const int m = 101, n = 67, k = 45;
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
    }
}
