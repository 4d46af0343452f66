using System.Numerics;
using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class LogisticKernelTests
{
    [Fact]
    public void ExponentialIsWithinTwoUlpOfTheRuntimes()
    {
        var width = Vector<double>.Count;
        var arguments = Enumerable.Range(0, 20_000).Select(i => -708.0 * i / 19_999.0)
            .Concat([0.0, -1e-300, -1e-17, -0.5 * Math.Log(2), -Math.Log(2), -700.123]).ToArray();
        foreach (var x in arguments)
        {
            var e = LogisticKernel.ExpOfNonPositive(new Vector<double>(x))[width - 1];
            Assert.True(UlpDistance(e, Math.Exp(x)) <= 2, $"exp({x:R}) = {e:R}, runtime {Math.Exp(x):R}");
        }

        Assert.Equal(0.0, LogisticKernel.ExpOfNonPositive(new Vector<double>(-709.0))[0]);
        Assert.Equal(0.0, LogisticKernel.ExpOfNonPositive(new Vector<double>(-1e5))[0]);
    }

    [Fact]
    public void LogOnePlusIsWithinFourUlpOfKahansFormula()
    {
        var arguments = Enumerable.Range(0, 20_000).Select(i => i / 19_999.0).Concat([1e-300, 1e-17, 1e-9, 0.5]).ToArray();
        foreach (var e in arguments)
        {
            // The reference is Kahan's log1p, log(u) e / (u - 1) with u = 1 + e: .NET's double.LogP1 is log(1 + e),
            // which loses digits for small e (5.000250012500625e-5 gives ...176341e-5, the true value ...166823e-5).
            var u = 1 + e;
            var reference = u == 1 ? e : Math.Log(u) * e / (u - 1);
            var value = LogisticKernel.LogOnePlus(new Vector<double>(e))[0];
            // Both carry one or two units of rounding error.
            Assert.True(UlpDistance(value, reference) <= 4, $"log1p({e:R}) = {value:R}, reference {reference:R}");
        }

        Assert.Equal(0.0, LogisticKernel.LogOnePlus(Vector<double>.Zero)[0]);
    }

    [Fact]
    public void GradientsHessiansAndLossAgreeWithTheClosedFormAndDoNotDependOnTheBlocks()
    {
        var random = new Core.RandomStream(8);
        const int N = 1003;
        var score = Enumerable.Range(0, N).Select(i => i switch { 0 => 0.0, 1 => 40.0, 2 => -40.0, 3 => 800.0, _ => random.NextGaussian(0, 3) }).ToArray();
        var label = Enumerable.Range(0, N).Select(i => (double)(i % 2)).ToArray();
        var weight = Enumerable.Range(0, N).Select(i => i % 11 == 0 ? -0.5 : random.NextUniform(0.5, 2)).ToArray();
        var (gradient, hessian) = (new float[N], new float[N]);
        var loss = LogisticKernel.Compute(score, label, weight, gradient, hessian);
        var exactLoss = 0.0;
        for (var i = 0; i < N; i++)
        {
            var p = LogisticObjective.Probability(score[i]);
            Assert.True(UlpDistance(gradient[i], (float)(weight[i] * (p - label[i]))) <= 1, $"gradient {i}");
            Assert.True(UlpDistance(hessian[i], (float)(weight[i] * p * (1 - p))) <= 1, $"hessian {i}");
            exactLoss += LogisticObjective.Loss(score[i], label[i], weight[i]);
        }

        Assert.Equal(exactLoss, loss, exactLoss * 1e-13);

        // The same events in blocks of any length, the last one padded, get the same bits.
        foreach (var length in new[] { 1, 3, 7, 8, 9, 100 })
        {
            var (g, h) = (new float[N], new float[N]);
            for (var start = 0; start < N; start += length)
            {
                var count = Math.Min(length, N - start);
                LogisticKernel.Compute(score.AsSpan(start, count), label.AsSpan(start, count), weight.AsSpan(start, count), g.AsSpan(start, count), h.AsSpan(start, count));
            }

            Assert.Equal(gradient, g);
            Assert.Equal(hessian, h);
        }
    }

    private static long UlpDistance(double a, double b) => Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));

    private static long UlpDistance(float a, float b) => Math.Abs(BitConverter.SingleToInt32Bits(a) - (long)BitConverter.SingleToInt32Bits(b));
}
