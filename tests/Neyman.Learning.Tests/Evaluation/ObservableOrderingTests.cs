using Neyman.Core;
using Neyman.Learning.Evaluation;

namespace Neyman.Learning.Tests.Evaluation;

public sealed class ObservableOrderingTests
{
    [Fact]
    public void ObservablesAreRankedByOrientedAdoWithTheReference()
    {
        var random = new RandomStream(71);
        const int n = 3000;
        var labels = Enumerable.Range(0, n).Select(i => (double)(i % 2)).ToArray();
        var x = labels.Select(l => random.NextGaussian() + l).ToArray();
        var y = labels.Select(l => random.NextGaussian() + l).ToArray();
        var reference = BinaryScores.Create(x.Zip(y, (a, b) => 3 * a + b).ToArray(), labels);
        // The reference leans on x; -x orders pairs exactly opposite to x.
        var ranking = ObservableOrdering.Rank(reference, [("y", y), ("minus_x", x.Select(v => -v).ToArray()), ("noise", labels.Select(_ => random.NextGaussian()).ToArray())]);
        Assert.Equal(["minus_x", "y", "noise"], ranking.Select(r => r.Name));
        Assert.True(ranking[0].Reversed);
        Assert.False(ranking[1].Reversed);
        var weights = reference.Weights;
        Assert.Equal(1 - EvaluationSamples.BruteForceAdo(reference.Scores, x.Select(v => -v).ToArray(), labels, weights), ranking[0].Ado, 12);
        Assert.Equal(AreaUnderCurve.Compute(BinaryScores.Create(x, labels)), ranking[0].Auc, 12);
    }
}
