using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class SplitMathTests
{
    [Fact]
    public void LeafValueMinimisesTheQuadraticLoss()
    {
        // Loss(w) = G w + 0.5 (H + lambda) w^2 + alpha |w|: check the closed form against neighbours of the minimum.
        const double g = 3.0, h = 2.0, lambda = 1.0, alpha = 0.5;
        var w = SplitMath.LeafValue(g, h, lambda, alpha);
        Assert.Equal(-(3.0 - 0.5) / 3.0, w, 15);
        double Loss(double x) => (g * x) + (0.5 * (h + lambda) * x * x) + (alpha * Math.Abs(x));
        Assert.True(Loss(w) < Loss(w + 1e-4));
        Assert.True(Loss(w) < Loss(w - 1e-4));
        // The loss reduction at the optimum is half the node score.
        Assert.Equal(-0.5 * SplitMath.NodeScore(g, h, lambda, alpha), Loss(w), 14);
    }

    [Fact]
    public void L1PenaltyZeroesSmallGradients()
    {
        Assert.Equal(0.0, SplitMath.LeafValue(0.4, 1.0, 0.0, 0.5));
        Assert.Equal(0.0, SplitMath.NodeScore(-0.4, 1.0, 0.0, 0.5));
        Assert.Equal(-1.5, SplitMath.ThresholdL1(-2.0, 0.5));
    }

    [Fact]
    public void SplitGainMatchesHandComputation()
    {
        // Left G=-4 H=2, right G=6 H=3, lambda=1: 0.5 * (16/3 + 36/4 - 4/6) = 0.5 * (5.3333.. + 9 - 0.6666..) = 6.8333..
        var gain = SplitMath.SplitGain(-4, 2, 6, 3, 1, 0);
        Assert.Equal(0.5 * ((16.0 / 3.0) + 9.0 - (4.0 / 6.0)), gain, 14);
        // Splitting identical halves gains nothing without regularization.
        Assert.Equal(0.0, SplitMath.SplitGain(2, 1, 2, 1, 0, 0), 14);
    }
}
