using Neyman.Core;
using Neyman.Events.Tables;
using Neyman.Learning.Training;
using Neyman.Learning.Trees;
using Xunit;
using Xunit.Abstractions;

namespace Neyman.Learning.Tests.Trees;

public sealed class FlatnessLossTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(300, 10)]
    public void FlatnessTermFlattensBackgroundEfficiencyInMass(int neighbors, double coefficient)
    {
        var training = Sculpting(6000, 1);
        var test = Sculpting(6000, 2);
        var plain = new BoostingOptions { TreeCount = 40, MaxDepth = 3, LearningRate = 0.2 };
        var flat = plain with
        {
            Objective = BoostingObjectiveKind.Flat,
            Flatness = new FlatnessOptions { UniformFeatures = ["mass"], Coefficient = coefficient, Neighbors = neighbors },
        };
        var columns = new BoostingColumns(["x_mass", "x"]);
        var (plainAuc, plainCvm) = Evaluate(GradientBoosting.Train(training, plain, columns).Model, test);
        var (flatAuc, flatCvm) = Evaluate(GradientBoosting.Train(training, flat, columns).Model, test);
        output.WriteLine($"k {neighbors} c {coefficient} plain AUC {plainAuc:F4} CvM {plainCvm:E3}; flat AUC {flatAuc:F4} CvM {flatCvm:E3}");
        Assert.True(flatCvm * 5 <= plainCvm, $"CvM {plainCvm} -> {flatCvm}");
        Assert.True(flatAuc >= plainAuc * 0.98, $"AUC {plainAuc} -> {flatAuc}");
    }

    [Fact]
    public void MetricsAreZeroForAScoreIndependentOfMassAndGrowWithDependence()
    {
        var random = new RandomStream(3);
        var n = 4000;
        var mass = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var independent = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        var dependent = mass.Zip(independent, (m, u) => m + u).ToArray();
        var weight = Enumerable.Repeat(1.0, n).ToArray();
        Assert.True(FlatnessMetrics.Cvm(independent, mass, weight, 10) < 2e-3);
        Assert.True(FlatnessMetrics.Cvm(dependent, mass, weight, 10) > 0.02);
        Assert.True(FlatnessMetrics.Sde(independent, mass, weight, 10) < 0.03);
        Assert.True(FlatnessMetrics.Sde(dependent, mass, weight, 10) > 0.2);
        Assert.True(FlatnessMetrics.Theil(independent, mass, weight, 10) < 0.01);
        Assert.True(FlatnessMetrics.Theil(dependent, mass, weight, 10) > 0.1);
    }

    [Fact]
    public void MetricsMatchHandComputedTwoBinCase()
    {
        // Bin 0 (mass 0, 1) holds scores 1, 2; bin 1 (mass 2, 3) holds scores 3, 4. A cut at efficiency 0.5 passes
        // scores 3 and 4: bin efficiencies 0 and 1 around 0.5, so SDE = 0.5 and Theil = 0.5 (0) + 0.5 (2 ln 2) = ln 2.
        double[] score = [1, 2, 3, 4];
        double[] mass = [0, 1, 2, 3];
        double[] weight = [1, 1, 1, 1];
        Assert.Equal(0.5, FlatnessMetrics.Sde(score, mass, weight, 2, [0.5]), 14);
        Assert.Equal(Math.Log(2), FlatnessMetrics.Theil(score, mass, weight, 2, [0.5]), 14);
        // CvM: at scores 1..4 the global CDF is 1/4..4/4; bin 0's is 1/2, 1, 1, 1 and bin 1's 0, 0, 1/2, 1.
        // Each bin: (1/4)(1/16 + 1/4 + 1/16 + 0) = 3/32; the bins weigh 1/2 each.
        Assert.Equal(3.0 / 32, FlatnessMetrics.Cvm(score, mass, weight, 2), 14);
    }

    private static (double Auc, double Cvm) Evaluate(BoostedTreesModel model, EventTable test)
    {
        var score = GradientBoostingTests.ToDoubles(model.Predict(test)["score"]);
        var label = GradientBoostingTests.ToDoubles(test["label"]);
        var mass = GradientBoostingTests.ToDoubles(test["mass"]);
        var auc = ValidationMetrics.Auc(score, label, GradientBoostingTests.Ones(score.Length));
        var background = Enumerable.Range(0, score.Length).Where(i => label[i] == 0).ToArray();
        var cvm = FlatnessMetrics.Cvm(
            background.Select(i => score[i]).ToArray(), background.Select(i => mass[i]).ToArray(), GradientBoostingTests.Ones(background.Length), 10);
        return (auc, cvm);
    }

    /// <summary>Background mass is flat, signal mass peaks at 0.5; x_mass measures the mass, x separates by itself.</summary>
    private static EventTable Sculpting(int n, ulong seed)
    {
        var random = new RandomStream(seed);
        var mass = new double[n];
        var xMass = new double[n];
        var x = new double[n];
        var label = new double[n];
        for (var i = 0; i < n; i++)
        {
            var signal = i % 2 == 0;
            label[i] = signal ? 1 : 0;
            mass[i] = signal ? random.NextGaussian(0.5, 0.2) : random.NextDouble();
            xMass[i] = mass[i] + random.NextGaussian(0, 0.05);
            x[i] = random.NextGaussian(signal ? 2.5 : 0.0, 1.0);
        }

        return TreeTestData.Table(("mass", mass), ("x_mass", xMass), ("x", x), ("label", label));
    }
}
