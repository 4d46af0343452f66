using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Neyman.Core;
using Neyman.Events.IO;
using Neyman.Events.Tables;
using Neyman.Learning.Training;
using Neyman.Learning.Trees;

namespace Neyman.Cli.Commands;

/// <summary><c>neyman train bdt --data FILE --output model.json ...</c>: histogram gradient-boosted trees.</summary>
internal static class TrainBdtCommand
{
    private static readonly Dictionary<string, string> OptionOfSetting = new()
    {
        [nameof(BoostingOptions.TreeCount)] = "--trees",
        [nameof(BoostingOptions.MaxDepth)] = "--depth",
        [nameof(BoostingOptions.MaxLeaves)] = "--leaves",
        [nameof(BoostingOptions.LearningRate)] = "--learning-rate",
        [nameof(BoostingOptions.MinChildWeight)] = "--min-child-weight",
        [nameof(BoostingOptions.MinSamplesLeaf)] = "--min-samples-leaf",
        [nameof(BoostingOptions.L1)] = "--l1",
        [nameof(BoostingOptions.L2)] = "--l2",
        [nameof(BoostingOptions.MinSplitGain)] = "--min-split-gain",
        [nameof(BoostingOptions.RowSubsample)] = "--subsample",
        [nameof(BoostingOptions.ColumnSubsample)] = "--colsample",
        [nameof(BoostingOptions.MaxBins)] = "--max-bins",
        [nameof(BoostingOptions.HuberDelta)] = "--huber-delta",
        [nameof(BoostingOptions.EarlyStoppingRounds)] = "--early-stopping",
        [nameof(BoostingOptions.Threads)] = "--threads",
        [nameof(BoostingOptions.GradientLevels)] = "--gradient-levels",
        [nameof(BoostingOptions.RenewQuantizedLeaves)] = "--renew-leaves",
        [nameof(BoostingOptions.AdaBoostBeta)] = "--beta",
        [nameof(BoostingOptions.Flatness)] = "--uniform-features",
        [nameof(FlatnessOptions.UniformFeatures)] = "--uniform-features",
        [nameof(FlatnessOptions.Coefficient)] = "--flatness-coefficient",
        [nameof(FlatnessOptions.Power)] = "--flatness-power",
        [nameof(FlatnessOptions.BinCount)] = "--flatness-bins",
        [nameof(FlatnessOptions.Neighbors)] = "--flatness-neighbors",
    };

    public static Command Create(CliContext context)
    {
        var defaults = new BoostingOptions();
        var data = new Option<string>("--data") { Description = "training events (.csv, .parquet, .h5)", Required = true };
        var validation = new Option<string?>("--validation") { Description = "validation events for metrics and early stopping" };
        var label = new Option<string>("--label") { Description = "label column", DefaultValueFactory = _ => EventTable.LabelColumn };
        var weight = new Option<string?>("--weight") { Description = "event-weight column (negative weights allowed); default: 'weight' when present, else unit weights" };
        var features = new Option<string?>("--features") { Description = "comma-separated feature columns (default: all but label and weight)" };
        var objective = new Option<string>("--objective") { Description = "logistic|squared|huber|softmax|flat|adaboost|bagging (flat needs --uniform-features)", DefaultValueFactory = _ => "logistic" };
        var trees = new Option<int>("--trees") { Description = "boosting rounds", DefaultValueFactory = _ => defaults.TreeCount };
        var depth = new Option<int>("--depth") { Description = "maximum depth (0: unlimited, needs --leaves)", DefaultValueFactory = _ => defaults.MaxDepth };
        var leaves = new Option<int>("--leaves") { Description = "maximum leaves; grows leaf-wise when set (0: depth-wise)" };
        var learningRate = new Option<double>("--learning-rate") { Description = "shrinkage", DefaultValueFactory = _ => defaults.LearningRate };
        var minChildWeight = new Option<double>("--min-child-weight") { Description = "least hessian sum of a child", DefaultValueFactory = _ => defaults.MinChildWeight };
        var minSamplesLeaf = new Option<int>("--min-samples-leaf") { Description = "least events per leaf", DefaultValueFactory = _ => defaults.MinSamplesLeaf };
        var l1 = new Option<double>("--l1") { Description = "L1 penalty on leaf values" };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty on leaf values", DefaultValueFactory = _ => defaults.L2 };
        var minSplitGain = new Option<double>("--min-split-gain") { Description = "least gain of a split" };
        var subsample = new Option<double>("--subsample") { Description = "fraction of events per tree", DefaultValueFactory = _ => 1.0 };
        var colsample = new Option<double>("--colsample") { Description = "fraction of features per tree", DefaultValueFactory = _ => 1.0 };
        var maxBins = new Option<int>("--max-bins") { Description = "value bins per feature (1-255)", DefaultValueFactory = _ => defaults.MaxBins };
        var huberDelta = new Option<double>("--huber-delta") { Description = "Huber transition point", DefaultValueFactory = _ => defaults.HuberDelta };
        var earlyStopping = new Option<int>("--early-stopping") { Description = "stop after this many rounds without validation improvement (0: off)" };
        var metric = new Option<string?>("--metric") { Description = "auc|loss|rmse|error (default: auc for logistic, loss for softmax, rmse for regression)" };
        var seed = new Option<ulong>("--seed") { Description = "seed of the row and feature subsampling", DefaultValueFactory = _ => defaults.Seed };
        var threads = new Option<int>("--threads") { Description = "threads (0: all); the model does not depend on it" };
        var gradientLevels = new Option<int>("--gradient-levels")
        {
            Description = "quantized training: round gradients to this many levels (even, 2-64; 4 builds histograms ~3x faster at nearly the same AUC); 0: exact",
        };
        var renewLeaves = new Option<bool>("--renew-leaves")
        {
            Description = "quantized training: set leaf values from the exact gradients (one more pass per tree) instead of the rounded sums",
        };
        var output = new Option<string>("--output") { Description = "model file to write (.json)", Required = true };
        var json = new Option<bool>("--json") { Description = "end with a one-line JSON summary on standard output" };
        var uniformFeatures = new Option<string?>("--uniform-features") { Description = "flat objective: comma-separated columns the efficiency should be flat in (e.g. m_bb)" };
        var uniformLabel = new Option<int>("--uniform-label") { Description = "flat objective: the class whose efficiency is made flat (0: background)" };
        var flatnessCoefficient = new Option<double>("--flatness-coefficient") { Description = "flat objective: weight of the flatness term", DefaultValueFactory = _ => new FlatnessOptions().Coefficient };
        var flatnessPower = new Option<double>("--flatness-power") { Description = "flat objective: power of the distance", DefaultValueFactory = _ => new FlatnessOptions().Power };
        var flatnessBins = new Option<int>("--flatness-bins") { Description = "flat objective: equal-weight bins per uniform feature", DefaultValueFactory = _ => new FlatnessOptions().BinCount };
        var flatnessNeighbors = new Option<int>("--flatness-neighbors") { Description = "flat objective: use the kNN term with this many neighbours instead of bins" };
        var beta = new Option<double>("--beta") { Description = "adaboost: power of the boost weight (TMVA's AdaBoostBeta)", DefaultValueFactory = _ => defaults.AdaBoostBeta };
        var kfold = new Option<int>("--kfold") { Description = "train K models, each without one fold; writes OUTPUT with .foldJ before the extension" };
        var scores = new Option<string?>("--scores") { Description = "with --kfold: write each event's score from the model that did not see it" };
        var command = new Command("bdt", "Train histogram gradient-boosted decision trees.")
        {
            data, validation, label, weight, features, objective, trees, depth, leaves, learningRate, minChildWeight, minSamplesLeaf,
            l1, l2, minSplitGain, subsample, colsample, maxBins, huberDelta, earlyStopping, metric, seed, threads, gradientLevels, renewLeaves, output, json, kfold, scores,
            beta, uniformFeatures, uniformLabel, flatnessCoefficient, flatnessPower, flatnessBins, flatnessNeighbors,
        };
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var objectiveName = result.GetValue(objective)!;
            var options = new BoostingOptions
            {
                Objective = BoostedTreesModelFile.ParseObjective(objectiveName)
                    ?? throw new InputException($"unknown objective '{objectiveName}'; expected logistic, squared, huber, softmax, flat, adaboost or bagging", "--objective"),
                TreeCount = result.GetValue(trees),
                MaxDepth = result.GetValue(depth),
                MaxLeaves = result.GetValue(leaves),
                LearningRate = result.GetValue(learningRate),
                MinChildWeight = result.GetValue(minChildWeight),
                MinSamplesLeaf = result.GetValue(minSamplesLeaf),
                L1 = result.GetValue(l1),
                L2 = result.GetValue(l2),
                MinSplitGain = result.GetValue(minSplitGain),
                RowSubsample = result.GetValue(subsample),
                ColumnSubsample = result.GetValue(colsample),
                MaxBins = result.GetValue(maxBins),
                HuberDelta = result.GetValue(huberDelta),
                EarlyStoppingRounds = result.GetValue(earlyStopping),
                Metric = ParseMetric(result.GetValue(metric)),
                Seed = result.GetValue(seed),
                Threads = result.GetValue(threads),
                GradientLevels = result.GetValue(gradientLevels),
                RenewQuantizedLeaves = result.GetValue(renewLeaves),
                AdaBoostBeta = result.GetValue(beta),
                Flatness = result.GetValue(uniformFeatures) is { } uniform
                    ? new FlatnessOptions
                    {
                        UniformFeatures = ColumnList.Parse(uniform)!,
                        UniformLabel = result.GetValue(uniformLabel),
                        Coefficient = result.GetValue(flatnessCoefficient),
                        Power = result.GetValue(flatnessPower),
                        BinCount = result.GetValue(flatnessBins),
                        Neighbors = result.GetValue(flatnessNeighbors),
                    }
                    : null,
            };
            Validate(options);
            var outputPath = result.GetValue(output)!;
            var dataPath = result.GetValue(data)!;
            var training = Read(dataPath);
            var weightName = result.GetValue(weight) ?? (training.HasWeight ? EventTable.WeightColumn : null);
            var columns = new BoostingColumns(ColumnList.Parse(result.GetValue(features)), result.GetValue(label)!, weightName);
            var validationPath = result.GetValue(validation);
            var validationTable = validationPath is null ? null : Read(validationPath);
            var folds = result.GetValue(kfold);
            if (folds != 0)
            {
                return TrainFolds(context, training, options, columns, folds, outputPath, result.GetValue(scores), dataPath, result.GetValue(json));
            }

            var progress = new ProgressPrinter(context.Error, options.TreeCount);
            var watch = Stopwatch.StartNew();
            BoostingResult trained;
            try
            {
                trained = GradientBoosting.Train(training, options, columns, validationTable, progress);
            }
            catch (InputException e) when (e.Source is null)
            {
                var source = e.Problem.Contains("validation", StringComparison.Ordinal) ? validationPath : dataPath;
                throw new InputException(e.Problem, source ?? dataPath, e.Location, e);
            }

            var seconds = watch.Elapsed.TotalSeconds;
            BoostedTreesModelFile.Save(trained.Model, outputPath);
            var summary = new JsonObject
            {
                ["model"] = outputPath,
                ["kind"] = "bdt",
                ["events"] = training.RowCount,
                ["trees"] = trained.Model.Trees.Count,
                ["rounds"] = trained.BestRound,
                ["train_seconds"] = seconds,
                ["samples_per_second"] = training.RowCount * (double)trained.TrainingLoss.Count / Math.Max(seconds, 1e-9),
                ["training_loss"] = trained.TrainingLoss[^1],
            };
            var importance = new JsonObject();
            foreach (var entry in trained.Model.Importance().OrderByDescending(i => i.Gain))
            {
                importance[entry.Feature] = new JsonObject { ["gain"] = entry.Gain, ["cover"] = entry.Cover, ["splits"] = entry.SplitCount };
            }

            summary["importance"] = importance;
            if (trained.ValidationHistory.Count > 0)
            {
                summary["validation"] = new JsonObject
                {
                    [trained.Metric.ToString().ToLowerInvariant()] = trained.ValidationHistory[trained.BestRound - 1],
                };
            }

            if (result.GetValue(json))
            {
                context.Out.WriteLine(summary.ToJsonString());
            }
            else
            {
                context.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"trained {trained.Model.Trees.Count} trees on {training.RowCount} events in {seconds:F2} s; wrote {outputPath}"));
            }

            return NeymanApp.Success;
        }));
        return command;
    }

    private static int TrainFolds(
        CliContext context, EventTable training, BoostingOptions options, BoostingColumns columns, int folds, string outputPath, string? scoresPath, string dataPath, bool json)
    {
        var watch = Stopwatch.StartNew();
        KFoldResult trained;
        try
        {
            trained = KFold.Run(training, folds, options.Seed, (events, fold) =>
            {
                context.Error.WriteLine($"fold {fold + 1}/{folds}: training on {events.RowCount} events");
                return GradientBoosting.Train(events, options, columns).Model;
            });
        }
        catch (InputException e) when (e.Source is null)
        {
            throw new InputException(e.Problem, dataPath, e.Location, e);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var paths = new JsonArray();
        for (var j = 0; j < folds; j++)
        {
            var path = Path.Combine(Path.GetDirectoryName(outputPath) ?? "", $"{Path.GetFileNameWithoutExtension(outputPath)}.fold{j}{Path.GetExtension(outputPath)}");
            BoostedTreesModelFile.Save((BoostedTreesModel)trained.Models[j], path);
            paths.Add((JsonNode)path);
        }

        var summary = new JsonObject
        {
            ["models"] = paths,
            ["kind"] = "bdt",
            ["events"] = training.RowCount,
            ["folds"] = folds,
            ["train_seconds"] = seconds,
            ["samples_per_second"] = training.RowCount * (folds - 1.0) / folds * options.TreeCount / Math.Max(seconds, 1e-9),
        };
        if (options.Objective == BoostingObjectiveKind.Logistic)
        {
            var score = new double[training.RowCount];
            trained.Scores["score"].CopyTo(score);
            var label = new double[training.RowCount];
            training[columns.Label].CopyTo(label);
            var weight = Enumerable.Repeat(1.0, training.RowCount).ToArray();
            if (columns.Weight is { } w)
            {
                training[w].CopyTo(weight);
            }

            summary["out_of_fold"] = new JsonObject { ["auc"] = ValidationMetrics.Auc(score, label, weight) };
        }

        if (scoresPath is not null)
        {
            var table = trained.Scores;
            foreach (var carried in new[] { columns.Label, columns.Weight ?? EventTable.WeightColumn })
            {
                if (training.TryGetColumn(carried, out var column) && !table.Contains(carried))
                {
                    table = table.WithColumn(column);
                }
            }

            EventFile.Write(scoresPath, table);
        }

        context.Out.WriteLine(json ? summary.ToJsonString() : $"trained {folds} fold models on {training.RowCount} events; wrote {string.Join(", ", paths)}");
        return NeymanApp.Success;
    }

    private static EventTable Read(string path) => EventFile.Read(path, new EventReadOptions { AllowNonFinite = true });

    private static ValidationMetric? ParseMetric(string? name) => name switch
    {
        null => null,
        "auc" => ValidationMetric.Auc,
        "loss" => ValidationMetric.Loss,
        "rmse" => ValidationMetric.Rmse,
        "error" => ValidationMetric.Error,
        _ => throw new InputException($"unknown metric '{name}'; expected auc, loss, rmse or error", "--metric"),
    };

    private static void Validate(BoostingOptions options)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            var option = e.ParamName is { } name && OptionOfSetting.TryGetValue(name, out var o) ? o : e.ParamName ?? "options";
            var expectation = Expectation(e.Message.Split(" (Parameter")[0].Split(Environment.NewLine)[0]);
            var problem = e is ArgumentOutOfRangeException { ActualValue: { } actual }
                ? $"got {Convert.ToString(actual, CultureInfo.InvariantCulture)}; {expectation}"
                : expectation;
            throw new InputException(problem, option, inner: e);
        }
    }

    // The library's messages name its settings ("MaxDepth ('-1') must be a non-negative value.", "Must be a fraction in
    // (0, 1]."); the command line says what it expected and names its options instead.
    private static string Expectation(string message)
    {
        string? rest = null;
        if (ExpectationPattern.FrameworkMessage().Match(message) is { Success: true } framework)
        {
            rest = framework.Groups["rest"].Value.Replace("'", "", StringComparison.Ordinal);
        }
        else if (ExpectationPattern.SettingMessage().Match(message) is { Success: true } setting)
        {
            rest = setting.Groups["rest"].Value;
        }
        var text = rest is null ? (message.Length > 1 && char.IsLower(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message)
            : rest.StartsWith("a ", StringComparison.Ordinal) || rest.StartsWith("an ", StringComparison.Ordinal) || char.IsAsciiDigit(rest[0])
                ? "expected " + rest
                : "expected a value " + rest;
        foreach (var (name, option) in OptionOfSetting)
        {
            text = Regex.Replace(text, $@"\b{name}\b", option);
        }
        return text;
    }

    private static class ColumnList
    {
        public static IReadOnlyList<string>? Parse(string? list) =>
            list is null ? null : [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }

    private sealed class ProgressPrinter(TextWriter error, int total) : IProgress<BoostingProgress>
    {
        private readonly int every = Math.Max(1, total / 20);

        public void Report(BoostingProgress value)
        {
            if (value.Round % every != 0 && value.Round != value.TotalRounds)
            {
                return;
            }

            var validation = value.ValidationValue is { } v ? string.Create(CultureInfo.InvariantCulture, $"  validation {v:F5}") : "";
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{value.Round,5}/{value.TotalRounds}] training loss {value.TrainingLoss:F5}{validation}"));
        }
    }
}
