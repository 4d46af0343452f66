using Neyman.Learning.Evaluation;

namespace Neyman.Learning.Tests.Evaluation;

public sealed class RocCurveTests
{
    [Fact]
    public void EveryPointIsTheWeightedFractionAboveItsThreshold()
    {
        var (scores, labels, weights) = EvaluationSamples.Random(200, 4, true, 21);
        var roc = RocCurve.From(BinaryScores.Create(scores, labels, weights));
        var ws = Enumerable.Range(0, 200).Where(i => labels[i] == 1).Sum(i => weights[i]);
        var wb = Enumerable.Range(0, 200).Where(i => labels[i] == 0).Sum(i => weights[i]);
        Assert.Equal(scores.Distinct().Count() + 1, roc.Count);
        Assert.Equal((0.0, 0.0), (roc.SignalEfficiency[0], roc.BackgroundEfficiency[0]));
        for (var p = 1; p < roc.Count; p++)
        {
            var t = roc.Thresholds[p];
            var s = Enumerable.Range(0, 200).Where(i => labels[i] == 1 && scores[i] >= t).Sum(i => weights[i]);
            var b = Enumerable.Range(0, 200).Where(i => labels[i] == 0 && scores[i] >= t).Sum(i => weights[i]);
            Assert.Equal(s / ws, roc.SignalEfficiency[p], 12);
            Assert.Equal(b / wb, roc.BackgroundEfficiency[p], 12);
        }
    }

    [Theory]
    [InlineData(10, 1 - 0.9 * 0.9)]
    [InlineData(100, 1 - 0.99 * 0.99)]
    [InlineData(1000, 1 - 0.999 * 0.999)]
    public void SignalEfficiencyAtFixedRejectionFollowsTheClosedForm(double rejection, double expected)
    {
        // Background uniform on (0, 1): eps_b(t) = 1 - t; signal with density 2x: eps_s(t) = 1 - t^2.
        const int n = 200_000;
        var scores = new double[2 * n];
        var labels = new double[2 * n];
        for (var i = 0; i < n; i++)
        {
            var u = (i + 0.5) / n;
            scores[i] = u;
            scores[n + i] = Math.Sqrt(u);
            labels[n + i] = 1;
        }
        var roc = RocCurve.From(BinaryScores.Create(scores, labels));
        Assert.Equal(expected, roc.SignalEfficiencyAtBackgroundRejection(rejection), 4);
    }

    [Fact]
    public void InterpolationIsLinearBetweenNeighbouringPoints()
    {
        // Points (eps_b, eps_s): (0, 0), (0, 0.5), (0.5, 1), (1, 1).
        var roc = RocCurve.From(BinaryScores.Create([3, 2, 2, 1], [1, 1, 0, 0]));
        Assert.Equal(0.75, roc.SignalEfficiencyAt(0.25), 15);
        Assert.Equal(1.0, roc.SignalEfficiencyAt(1), 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => roc.SignalEfficiencyAtBackgroundRejection(0.5));
    }

    [Fact]
    public void ThinningKeepsTheEndsAndBoundsThePointCount()
    {
        var (scores, labels, _) = EvaluationSamples.Random(20_000, 0, false, 3);
        var roc = RocCurve.From(BinaryScores.Create(scores, labels));
        var thin = roc.Thinned(500);
        Assert.InRange(thin.Count, 100, 3000);
        Assert.Equal((0.0, 0.0), (thin.SignalEfficiency[0], thin.BackgroundEfficiency[0]));
        Assert.Equal((1.0, 1.0), (thin.SignalEfficiency[^1], thin.BackgroundEfficiency[^1]));
        Assert.Equal(roc.SignalEfficiencyAt(0.3), thin.SignalEfficiencyAt(0.3), tolerance: 0.005);
    }
}
