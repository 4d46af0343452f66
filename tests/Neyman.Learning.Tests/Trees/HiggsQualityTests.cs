using Neyman.Events.Simulation;
using Neyman.Events.Tables;
using Neyman.Learning.Training;
using Neyman.Learning.Trees;
using Xunit;
using Xunit.Abstractions;

namespace Neyman.Learning.Tests.Trees;

public sealed class HiggsQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void SmallHiggsSampleReachesTheAucFloor()
    {
        var chunks = new List<EventTable>();
        new HiggsGenerator(new HiggsOptions(), 7).Generate(12_000, chunks.Add, maxDegreeOfParallelism: 2);
        var events = EventTable.Concatenate(chunks);
        var training = events.Slice(0, 8_000);
        var test = events.Slice(8_000, 4_000);
        var options = new BoostingOptions { TreeCount = 60, MaxDepth = 4, LearningRate = 0.1 };
        var model = GradientBoosting.Train(training, options, new BoostingColumns(HiggsColumns.Features, Weight: "weight")).Model;
        var score = GradientBoostingTests.ToDoubles(model.Predict(test)["score"]);
        var auc = ValidationMetrics.Auc(score, GradientBoostingTests.ToDoubles(test["label"]), GradientBoostingTests.ToDoubles(test["weight"]));
        output.WriteLine($"test AUC {auc:F4}");
        // Measured once on these very events (bench/RESULTS.md; the generator's draws changed on 2026-11-23): this
        // engine 0.9340, XGBoost 1.7.4 hist with the same trees, depth, learning rate and split 0.9331. The floor is
        // XGBoost's AUC less 0.004 for cross-platform rounding.
        Assert.True(auc >= 0.9291, $"AUC {auc}");
    }
}
