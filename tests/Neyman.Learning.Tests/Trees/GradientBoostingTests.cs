using Neyman.Events.Tables;
using Neyman.Learning.Training;
using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class GradientBoostingTests
{
    [Fact]
    public void OneStumpOnLogisticLossHasClosedFormLeafValues()
    {
        // x = 0 for events 0-9 (3 signal), x = 1 for events 10-19 (8 signal).
        var x = Enumerable.Range(0, 20).Select(i => i < 10 ? 0.0 : 1.0).ToArray();
        var label = Enumerable.Range(0, 20).Select(i => i < 10 ? (i < 3 ? 1.0 : 0.0) : (i < 18 ? 1.0 : 0.0)).ToArray();
        var table = TreeTestData.Table(("x", x), ("label", label));
        var options = new BoostingOptions { TreeCount = 1, MaxDepth = 1, LearningRate = 1, L2 = 0, MinChildWeight = 0 };
        var model = GradientBoosting.Train(table, options).Model;

        var p0 = 11.0 / 20;
        var baseScore = Math.Log(p0 / (1 - p0));
        Assert.Equal(baseScore, model.BaseScores[0], 12);
        var h = 10 * p0 * (1 - p0);
        var leftValue = -((10 * p0) - 3) / h;
        var rightValue = -((10 * p0) - 8) / h;
        var raw = model.PredictRaw(table, new ParallelOptions());
        Assert.Equal(baseScore + leftValue, raw[0], 6);
        Assert.Equal(baseScore + rightValue, raw[19], 6);
        Assert.Equal(0.5, model.Trees[0].Thresholds[0]);
    }

    [Fact]
    public void L1AndL2PenaltiesShrinkLeafValuesAsInClosedForm()
    {
        var x = Enumerable.Range(0, 20).Select(i => i < 10 ? 0.0 : 1.0).ToArray();
        var target = Enumerable.Range(0, 20).Select(i => i < 10 ? 1.0 : 5.0).ToArray();
        var table = TreeTestData.Table(("x", x), ("label", target));
        var options = new BoostingOptions
        {
            Objective = BoostingObjectiveKind.Squared, TreeCount = 1, MaxDepth = 1, LearningRate = 0.5, L1 = 4, L2 = 2, MinChildWeight = 0,
        };
        var model = GradientBoosting.Train(table, options).Model;

        // Base score 3; left G = 10 (3 - 1) = 20, right G = -20, H = 10 each: value = -0.5 sign(G) (|G| - 4) / (10 + 2).
        var raw = model.PredictRaw(table, new ParallelOptions());
        Assert.Equal(3 - (0.5 * 16 / 12), raw[0], 12);
        Assert.Equal(3 + (0.5 * 16 / 12), raw[19], 12);
    }

    [Fact]
    public void MinSplitGainAndColumnSubsamplingLimitTheTrees()
    {
        var training = TreeTestData.Gaussians(1000, 13);
        var noSplit = GradientBoosting.Train(training, new BoostingOptions { TreeCount = 2, MinSplitGain = 1e9 }).Model;
        Assert.All(noSplit.Trees, t => Assert.Equal(1, t.NodeCount));
        var oneFeature = GradientBoosting.Train(training, new BoostingOptions { TreeCount = 6, MaxDepth = 3, ColumnSubsample = 0.3 }).Model;
        Assert.All(oneFeature.Trees, t => Assert.Single(t.Features.Where(f => f >= 0).Distinct()));
        Assert.True(oneFeature.Trees.Select(t => t.Features[0]).Distinct().Count() > 1, "different trees draw different features");
    }

    [Fact]
    public void SquaredLossWithoutPenaltyFitsGroupMeansInOneRound()
    {
        var x = new double[] { 1, 1, 1, 2, 2, 3, 3, 3, 3 };
        var target = new double[] { 1, 2, 3, 10, 12, -4, -6, -5, -5 };
        var table = TreeTestData.Table(("x", x), ("label", target));
        var options = new BoostingOptions { Objective = BoostingObjectiveKind.Squared, TreeCount = 1, MaxDepth = 2, LearningRate = 1, L2 = 0, MinChildWeight = 0 };
        var model = GradientBoosting.Train(table, options).Model;
        var predicted = model.Predict(table)["score"];
        double[] expected = [2, 2, 2, 11, 11, -5, -5, -5, -5];
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(expected[i], predicted[i], 5);
        }
    }

    [Fact]
    public void LearnsGaussianProblemAboveAucFloor()
    {
        var training = TreeTestData.Gaussians(4000, 1);
        var test = TreeTestData.Gaussians(4000, 2);
        var model = GradientBoosting.Train(training, new BoostingOptions { TreeCount = 40, MaxDepth = 2, LearningRate = 0.1 }).Model;
        var score = model.Predict(test)["score"];
        var auc = ValidationMetrics.Auc(ToDoubles(score), ToDoubles(test["label"]), Ones(test.RowCount));
        // The likelihood ratio is monotone in 0.8 x - 0.5 y: its AUC on the same events is the best any model can
        // reach (about Phi(0.943 / sqrt 2) = 0.748); a small boosted model must come within 0.01 of it.
        var x = ToDoubles(test["x"]);
        var y = ToDoubles(test["y"]);
        var optimal = ValidationMetrics.Auc(x.Zip(y, (a, b) => (0.8 * a) - (0.5 * b)).ToArray(), ToDoubles(test["label"]), Ones(test.RowCount));
        Assert.InRange(optimal, 0.73, 0.77);
        Assert.InRange(auc, optimal - 0.01, optimal + 0.002);
    }

    [Fact]
    public void SameSeedGivesSameBitsWhateverTheThreadCount()
    {
        var training = TreeTestData.Gaussians(6000, 3);
        var options = new BoostingOptions { TreeCount = 8, MaxDepth = 4, RowSubsample = 0.7, ColumnSubsample = 0.67, Seed = 42 };
        var one = BoostedTreesModelFile.ToJson(GradientBoosting.Train(training, options with { Threads = 1 }).Model).ToJsonString();
        var four = BoostedTreesModelFile.ToJson(GradientBoosting.Train(training, options with { Threads = 4 }).Model).ToJsonString();
        var otherSeed = BoostedTreesModelFile.ToJson(GradientBoosting.Train(training, options with { Seed = 43 }).Model).ToJsonString();
        Assert.Equal(one, four);
        Assert.NotEqual(one, otherSeed);
    }

    [Fact]
    public void LargeNodesSplitOnSeveralThreadsGiveTheSerialModel()
    {
        // 70,000 events: the root and its children are partitioned in parallel blocks when threads are allowed.
        var training = TreeTestData.Gaussians(70_000, 14);
        var options = new BoostingOptions { TreeCount = 3, MaxDepth = 3 };
        var serial = BoostedTreesModelFile.ToJson(GradientBoosting.Train(training, options with { Threads = 1 }).Model).ToJsonString();
        var parallel = BoostedTreesModelFile.ToJson(GradientBoosting.Train(training, options with { Threads = 3 }).Model).ToJsonString();
        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void DepthWiseAndLeafWiseGrowthRespectTheirLimits()
    {
        var training = TreeTestData.Gaussians(3000, 4);
        var deep = GradientBoosting.Train(training, new BoostingOptions { TreeCount = 3, MaxDepth = 3, MinChildWeight = 0 }).Model;
        Assert.All(deep.Trees, t => Assert.Equal(8, t.LeafCount));
        var leafy = GradientBoosting.Train(training, new BoostingOptions { TreeCount = 3, MaxDepth = 0, MaxLeaves = 5, MinChildWeight = 0 }).Model;
        Assert.All(leafy.Trees, t => Assert.Equal(5, t.LeafCount));
    }

    [Fact]
    public void LeafWiseGrowthSplitsTheLargestGainFirst()
    {
        // With two leaves the leaf-wise tree is the best stump: identical to a depth-1 tree.
        var training = TreeTestData.Gaussians(2000, 5);
        var stump = GradientBoosting.Train(training, new BoostingOptions { TreeCount = 2, MaxDepth = 1 }).Model;
        var twoLeaves = GradientBoosting.Train(training, new BoostingOptions { TreeCount = 2, MaxDepth = 0, MaxLeaves = 2 }).Model;
        Assert.Equal(BoostedTreesModelFile.ToJson(stump).ToJsonString(), BoostedTreesModelFile.ToJson(twoLeaves).ToJsonString());
    }

    [Fact]
    public void MinSamplesPerLeafHolds()
    {
        var training = TreeTestData.Gaussians(500, 6);
        var options = new BoostingOptions { Objective = BoostingObjectiveKind.Squared, TreeCount = 3, MaxDepth = 6, MinSamplesLeaf = 40, MinChildWeight = 0 };
        var model = GradientBoosting.Train(training, options).Model;
        foreach (var tree in model.Trees)
        {
            for (var n = 0; n < tree.NodeCount; n++)
            {
                // Squared loss with unit weights: the cover of a node is its number of events.
                Assert.True(tree.Covers[n] >= 40, $"node {n} holds {tree.Covers[n]} events");
            }
        }
    }

    [Fact]
    public void MissingValuesTakeTheLearnedDefaultDirection()
    {
        // Signal has x missing; background has x in 0..9. The only way to separate is the missing bin.
        var n = 200;
        var x = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? double.NaN : i % 10).ToArray();
        var label = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? 1.0 : 0.0).ToArray();
        var table = TreeTestData.Table(("x", x), ("label", label));
        var model = GradientBoosting.Train(table, new BoostingOptions { TreeCount = 1, MaxDepth = 1, LearningRate = 1, L2 = 1 }).Model;
        Assert.False(model.Trees[0].DefaultLeft[0]);
        var score = model.Predict(TreeTestData.Table(("x", [double.NaN, 3.0, 1e6])))["score"];

        // Base score 0; the missing leaf has G = 100 (0.5 - 1), H = 100 / 4, value -G / (H + 1) = 50 / 26.
        Assert.Equal(LogisticObjective.Probability(50.0 / 26), score[0], 6);
        Assert.Equal(LogisticObjective.Probability(-50.0 / 26), score[1], 6);
        Assert.Equal(score[1], score[2]);
    }

    [Fact]
    public void EarlyStoppingKeepsTheBestRound()
    {
        var training = TreeTestData.Gaussians(1000, 7);
        var validation = TreeTestData.Gaussians(1000, 8);
        var options = new BoostingOptions { TreeCount = 200, MaxDepth = 6, LearningRate = 0.5, MinChildWeight = 0, EarlyStoppingRounds = 5, Metric = ValidationMetric.Loss };
        var result = GradientBoosting.Train(training, options, validation: validation);
        Assert.True(result.ValidationHistory.Count < 200, "a deep fast learner must overfit and stop early");
        Assert.Equal(result.ValidationHistory.Count - 5, result.BestRound);
        Assert.Equal(result.BestRound, result.Model.Trees.Count);
        Assert.Equal(result.ValidationHistory.Min(), result.ValidationHistory[result.BestRound - 1]);
    }

    [Fact]
    public void ValidationHistoryMatchesTheSavedModelsPredictions()
    {
        var training = TreeTestData.Gaussians(1000, 9);
        var validation = TreeTestData.Gaussians(800, 10);
        var result = GradientBoosting.Train(training, new BoostingOptions { TreeCount = 5, MaxDepth = 3 }, validation: validation);
        var score = result.Model.Predict(validation)["score"];
        var auc = ValidationMetrics.Auc(ToDoubles(score), ToDoubles(validation["label"]), Ones(validation.RowCount));
        Assert.Equal(result.ValidationHistory[^1], auc, 3);
    }

    [Fact]
    public void SoftmaxSeparatesThreeClasses()
    {
        var n = 900;
        var x = Enumerable.Range(0, n).Select(i => (i % 3) + (0.3 * Math.Sin(i))).ToArray();
        var label = Enumerable.Range(0, n).Select(i => (double)(i % 3)).ToArray();
        var table = TreeTestData.Table(("x", x), ("label", label));
        var model = GradientBoosting.Train(table, new BoostingOptions { Objective = BoostingObjectiveKind.Softmax, TreeCount = 20, MaxDepth = 2 }).Model;
        Assert.Equal(["score_0", "score_1", "score_2"], model.OutputNames);
        Assert.Equal(60, model.Trees.Count);
        var scores = model.Predict(table);
        for (var i = 0; i < 3; i++)
        {
            var sum = scores["score_0"][i] + scores["score_1"][i] + scores["score_2"][i];
            Assert.Equal(1.0, sum, 5);
            Assert.True(scores[$"score_{i}"][i] > 0.9);
        }
    }

    [Fact]
    public void NegativeWeightsGiveFiniteModels()
    {
        var training = TreeTestData.Gaussians(2000, 11);
        var weight = Enumerable.Range(0, 2000).Select(i => i % 7 == 0 ? -0.5 : 1.0).ToArray();
        var table = training.WithColumn(EventColumn.Float64("weight", weight));
        var model = GradientBoosting.Train(table, new BoostingOptions { TreeCount = 10, MaxDepth = 4 }, new BoostingColumns(Weight: "weight")).Model;
        Assert.DoesNotContain("weight", model.FeatureNames);
        Assert.All(model.Trees.SelectMany(t => t.Values), v => Assert.True(double.IsFinite(v)));
        var score = model.Predict(table)["score"];
        var auc = ValidationMetrics.Auc(ToDoubles(score), ToDoubles(table["label"]), Ones(table.RowCount));
        Assert.True(auc > 0.75, $"AUC {auc}");
    }

    [Fact]
    public void ImportanceCountsSplitsAndSumsGains()
    {
        var training = TreeTestData.Gaussians(2000, 12);
        var model = GradientBoosting.Train(training, new BoostingOptions { TreeCount = 4, MaxDepth = 2 }).Model;
        var importance = model.Importance();
        Assert.Equal(["x", "y", "noise"], importance.Select(i => i.Feature));
        Assert.Equal(model.Trees.Sum(t => t.Features.Count(f => f >= 0)), importance.Sum(i => i.SplitCount));
        Assert.Equal(model.Trees.Sum(t => t.Gains.Sum()), importance.Sum(i => i.Gain), 9);
        Assert.True(importance[0].Gain > importance[2].Gain, "x carries more information than noise");
    }

    internal static double[] ToDoubles(EventColumn column)
    {
        var result = new double[column.Length];
        column.CopyTo(result);
        return result;
    }

    internal static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();
}
