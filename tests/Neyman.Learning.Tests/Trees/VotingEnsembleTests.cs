using Neyman.Learning.Training;
using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class VotingEnsembleTests
{
    [Fact]
    public void OneAdaBoostTreeVotesPlusOrMinusOne()
    {
        // x < 5 is mostly background (2 of 10 signal), x >= 5 mostly signal (8 of 10).
        var x = Enumerable.Range(0, 20).Select(i => (double)(i / 2)).ToArray();
        var label = Enumerable.Range(0, 20).Select(i => i < 10 ? (i < 2 ? 1.0 : 0.0) : (i < 18 ? 1.0 : 0.0)).ToArray();
        var table = TreeTestData.Table(("x", x), ("label", label));
        var model = GradientBoosting.Train(table, new BoostingOptions { Objective = BoostingObjectiveKind.AdaBoost, TreeCount = 1, MaxDepth = 1 }).Model;
        var score = model.Predict(TreeTestData.Table(("x", [0.0, 9.0])))["score"];
        Assert.Equal(-1.0, score[0], 12);
        Assert.Equal(1.0, score[1], 12);
    }

    [Fact]
    public void AdaBoostReweightsTowardsTheMisclassified()
    {
        // Sixty depth-3 trees: the vote stays in [-1, 1] and ranks test events nearly as well as the optimum (0.75).
        var training = TreeTestData.Gaussians(3000, 41);
        var test = TreeTestData.Gaussians(3000, 42);
        var options = new BoostingOptions { Objective = BoostingObjectiveKind.AdaBoost, TreeCount = 60, MaxDepth = 3, AdaBoostBeta = 0.5 };
        var result = GradientBoosting.Train(training, options);
        var score = GradientBoostingTests.ToDoubles(result.Model.Predict(test)["score"]);
        Assert.All(score, s => Assert.InRange(s, -1.0, 1.0));
        var auc = ValidationMetrics.Auc(score, GradientBoostingTests.ToDoubles(test["label"]), GradientBoostingTests.Ones(test.RowCount));
        Assert.True(auc > 0.72, $"AUC {auc}");
        Assert.True(result.TrainingLoss[^1] < result.TrainingLoss[0] + 1e-12, "the ensemble's training error must not grow overall");
    }

    [Fact]
    public void BaggedTreesAverageBootstrapPuritiesAndAreSeeded()
    {
        var training = TreeTestData.Gaussians(2000, 43);
        var options = new BoostingOptions { Objective = BoostingObjectiveKind.Bagging, TreeCount = 20, MaxDepth = 4, Seed = 5 };
        var model = GradientBoosting.Train(training, options).Model;
        var score = GradientBoostingTests.ToDoubles(model.Predict(training)["score"]);
        Assert.All(score, s => Assert.InRange(s, 0.0, 1.0));
        Assert.All(model.Trees.SelectMany(t => t.Values), v => Assert.InRange(v, 0.0, 1.0 / 20));
        var auc = ValidationMetrics.Auc(score, GradientBoostingTests.ToDoubles(training["label"]), GradientBoostingTests.Ones(score.Length));
        Assert.True(auc > 0.75, $"AUC {auc}");
        var same = BoostedTreesModelFile.ToJson(GradientBoosting.Train(training, options with { Threads = 1 }).Model).ToJsonString();
        Assert.Equal(BoostedTreesModelFile.ToJson(model).ToJsonString(), same);
        var other = BoostedTreesModelFile.ToJson(GradientBoosting.Train(training, options with { Seed = 6 }).Model).ToJsonString();
        Assert.NotEqual(same, other);
    }
}
