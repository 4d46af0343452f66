using Neyman.Learning.Evaluation;

namespace Neyman.Learning.Tests.Evaluation;

public sealed class SignificanceTests
{
    // Reference values evaluated by hand (Python math module) from AMS = sqrt(2((s+b+10) ln(1+s/(b+10)) - s)).
    [Theory]
    [InlineData(30, 0, 7.134672304289192)]
    [InlineData(50, 5, 9.519654349982751)]
    [InlineData(55, 105, 4.784824443340002)]
    public void AmsMatchesTheChallengeFormula(double s, double b, double expected) =>
        Assert.Equal(expected, ApproximateMedianSignificance.Compute(s, b), 13);

    [Fact]
    public void AmsScanFindsTheBestCutOfAHandComputedSample()
    {
        // Cuts, tightest first: s, b = (30, 0), (30, 5), (50, 5), (50, 105), (55, 105).
        double[] scores = [0.9, 0.8, 0.7, 0.3, 0.2];
        double[] labels = [1, 0, 1, 0, 1];
        double[] weights = [30, 5, 20, 100, 5];
        var scan = ApproximateMedianSignificance.Scan(BinaryScores.Create(scores, labels, weights));
        Assert.Equal(scores, scan.Thresholds);
        Assert.Equal(6.234990455496293, scan.Values[1], 13);
        Assert.Equal(4.374288973915539, scan.Values[3], 13);
        Assert.Equal(0.7, scan.BestThreshold);
        Assert.Equal(9.519654349982751, scan.BestAms, 13);
    }

    [Fact]
    public void AsimovSignificanceMatchesHandValuesAndLimits()
    {
        Assert.Equal(1.471038151525966, AsimovSignificance.Compute(5, 10), 14);
        Assert.Equal(1.2171449516319426, AsimovSignificance.Compute(5, 10, 2), 13);
        // sigma_b -> 0 recovers the known-background formula; s << b recovers s / sqrt(b).
        Assert.Equal(AsimovSignificance.Compute(5, 10), AsimovSignificance.Compute(5, 10, 1e-3), 6);
        Assert.Equal(AsimovSignificance.Compute(5, 10), AsimovSignificance.Compute(5, 10, 0), 15);
        Assert.Equal(0.01, AsimovSignificance.Compute(10, 1e6), 7);
        Assert.True(AsimovSignificance.Compute(5, 10, 4) < AsimovSignificance.Compute(5, 10, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => AsimovSignificance.Compute(5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AsimovSignificance.Compute(5, 10, -1));
    }
}
