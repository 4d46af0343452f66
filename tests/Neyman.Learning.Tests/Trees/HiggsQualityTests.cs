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
        // Measured once on these very events (bench/RESULTS.md): this engine 0.9424, XGBoost 1.7.4 hist with the same
        // trees, depth and learning rate 0.9417. The floor is XGBoost's AUC less 0.004 for cross-platform rounding.
        Assert.True(auc >= 0.9377, $"AUC {auc}");
    }
}
