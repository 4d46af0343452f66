using Neyman.Core;
using Neyman.Events.Tables;
using Neyman.Learning.Evaluation;

namespace Neyman.Learning.Tests.Evaluation;

public sealed class CorrelationAndImportanceTests
{
    [Fact]
    public void WeightedCorrelationEqualsTheDuplicatedEventOne()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [2, 1, 4, 3, 7];
        var weighted = CorrelationMatrix.Compute(["x", "y"], [x, y], [1, 2, 1, 1, 3]);
        var duplicated = CorrelationMatrix.Compute(["x", "y"], [[1, 2, 2, 3, 4, 5, 5, 5], [2, 1, 1, 4, 3, 7, 7, 7]], []);
        Assert.Equal(duplicated[0, 1], weighted[0, 1], 14);
        Assert.Equal(1.0, weighted[0, 0]);
        // Unweighted Pearson of x and y by hand: cov = 2.6 * 4/5 ... computed from sums.
        var plain = CorrelationMatrix.Compute(["x", "y"], [x, y], []);
        double mx = 3, my = 3.4;
        var sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var sxx = x.Sum(a => (a - mx) * (a - mx));
        var syy = y.Sum(b => (b - my) * (b - my));
        Assert.Equal(sxy / Math.Sqrt(sxx * syy), plain[0, 1], 14);
        Assert.Equal(plain[0, 1], plain[1, 0]);
    }

    [Fact]
    public void PerClassCorrelationsSeparateTheClasses()
    {
        // In signal y = x (rho 1); in background y = -x (rho -1).
        double[] x = [1, 2, 3, 4, 1, 2, 3, 4];
        double[] y = [1, 2, 3, 4, -1, -2, -3, -4];
        double[] label = [1, 1, 1, 1, 0, 0, 0, 0];
        var table = new EventTable([EventColumn.Float64("x", x), EventColumn.Float64("y", y), EventColumn.Float64("label", label)]);
        Assert.Equal(1.0, CorrelationMatrix.ForClass(table, ["x", "y"], signal: true)[0, 1], 14);
        Assert.Equal(-1.0, CorrelationMatrix.ForClass(table, ["x", "y"], signal: false)[0, 1], 14);
    }

    [Fact]
    public void ShufflingAnUnusedFeatureCostsNothingAndTheUsedOneCostsAuc()
    {
        var random = new RandomStream(61);
        const int n = 2000;
        var label = new double[n];
        var useful = new double[n];
        var noise = new double[n];
        for (var i = 0; i < n; i++)
        {
            label[i] = i % 2;
            useful[i] = random.NextGaussian() + 2 * label[i];
            noise[i] = random.NextGaussian();
        }
        var table = new EventTable([EventColumn.Float64("useful", useful), EventColumn.Float64("noise", noise), EventColumn.Float64("label", label)]);
        double[] Score(EventTable t) => t["useful"].ToFloat64Array();
        var importance = PermutationImportance.Compute(Score, table, ["noise", "useful"], repeats: 3, seed: 7);
        Assert.Equal("useful", importance[0].Feature);
        // AUC of N(2,1) vs N(0,1) is Phi(2 / sqrt 2) = 0.921; shuffled, about 0.5: a drop near 0.42.
        Assert.InRange(importance[0].AucDecrease, 0.36, 0.48);
        Assert.Equal(0.0, importance[1].AucDecrease);
        Assert.Equal(importance, PermutationImportance.Compute(Score, table, ["noise", "useful"], repeats: 3, seed: 7));
    }

    [Fact]
    public void ImportanceNeedsALabelColumn()
    {
        var table = new EventTable([EventColumn.Float64("x", [1, 2])]);
        var e = Assert.Throws<InputException>(() => PermutationImportance.Compute(t => [1, 2], table, ["x"], 1, 1));
        Assert.Contains("no 'label' column", e.Message);
    }
}
