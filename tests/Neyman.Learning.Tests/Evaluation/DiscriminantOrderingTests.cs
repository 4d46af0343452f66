using Neyman.Core;
using Neyman.Learning.Evaluation;

namespace Neyman.Learning.Tests.Evaluation;

public sealed class DiscriminantOrderingTests
{
    [Theory]
    [InlineData(300, 4, false, 31UL)]
    [InlineData(300, 10, true, 32UL)]
    [InlineData(400, 0, true, 33UL)]
    [InlineData(2, 0, false, 34UL)]
    [InlineData(3, 1, true, 35UL)]
    [InlineData(9000, 0, true, 36UL)]
    [InlineData(9000, 40, true, 37UL)]
    public void AdoEqualsTheBruteForcePairCount(int n, int levels, bool negativeWeights, ulong seed)
    {
        var (f, labels, weights) = EvaluationSamples.Random(n, levels, negativeWeights, seed);
        var random = new RandomStream(seed + 100);
        // A second classifier correlated with the first, with its own ties.
        var g = f.Select(x => levels > 0 ? Math.Round(x / 2 + random.NextGaussian()) : x + random.NextGaussian()).ToArray();
        var sample = BinaryScores.Create(f, labels, weights);
        Assert.Equal(EvaluationSamples.BruteForceAdo(f, g, labels, weights), DiscriminantOrdering.Average(sample, g), 12);
    }

    [Fact]
    public void MonotoneTransformsGiveOneAndReversedGivesZero()
    {
        var (f, labels, weights) = EvaluationSamples.Random(1000, 0, false, 41);
        var sample = BinaryScores.Create(f, labels, weights);
        Assert.Equal(1.0, DiscriminantOrdering.Average(sample, f.Select(Math.Exp).ToArray()), 14);
        Assert.Equal(0.0, DiscriminantOrdering.Average(sample, f.Select(x => -x * x * x).ToArray()), 14);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(0)]
    public void AdoAgainstTheTruthLabelIsTheAuc(int levels)
    {
        // With g = label every pair has g_s > g_b, so DO reduces to the AUC's pair count; 200,000
        // events exercise the per-class sorts on two threads (32-bit keys for float-valued scores, 64-bit otherwise).
        var (f, labels, weights) = EvaluationSamples.Random(200_000, levels, true, 43);
        var sample = BinaryScores.Create(f, labels, weights);
        Assert.Equal(AreaUnderCurve.Compute(sample), DiscriminantOrdering.Average(sample, labels), 11);
    }

    [Fact]
    public void LargeSamplesWithFewValuesEqualThePairCountOverValueCells()
    {
        // 150,000 events (the two class passes run in parallel) with 30 values of f and 25 of g: the exact
        // ADO is the pair count over (f, g) cells of summed signal and background weight, an independent sum.
        var (f, labels, weights) = EvaluationSamples.Random(150_000, 30, true, 51);
        var random = new RandomStream(52);
        var g = f.Select(x => Math.Clamp(Math.Round(x * 4 + 3 * random.NextGaussian()), -12, 12)).ToArray();
        var sample = BinaryScores.Create(f, labels, weights);
        Assert.Equal(CellPairAdo(f, g, labels, weights), DiscriminantOrdering.Average(sample, g), 12);
    }

    [Fact]
    public void LargeSamplesAreSymmetricInTheTwoClassifiersAndReflectUnderNegation()
    {
        // S is symmetric in f and g and changes sign with g: ADO(f, g) = ADO(g, f) and ADO(f, -g) = 1 - ADO(f, g),
        // on 120,000 events with continuous scores (many distinct ranks, parallel passes).
        var (f, labels, weights) = EvaluationSamples.Random(120_000, 0, true, 53);
        var random = new RandomStream(54);
        var g = f.Select(x => x + random.NextGaussian()).ToArray();
        var ado = DiscriminantOrdering.Average(BinaryScores.Create(f, labels, weights), g);
        Assert.InRange(ado, 0.6, 0.99);
        Assert.Equal(ado, DiscriminantOrdering.Average(BinaryScores.Create(g, labels, weights), f), 12);
        Assert.Equal(1 - ado, DiscriminantOrdering.Average(BinaryScores.Create(f, labels, weights), g.Select(x => -x).ToArray()), 12);
    }

    // The exact ADO from the pair count over distinct (f, g) cells, each holding its signal and background weight.
    private static double CellPairAdo(double[] f, double[] g, double[] labels, double[] weights)
    {
        var cells = new Dictionary<(double F, double G), (double Signal, double Background)>();
        double totalSignal = 0, totalBackground = 0;
        for (var i = 0; i < f.Length; i++)
        {
            cells.TryGetValue((f[i], g[i]), out var cell);
            if (labels[i] == 1)
            {
                cell.Signal += weights[i];
                totalSignal += weights[i];
            }
            else
            {
                cell.Background += weights[i];
                totalBackground += weights[i];
            }
            cells[(f[i], g[i])] = cell;
        }
        var list = cells.ToArray();
        double s = 0;
        foreach (var a in list)
        {
            foreach (var b in list)
            {
                s += a.Value.Signal * b.Value.Background * Math.Sign(a.Key.F - b.Key.F) * Math.Sign(a.Key.G - b.Key.G);
            }
        }
        return 0.5 + s / (2 * totalSignal * totalBackground);
    }

    [Fact]
    public void SampledAdoIsReproducibleAndWithinItsErrorOfTheExactValue()
    {
        var (f, labels, weights) = EvaluationSamples.Random(3000, 0, false, 45);
        var random = new RandomStream(46);
        var g = f.Select(x => x + random.NextGaussian()).ToArray();
        var sample = BinaryScores.Create(f, labels, weights);
        var exact = DiscriminantOrdering.Average(sample, g);
        var estimate = DiscriminantOrdering.AverageSampled(sample, g, 400_000, seed: 9);
        Assert.Equal(estimate, DiscriminantOrdering.AverageSampled(sample, g, 400_000, seed: 9));
        Assert.InRange(estimate.StandardError, 1e-4, 5e-3);
        Assert.InRange(Math.Abs(estimate.Ado - exact) / estimate.StandardError, 0, 4);
    }

    [Fact]
    public void ManyObservablesAtOnceGiveTheSameValuesAsOneByOne()
    {
        var (f, labels, weights) = EvaluationSamples.Random(500, 6, true, 47);
        var random = new RandomStream(48);
        var g1 = f.Select(x => x + random.NextGaussian()).ToArray();
        var g2 = f.Select(x => Math.Round(x - random.NextGaussian())).ToArray();
        var sample = BinaryScores.Create(f, labels, weights);
        var many = DiscriminantOrdering.Average(sample, [("g1", g1), ("g2", g2)]);
        Assert.Equal([DiscriminantOrdering.Average(sample, g1), DiscriminantOrdering.Average(sample, g2)], many);
        Assert.Equal(EvaluationSamples.BruteForceAdo(f, g2, labels, weights), many[1], 12);
        var e = Assert.Throws<InputException>(() => DiscriminantOrdering.Average(sample, [("short", new double[3])]));
        Assert.StartsWith("short:", e.Message);
    }

    [Fact]
    public void SecondScoresOfAnotherLengthAreRejected()
    {
        var sample = BinaryScores.Create([0.1, 0.2, 0.3], [1, 0, 1]);
        var e = Assert.Throws<InputException>(() => DiscriminantOrdering.Average(sample, [1.0, 2.0], "bdt"));
        Assert.Contains("2 scores but 3 events", e.Message);
    }
}
