using Neyman.Core;
using Neyman.Learning.Evaluation;

namespace Neyman.Learning.Tests.Evaluation;

public sealed class KolmogorovSmirnovTestTests
{
    [Theory]
    // Critical values of the Kolmogorov distribution: P(K > 1.3581) = 0.05, P(K > 1.6276) = 0.01, P(K > 1.2239) = 0.10.
    [InlineData(1.3581, 0.05)]
    [InlineData(1.6276, 0.01)]
    [InlineData(1.2239, 0.10)]
    [InlineData(0.8276, 0.50)]
    public void KolmogorovSurvivalMatchesTabulatedCriticalValues(double lambda, double p) =>
        Assert.Equal(p, KolmogorovSmirnovTest.KolmogorovSurvival(lambda), 4);

    [Fact]
    public void BothSeriesAgreeWhereTheySwitch()
    {
        // At lambda = 1.18 the two forms must give the same number.
        var below = KolmogorovSmirnovTest.KolmogorovSurvival(1.18 - 1e-12);
        var above = KolmogorovSmirnovTest.KolmogorovSurvival(1.18);
        Assert.Equal(below, above, 10);
    }

    [Fact]
    public void DistanceOfHandSamples()
    {
        Assert.Equal(1.0, KolmogorovSmirnovTest.Compare([1, 2, 3], [], [4, 5, 6], []).Distance);
        Assert.Equal(0.0, KolmogorovSmirnovTest.Compare([1, 2, 3], [], [3, 2, 1], []).Distance);
        // ECDFs: A {1,2,3,4}, B {3,4,5,6}: at x = 2, F_A = 0.5, F_B = 0 -> D = 0.5.
        var result = KolmogorovSmirnovTest.Compare([1, 2, 3, 4], [], [3, 4, 5, 6], []);
        Assert.Equal(0.5, result.Distance);
        Assert.Equal(4, result.EffectiveFirst, 12);
        var n = 2.0;
        Assert.Equal(KolmogorovSmirnovTest.KolmogorovSurvival((Math.Sqrt(n) + 0.12 + 0.11 / Math.Sqrt(n)) * 0.5), result.PValue, 15);
    }

    [Fact]
    public void AWeightOfTwoActsLikeADuplicatedEvent()
    {
        var weighted = KolmogorovSmirnovTest.Compare([1, 2, 5], [2, 1, 1], [1.5, 3, 4, 6], []);
        var duplicated = KolmogorovSmirnovTest.Compare([1, 1, 2, 5], [], [1.5, 3, 4, 6], []);
        Assert.Equal(duplicated.Distance, weighted.Distance, 15);
        // (2+1+1)^2 / (4+1+1) = 16/6 effective events.
        Assert.Equal(16.0 / 6, weighted.EffectiveFirst, 14);
    }

    [Fact]
    public void SameDistributionGivesUniformLookingPValuesAndShiftGivesSmallOnes()
    {
        var random = new RandomStream(51);
        double[] Draw(int n, double shift) => Enumerable.Range(0, n).Select(_ => random.NextGaussian() + shift).ToArray();
        var same = KolmogorovSmirnovTest.Compare(Draw(2000, 0), [], Draw(2000, 0), []);
        Assert.True(same.PValue > 0.001);
        var shifted = KolmogorovSmirnovTest.Compare(Draw(2000, 0), [], Draw(2000, 0.3), []);
        Assert.True(shifted.PValue < 1e-10);
    }

    [Fact]
    public void OvertrainingCheckTestsEachClass()
    {
        var (scores, labels, weights) = EvaluationSamples.Random(2000, 0, false, 52);
        var train = BinaryScores.Create(scores, labels, weights);
        // The test sample: same background, signal scores pushed up (as if the classifier had memorised it).
        var test = BinaryScores.Create(scores.Select((s, i) => labels[i] == 1 ? s + 0.5 : s).ToArray(), labels, weights);
        var check = OvertrainingCheck.Compare(train, test);
        Assert.Equal(1.0, check.Background.PValue);
        Assert.True(check.Signal.PValue < 1e-6);
        Assert.Equal(check.Signal.PValue, check.MinimumPValue);
    }
}
