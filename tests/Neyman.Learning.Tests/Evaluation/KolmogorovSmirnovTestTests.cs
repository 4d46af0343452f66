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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LargeSamplesMatchADistanceFromPlainSorting(bool float32)
    {
        // 100,000 values per sample run the two-thread radix sort and its merge (float32 values take the 32-bit keys),
        // with many ties from rounding; D is checked against ECDFs built with Array.Sort.
        var random = new RandomStream(53);
        double Value(double shift)
        {
            var x = Math.Round(random.NextGaussian() * 50 + shift) / 50;
            return float32 ? (float)x : x;
        }
        var first = Enumerable.Range(0, 100_000).Select(_ => Value(0)).ToArray();
        var second = Enumerable.Range(0, 100_000).Select(_ => Value(2)).ToArray();
        var a = first.Order().ToArray();
        var b = second.Order().ToArray();
        double expected = 0;
        foreach (var x in a.Concat(b))
        {
            var fa = (double)UpperBound(a, x) / a.Length;
            var fb = (double)UpperBound(b, x) / b.Length;
            expected = Math.Max(expected, Math.Abs(fa - fb));
        }
        Assert.Equal(expected, KolmogorovSmirnovTest.Compare(first, [], second, []).Distance, 12);
    }

    // The number of sorted values at most x.
    private static int UpperBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
