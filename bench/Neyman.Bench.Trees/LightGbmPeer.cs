using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Neyman.Events.Tables;

namespace Neyman.Bench.Trees;

/// <summary>
/// The LightGBM peer (issue 5): LightGBM's own native library through ML.NET, trained and timed on the same training
/// rows as our trees with the matching settings (trees, depth, leaves, learning rate, 255 bins, threads).
/// </summary>
internal static class LightGbmPeer
{
    /// <summary>Trains, predicts the test rows and returns the timings and the test scores.</summary>
    public static (double TrainSeconds, double PredictSeconds, float[] Scores) Run(
        EventTable training, EventTable test, int trees, int depth, int leaves, double learningRate, int threads)
    {
        var context = new MLContext(seed: 1);
        var features = training.Columns.Where(c => c.Name is not ("label" or "weight")).Select(c => c.Name).ToArray();
        var trainView = context.Data.LoadFromEnumerable(Rows(training, features), Schema(context, features.Length));
        var testView = context.Data.LoadFromEnumerable(Rows(test, features), Schema(context, features.Length));
        var trainer = context.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = trees,
            NumberOfLeaves = leaves > 0 ? leaves : (1 << depth) - 1,
            Booster = new GradientBooster.Options { MaximumTreeDepth = depth, L2Regularization = 1, MinimumSplitGain = 0 },
            LearningRate = learningRate,
            MaximumBinCountPerFeature = 255,
            MinimumExampleCountPerLeaf = 20,
            NumberOfThreads = threads,
            Seed = 1,
        });
        var watch = Stopwatch.StartNew();
        var model = trainer.Fit(trainView);
        var trainSeconds = watch.Elapsed.TotalSeconds;
        // Warm the prediction path on a few rows, then time all of them.
        _ = model.Transform(context.Data.TakeRows(testView, 1000)).GetColumn<float>("Score").ToArray();
        watch.Restart();
        var scores = model.Transform(testView).GetColumn<float>("Score").ToArray();
        return (trainSeconds, watch.Elapsed.TotalSeconds, scores);
    }

    private static SchemaDefinition Schema(MLContext context, int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    private static IEnumerable<Row> Rows(EventTable table, string[] features)
    {
        var columns = features.Select(f => table[f].ToFloat32Array()).ToArray();
        var labels = table["label"].ToFloat32Array();
        for (var r = 0; r < table.RowCount; r++)
        {
            var values = new float[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                values[c] = columns[c][r];
            }
            yield return new Row { Features = values, Label = labels[r] == 1 };
        }
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
