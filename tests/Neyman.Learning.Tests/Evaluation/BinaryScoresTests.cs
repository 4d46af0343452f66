using Neyman.Core;
using Neyman.Learning.Evaluation;

namespace Neyman.Learning.Tests.Evaluation;

public sealed class BinaryScoresTests
{
    [Fact]
    public void ScoresAndLabelsOfDifferentLengthsAreRejected()
    {
        var e = Assert.Throws<InputException>(() => BinaryScores.Create([0.1, 0.2, 0.3], [0, 1], source: "scores.csv"));
        Assert.Contains("3 scores but 2 labels", e.Message);
        Assert.StartsWith("scores.csv", e.Message);
    }

    [Fact]
    public void WeightsOfAnotherLengthAreRejected()
    {
        var e = Assert.Throws<InputException>(() => BinaryScores.Create([0.1, 0.2], [0, 1], [1.0]));
        Assert.Contains("2 scores but 1 weights", e.Message);
    }

    [Theory]
    [InlineData(1.0, "only signal")]
    [InlineData(0.0, "only background")]
    public void ASingleClassIsRejected(double label, string expected)
    {
        var e = Assert.Throws<InputException>(() => BinaryScores.Create([0.1, 0.2, 0.3], [label, label, label]));
        Assert.Contains(expected, e.Message);
        Assert.Contains("expected both signal (label 1) and background (label 0)", e.Message);
    }

    [Fact]
    public void AnEmptySampleIsRejected()
    {
        var e = Assert.Throws<InputException>(() => BinaryScores.Create([], []));
        Assert.Contains("no events", e.Message);
    }

    [Theory]
    [InlineData(new[] { 1.0, 0.0, -1.0, 0.5 }, "signal weights sum to 0")]
    [InlineData(new[] { 1.0, -2.0, 1.0, 0.5 }, "background weights sum to -1.5")]
    public void WeightsSummingToZeroOrLessAreRejected(double[] weights, string expected)
    {
        var e = Assert.Throws<InputException>(() => BinaryScores.Create([0.1, 0.2, 0.3, 0.4], [1, 0, 1, 0], weights));
        Assert.Contains(expected, e.Message);
        Assert.Contains("expected a positive sum", e.Message);
    }

    [Fact]
    public void LabelsOtherThanZeroOrOneAreRejectedWithTheRow()
    {
        var e = Assert.Throws<InputException>(() => BinaryScores.Create([0.1, 0.2, 0.3], [1, 0, 2], source: "f.parquet"));
        Assert.Equal("f.parquet, row 3, column 'label': the label is 2; expected 0 (background) or 1 (signal)", e.Message);
    }

    [Fact]
    public void NonFiniteScoresAndWeightsAreRejectedWithTheRow()
    {
        var score = Assert.Throws<InputException>(() => BinaryScores.Create([0.1, double.NaN], [1, 0]));
        Assert.Equal("row 2, column 'score': the score is NaN; expected a finite number", score.Message);
        var weight = Assert.Throws<InputException>(() => BinaryScores.Create([0.1, 0.2], [1, 0], [1, double.PositiveInfinity]));
        Assert.Contains("row 2, column 'weight'", weight.Message);
    }

    [Fact]
    public void ClassTotalsAndCountsAreKept()
    {
        var sample = BinaryScores.Create([0.1, 0.2, 0.3, 0.4], [1, 0, 1, 0], [2, 3, -0.5, 4]);
        Assert.Equal(1.5, sample.SignalWeight);
        Assert.Equal(7, sample.BackgroundWeight);
        Assert.Equal(2, sample.SignalCount);
        Assert.Equal(2, sample.BackgroundCount);
        Assert.Equal([1.0, 1.0], BinaryScores.Create([0.1, 0.2], [1, 0]).Weights);
    }
}
