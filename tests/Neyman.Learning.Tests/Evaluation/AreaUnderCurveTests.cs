using Neyman.Core;
using Neyman.Learning.Evaluation;

namespace Neyman.Learning.Tests.Evaluation;

public sealed class AreaUnderCurveTests
{
    [Theory]
    [InlineData(300, 3, false, 1UL)]
    [InlineData(300, 12, true, 2UL)]
    [InlineData(500, 0, true, 3UL)]
    [InlineData(2, 0, false, 4UL)]
    public void AucEqualsTheBruteForceWeightedMannWhitneyStatistic(int n, int levels, bool negativeWeights, ulong seed)
    {
        var (scores, labels, weights) = EvaluationSamples.Random(n, levels, negativeWeights, seed);
        var auc = AreaUnderCurve.Compute(BinaryScores.Create(scores, labels, weights));
        Assert.Equal(EvaluationSamples.BruteForceAuc(scores, labels, weights), auc, 12);
    }

    [Fact]
    public void UnweightedAucEqualsTheRankSumFormulaWithMidranks()
    {
        var (scores, labels, _) = EvaluationSamples.Random(400, 5, false, 7);
        // Mann-Whitney U = R_s - n_s (n_s + 1) / 2 with mid-ranks for ties; AUC = U / (n_s n_b).
        var sorted = scores.Select((s, i) => (s, i)).OrderBy(x => x.s).ToArray();
        var rank = new double[scores.Length];
        for (var k = 0; k < sorted.Length;)
        {
            var end = k;
            while (end < sorted.Length && sorted[end].s == sorted[k].s)
            {
                end++;
            }
            for (var m = k; m < end; m++)
            {
                rank[sorted[m].i] = (k + 1 + end) / 2.0;
            }
            k = end;
        }
        double ns = labels.Count(l => l == 1), nb = labels.Length - ns;
        var rankSum = Enumerable.Range(0, scores.Length).Where(i => labels[i] == 1).Sum(i => rank[i]);
        var u = rankSum - ns * (ns + 1) / 2;
        Assert.Equal(u / (ns * nb), AreaUnderCurve.Compute(BinaryScores.Create(scores, labels)), 12);
    }

    [Fact]
    public void AucIsTheTrapezoidalAreaUnderTheRoc()
    {
        var (scores, labels, weights) = EvaluationSamples.Random(300, 6, false, 9);
        var sample = BinaryScores.Create(scores, labels, weights);
        var roc = RocCurve.From(sample);
        double area = 0;
        for (var i = 1; i < roc.Count; i++)
        {
            area += (roc.BackgroundEfficiency[i] - roc.BackgroundEfficiency[i - 1]) * (roc.SignalEfficiency[i] + roc.SignalEfficiency[i - 1]) / 2;
        }
        Assert.Equal(area, AreaUnderCurve.Compute(sample), 12);
    }

    [Fact]
    public void SeparatedReversedAndTiedSamplesGiveOneZeroAndOneHalf()
    {
        double[] labels = [1, 1, 0, 0, 0];
        Assert.Equal(1.0, AreaUnderCurve.Compute(BinaryScores.Create([5, 4, 3, 2, 1], labels)));
        Assert.Equal(0.0, AreaUnderCurve.Compute(BinaryScores.Create([1, 2, 3, 4, 5], labels)));
        Assert.Equal(0.5, AreaUnderCurve.Compute(BinaryScores.Create([7, 7, 7, 7, 7], labels)));
    }

    [Fact]
    public void LargeSampleAucMatchesASortBasedReference()
    {
        // 200,000 events exercise the parallel radix sort and its merge.
        var (scores, labels, weights) = EvaluationSamples.Random(200_000, 400, true, 11);
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        double below = 0, pairs = 0, ws = 0;
        for (var k = 0; k < order.Length;)
        {
            var end = k;
            double groupSignal = 0, groupBackground = 0;
            while (end < order.Length && scores[order[end]] == scores[order[k]])
            {
                var e = order[end++];
                if (labels[e] == 1)
                {
                    groupSignal += weights[e];
                }
                else
                {
                    groupBackground += weights[e];
                }
            }
            pairs += groupSignal * (below + groupBackground / 2);
            below += groupBackground;
            ws += groupSignal;
            k = end;
        }
        Assert.Equal(pairs / (ws * below), AreaUnderCurve.Compute(BinaryScores.Create(scores, labels, weights)), 11);
    }

    [Fact]
    public void BootstrapUncertaintyIsReproducibleAndMatchesTheDeLongVariance()
    {
        var (scores, labels, _) = EvaluationSamples.Random(600, 0, false, 13);
        var sample = BinaryScores.Create(scores, labels);
        var first = AreaUnderCurve.Estimate(sample, 400, seed: 5);
        var again = AreaUnderCurve.Estimate(sample, 400, seed: 5);
        Assert.Equal(first, again);
        Assert.Equal(AreaUnderCurve.Compute(sample), first.Auc);
        // DeLong: var = var_s(V10) / n_s + var_b(V01) / n_b with V10(s) = mean_b psi(s, b), V01(b) = mean_s psi(s, b).
        var signal = Enumerable.Range(0, scores.Length).Where(i => labels[i] == 1).Select(i => scores[i]).ToArray();
        var background = Enumerable.Range(0, scores.Length).Where(i => labels[i] == 0).Select(i => scores[i]).ToArray();
        static double Psi(double s, double b) => s > b ? 1 : s == b ? 0.5 : 0;
        var v10 = signal.Select(s => background.Average(b => Psi(s, b))).ToArray();
        var v01 = background.Select(b => signal.Average(s => Psi(s, b))).ToArray();
        static double Variance(double[] x) => x.Sum(v => (v - x.Average()) * (v - x.Average())) / (x.Length - 1);
        var delong = Math.Sqrt(Variance(v10) / signal.Length + Variance(v01) / background.Length);
        Assert.InRange(first.Uncertainty / delong, 0.85, 1.15);
    }
}
