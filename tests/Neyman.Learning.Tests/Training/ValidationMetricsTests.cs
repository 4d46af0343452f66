using Neyman.Learning.Training;
using Xunit;

namespace Neyman.Learning.Tests.Training;

public sealed class ValidationMetricsTests
{
    [Fact]
    public void AucCountsWeightedPairsWithTiesAsHalf()
    {
        // Signal scores 0.9 (w 2), 0.5 (w 1); background 0.5 (w 1), 0.1 (w 3).
        // Pairs won: 2*1 + 2*3 + 1*3 = 11, tied 1*1 -> 0.5; total pairs 3 * 4 = 12.
        double[] score = [0.9, 0.5, 0.5, 0.1];
        double[] label = [1, 1, 0, 0];
        double[] weight = [2, 1, 1, 3];
        Assert.Equal(11.5 / 12, ValidationMetrics.Auc(score, label, weight), 14);
        Assert.Equal(1 - (11.5 / 12), ValidationMetrics.Auc([.. score.Select(s => -s)], label, weight), 14);
    }

    [Fact]
    public void RmseAndErrorAreWeighted()
    {
        Assert.Equal(Math.Sqrt(((1 * 1) + (3 * 4)) / 4.0), ValidationMetrics.Rmse([1, 2], [0, 4], [1, 3]), 14);
        // Log-odds 2 (class 1, right), -1 (class 0, wrong, w 2), 0.5 (class 1, wrong, w 3).
        Assert.Equal(5 / 6.0, ValidationMetrics.Error([2.0, -1.0, 0.5], 1, [1, 1, 0], [1, 2, 3]), 14);
        // Two outputs: argmax picks class 1 for the first event, class 0 for the second.
        Assert.Equal(0.25, ValidationMetrics.Error([0.0, 1.0, 3.0, 2.0], 2, [1, 1], [3, 1]), 14);
    }

    [Fact]
    public void EventSplitIsDisjointExactAndSeeded()
    {
        var split = EventSplit.Create(1000, 0.2, 0.1, 5);
        Assert.Equal(200, split.Validation.Count);
        Assert.Equal(100, split.Test.Count);
        Assert.Equal(700, split.Training.Count);
        Assert.Equal(Enumerable.Range(0, 1000), split.Training.Concat(split.Validation).Concat(split.Test).Order());
        Assert.Equal(split.Test, EventSplit.Create(1000, 0.2, 0.1, 5).Test);
        Assert.NotEqual(split.Test, EventSplit.Create(1000, 0.2, 0.1, 6).Test);
    }
}
