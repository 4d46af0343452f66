using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class FlatnessGradientTests
{
    // Background events (label 0): mass bin 0 holds scores -1, -0.9; mass bin 1 holds 1, 1.1. One signal event.
    private static readonly double[] Labels = [0, 0, 0, 0, 1];
    private static readonly double[] Mass = [0, 0.1, 0.9, 1, 0.5];
    private static readonly double[] Score = [-1, -0.9, 1, 1.1, 0];

    [Fact]
    public void LowScoringBinIsPushedUpAndHighScoringBinDown()
    {
        var (g, h, g0, h0) = Gradients([1, 1, 1, 1, 1], new FlatnessOptions { UniformFeatures = ["mass"], BinCount = 2, Coefficient = 1, Power = 2 });

        // Global mid-rank positions 1/8, 3/8, 5/8, 7/8 at scores -1, -0.9, 1, 1.1; local positions 1/4, 3/4 in
        // each bin. Targets: the global quantile at 1/4 lies halfway between -1 and -0.9, at 3/4 halfway between 1 and
        // 1.1. d = s - t; the flatness gradient is c w p d (p = 2), its curvature c w p.
        double[] target = [-0.95, 1.05, -0.95, 1.05];
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(g0[i] + (2 * (Score[i] - target[i])), g[i], 6);
            Assert.Equal(h0[i] + 2, h[i], 6);
        }

        Assert.Equal(g0[4], g[4]);
    }

    [Fact]
    public void PowerOnePushesBySignOnly()
    {
        // The same events with p = 1 and one weight of 2: the flatness gradient is c w sign(d), its curvature c |w|.
        double[] weights = [1, 2, 1, 1, 1];
        var (g, h, g0, h0) = Gradients(weights, new FlatnessOptions { UniformFeatures = ["mass"], BinCount = 2, Coefficient = 0.5, Power = 1 });
        for (var i = 0; i < 4; i++)
        {
            Assert.NotEqual(g0[i], g[i]);
            Assert.Equal(g0[i] + (0.5 * weights[i] * Math.Sign(g[i] - g0[i])), g[i], 6);
            Assert.Equal(h0[i] + (0.5 * weights[i]), h[i], 6);
        }

        // The low-scoring mass bin is pushed up (negative gradient raises the score), the high one down.
        Assert.True(g[0] < g0[0] && g[1] < g0[1]);
        Assert.True(g[2] > g0[2] && g[3] > g0[3]);
        Assert.Equal(g0[4], g[4]);
    }

    // The flat objective's gradients and hessians next to the plain logistic ones, for the events above.
    private static (float[] G, float[] H, float[] G0, float[] H0) Gradients(double[] weights, FlatnessOptions options)
    {
        var (g, h) = (new float[5], new float[5]);
        var (g0, h0) = (new float[5], new float[5]);
        new FlatnessLoss(Labels, weights, [Mass], options).ComputeGradients(Score, g, h);
        new BinaryLogisticLoss(Labels, weights).ComputeGradients(Score, g0, h0);
        return (g, h, g0, h0);
    }
}
