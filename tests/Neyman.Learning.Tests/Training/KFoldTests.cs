using Neyman.Learning.Tests.Trees;
using Neyman.Learning.Training;
using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Training;

public sealed class KFoldTests
{
    [Fact]
    public void FoldsAreBalancedAndSeeded()
    {
        var folds = KFold.AssignFolds(103, 4, 9);
        var sizes = folds.GroupBy(f => f).OrderBy(g => g.Key).Select(g => g.Count()).ToArray();
        Assert.Equal([26, 26, 26, 25], sizes);
        Assert.Equal(folds, KFold.AssignFolds(103, 4, 9));
        Assert.NotEqual(folds, KFold.AssignFolds(103, 4, 10));
    }

    [Fact]
    public void EveryEventIsScoredByTheModelThatDidNotSeeIt()
    {
        var events = TreeTestData.Gaussians(600, 31);
        var seen = new List<int>();
        var result = KFold.Run(events, 3, 7, (training, fold) =>
        {
            seen.Add(training.RowCount);
            return GradientBoosting.Train(training, new BoostingOptions { TreeCount = 3, MaxDepth = 2 }).Model;
        });
        Assert.Equal([400, 400, 400], seen);
        for (var i = 0; i < events.RowCount; i += 37)
        {
            var own = result.Models[result.Folds[i]].Predict(events.Slice(i, 1))["score"][0];
            Assert.Equal(own, result.Scores["score"][i]);
            var other = result.Models[(result.Folds[i] + 1) % 3].Predict(events.Slice(i, 1))["score"][0];
            Assert.NotEqual(other, result.Scores["score"][i]);
        }
    }

    [Fact]
    public void TooManyFoldsIsBadInput()
    {
        var events = TreeTestData.Gaussians(3, 1);
        Assert.Throws<Neyman.Core.InputException>(() => KFold.Run(events, 4, 1, (t, _) => throw new InvalidOperationException()));
    }
}
