using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class FlatnessGradientTests
{
    [Fact]
    public void LowScoringBinIsPushedUpAndHighScoringBinDown()
    {
        // Background events (label 0): mass bin 0 holds scores -1, -0.9; mass bin 1 holds 1, 1.1. One signal event.
        double[] labels = [0, 0, 0, 0, 1];
        double[] weights = [1, 1, 1, 1, 1];
        double[] mass = [0, 0.1, 0.9, 1, 0.5];
        double[] score = [-1, -0.9, 1, 1.1, 0];
        var options = new FlatnessOptions { UniformFeatures = ["mass"], BinCount = 2, Coefficient = 1, Power = 2 };
        var flat = new FlatnessLoss(labels, weights, [mass], options);
        var logistic = new BinaryLogisticLoss(labels, weights);
        var (g, h) = (new float[5], new float[5]);
        var (g0, h0) = (new float[5], new float[5]);
        flat.ComputeGradients(score, g, h);
        logistic.ComputeGradients(score, g0, h0);

        // Global mid-rank positions 1/8, 3/8, 5/8, 7/8 at scores -1, -0.9, 1, 1.1; local positions 1/4, 3/4 in
        // each bin. Targets: the global quantile at 1/4 lies halfway between -1 and -0.9, at 3/4 halfway between 1 and
        // 1.1. d = s - t; the flatness gradient is c w p d (p = 2), its curvature c w p.
        double[] target = [-0.95, 1.05, -0.95, 1.05];
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(g0[i] + (2 * (score[i] - target[i])), g[i], 6);
            Assert.Equal(h0[i] + 2, h[i], 6);
        }

        Assert.Equal(g0[4], g[4]);
    }

    [Fact]
    public void PowerOnePushesBySignOnly()
    {
        // The events of the test above with p = 1: the flatness gradient is c w sign(d), its curvature c |w|.
        double[] labels = [0, 0, 0, 0, 1];
        double[] weights = [1, 2, 1, 1, 1];
        double[] mass = [0, 0.1, 0.9, 1, 0.5];
        double[] score = [-1, -0.9, 1, 1.1, 0];
        var options = new FlatnessOptions { UniformFeatures = ["mass"], BinCount = 2, Coefficient = 0.5, Power = 1 };
        var flat = new FlatnessLoss(labels, weights, [mass], options);
        var logistic = new BinaryLogisticLoss(labels, weights);
        var (g, h) = (new float[5], new float[5]);
        var (g0, h0) = (new float[5], new float[5]);
        flat.ComputeGradients(score, g, h);
        logistic.ComputeGradients(score, g0, h0);
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
}
