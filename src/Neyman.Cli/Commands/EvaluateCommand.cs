using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Events.IO;
using Neyman.Events.Tables;
using Neyman.Learning.Evaluation;
using Neyman.Learning.Models;
using Neyman.Publishing.Plots;
using Neyman.Publishing.Reports;

namespace Neyman.Cli.Commands;

/// <summary>
/// <c>neyman evaluate (--scores FILE | --model M --data FILE) --output DIR</c>: computes the classifier metrics
/// (weighted AUC with bootstrap uncertainty, AMS, signal efficiency at fixed background rejection, and with
/// training scores the Kolmogorov-Smirnov overtraining test) and writes report.html, metrics.json and the charts.
/// </summary>
internal static class EvaluateCommand
{
    private const int MaxFeatureCharts = 12;

    public static Command Create(CliContext context)
    {
        var scores = new Option<string?>("--scores") { Description = "test-sample scores with 'label' (1 signal, 0 background), optional 'weight' and the score column, as 'neyman predict' writes them" };
        var trainScores = new Option<string?>("--train-scores") { Description = "training-sample scores in the same layout, for the overtraining test" };
        var model = new Option<string?>("--model") { Description = "a saved model to score --data with (instead of --scores)" };
        var data = new Option<string?>("--data") { Description = "test events for --model, with 'label' and optional 'weight'" };
        var trainData = new Option<string?>("--train-data") { Description = "training events for --model, for the overtraining test" };
        var output = new Option<string>("--output") { Description = "folder for report.html, metrics.json and the charts (created if missing)", Required = true };
        var scoreColumn = new Option<string>("--score-column") { Description = "the column holding the classifier output", DefaultValueFactory = _ => "score" };
        var bootstrap = new Option<int>("--bootstrap") { Description = "bootstrap replicas for the AUC uncertainty", DefaultValueFactory = _ => 200 };
        var seed = new Option<ulong>("--seed") { Description = "seed of the bootstrap", DefaultValueFactory = _ => 1 };
        var importance = new Option<int>("--importance") { Description = "with --model: permutation importance of each feature from this many shuffles (0: off); writes importance.json", DefaultValueFactory = _ => 0 };
        var uncertainty = new Option<double>("--background-uncertainty") { Description = "relative background uncertainty sigma_b/b for the Asimov significance", DefaultValueFactory = _ => 0 };
        var command = new Command("evaluate", "Evaluate a binary classifier: ROC, AUC, AMS, overtraining test; writes an HTML report.")
        {
            scores, trainScores, model, data, trainData, output, scoreColumn, bootstrap, seed, uncertainty, importance,
        };
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var replicas = result.GetValue(bootstrap);
            if (replicas < 0)
            {
                throw new InputException($"got {replicas}; expected a non-negative number of replicas", "--bootstrap");
            }
            var relativeUncertainty = result.GetValue(uncertainty);
            if (!(relativeUncertainty >= 0) || !double.IsFinite(relativeUncertainty))
            {
                throw new InputException($"got {relativeUncertainty}; expected a finite, non-negative relative uncertainty such as 0.1", "--background-uncertainty");
            }
            var column = result.GetValue(scoreColumn)!;
            var shuffles = result.GetValue(importance);
            if (shuffles < 0 || (shuffles > 0 && result.GetValue(model) is null))
            {
                throw new InputException($"got {shuffles}; expected 0, or a positive number of shuffles together with --model and --data", "--importance");
            }
            var (test, testSource) = LoadSample(result.GetValue(scores), result.GetValue(model), result.GetValue(data), column, "--scores", "--data");
            var trainPath = result.GetValue(trainScores) ?? result.GetValue(trainData);
            (EventTable Table, string Source)? train = trainPath is null
                ? null
                : LoadSample(result.GetValue(trainScores), result.GetValue(model), result.GetValue(trainData), column, "--train-scores", "--train-data");
            var folder = result.GetValue(output)!;
            CreateFolder(folder);

            var testSample = BinaryScores.FromTable(test, column, testSource);
            var trainSample = train is { } t ? BinaryScores.FromTable(t.Table, column, t.Source) : null;
            var metrics = ClassifierMetrics.Compute(testSample, trainSample, replicas, result.GetValue(seed), relativeUncertainty);
            var charts = Charts(test, testSample, trainSample, metrics, column);
            var title = "Classifier evaluation: " + Path.GetFileName(result.GetValue(model) ?? testSource);
            var notes = new List<string> { "Test sample: " + testSource };
            if (train is { } tr)
            {
                notes.Add("Training sample: " + tr.Source);
            }
            notes.Add($"Score column '{column}'; bootstrap {replicas} replicas, seed {result.GetValue(seed)}.");
            var features = test.FeatureNames.Where(n => n != column).Take(MaxFeatureCharts).ToArray();
            var correlations = features.Length < 2
                ? null
                : new[] { true, false }.Select(signal => (signal ? "signal" : "background", CorrelationMatrix.ForClass(test, features, signal))).ToArray();
            EvaluationReport.Write(folder, title, metrics, charts, notes, correlations);
            context.Out.WriteLine(
                $"AUC = {metrics.Auc:F4} ± {metrics.AucUncertainty:F4}, AMS = {metrics.Ams:F3} at score >= {metrics.AmsThreshold:G6}" +
                (metrics.Overtraining is { } check ? $", KS p-value (train vs test) = {check.MinimumPValue:G3}" : ""));
            context.Out.WriteLine($"wrote report.html, metrics.json and {charts.Count} charts (PNG and SVG) to {folder}");
            if (shuffles > 0)
            {
                WriteImportance(context, ModelFile.Load(result.GetValue(model)!), result.GetValue(data)!, column, folder, shuffles, result.GetValue(seed));
            }
            return NeymanApp.Success;
        }));
        return command;
    }

    /// <summary>Permutation importance of the model's features on the test events: the AUC lost when one is shuffled.</summary>
    private static void WriteImportance(CliContext context, IEventModel scorer, string dataPath, string column, string folder, int shuffles, ulong seed)
    {
        var events = EventFile.Read(dataPath, new EventReadOptions { AllowNonFinite = true });
        var ranking = PermutationImportance.Compute(table => scorer.Predict(table)[column].ToFloat64Array(), events, scorer.FeatureNames, shuffles, seed);
        var json = new JsonArray([.. ranking.Select(r => (JsonNode)new JsonObject
        {
            ["feature"] = r.Feature,
            ["auc_decrease"] = r.AucDecrease,
            ["standard_deviation"] = r.StandardDeviation,
        })]);
        AtomicFile.WriteAllText(Path.Combine(folder, "importance.json"), json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        context.Out.WriteLine("permutation importance (AUC lost when shuffled): " +
            string.Join(", ", ranking.Take(5).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Feature} {r.AucDecrease:F4}"))) +
            $"; all {ranking.Count} in importance.json");
    }

    private static (EventTable Table, string Source) LoadSample(string? scoresPath, string? modelPath, string? dataPath, string column, string scoresOption, string dataOption)
    {
        if (scoresPath is not null && modelPath is not null)
        {
            throw new InputException($"give either {scoresPath} through {scoresOption} or a model with --model, not both", scoresOption);
        }
        if (scoresPath is not null)
        {
            return (EventFile.Read(scoresPath), scoresPath);
        }
        if (modelPath is null)
        {
            throw new InputException($"expected {scoresOption} FILE, or --model M with {dataOption} FILE", scoresOption);
        }
        if (dataPath is null)
        {
            throw new InputException($"--model needs the events to score: expected {dataOption} FILE", dataOption);
        }
        var loaded = ModelFile.Load(modelPath);
        ModelScoring.RequireOutput(loaded, column, modelPath);
        var events = EventFile.Read(dataPath, new EventReadOptions { AllowNonFinite = true });
        return (events.WithColumn(ModelScoring.Predict(loaded, events, dataPath)[column]), dataPath);
    }

    private static List<ChartImage> Charts(EventTable test, BinaryScores sample, BinaryScores? train, ClassifierMetrics metrics, string column)
    {
        var roc = RocCurve.From(sample);
        var charts = new List<ChartImage>
        {
            RocPlot.Efficiency([(column, roc, metrics.Auc)]),
            RocPlot.Rejection([(column, roc, metrics.Auc)]),
            ScoreDistributionPlot.Create(sample, train),
            AmsPlot.Create(ApproximateMedianSignificance.Scan(sample)),
        };
        foreach (var feature in test.FeatureNames.Where(n => n != column).Take(MaxFeatureCharts))
        {
            charts.Add(FeatureDistributionPlot.Create(feature, FeatureDistributionPlot.AxisLabel(feature), test[feature].ToFloat64Array(), sample.IsSignal, sample.Weights));
        }
        return charts;
    }

    private static void CreateFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot create the output folder: {e.Message}", "--output", inner: e);
        }
    }
}
