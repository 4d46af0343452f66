using Neyman.Core;
using Neyman.Events.Tables;
using Neyman.Learning.Training;

namespace Neyman.Learning.Trees;

/// <summary>
/// Histogram gradient boosting: bins the features once, then each round computes gradients and hessians, grows one
/// tree per output on a seeded subsample of events and features, and adds its shrunk leaf values to the scores.
/// Negative event weights enter gradients and hessians with their sign; children whose hessian sum falls below
/// the minimum child weight (or whose hessian plus L2 is not positive) are refused, so leaf values stay finite.
/// The same seed gives the same model bits whatever the thread count.
/// </summary>
public static class GradientBoosting
{
    private const ulong RowSamplePurpose = 0x726F7773;
    private const ulong ColumnSamplePurpose = 0x636F6C73;

    /// <summary>Trains a model.</summary>
    /// <param name="training">The training events.</param>
    /// <param name="options">The boosting settings.</param>
    /// <param name="columns">The feature, label and weight columns; null uses every column but label and weight.</param>
    /// <param name="validation">Held-out events for the validation metric and early stopping, or null.</param>
    /// <param name="progress">Receives a report after every round, or null.</param>
    /// <param name="cancellation">Stops training between rounds.</param>
    /// <exception cref="InputException">Missing columns, non-finite labels or weights, labels that do not fit the objective.</exception>
    public static BoostingResult Train(
        EventTable training,
        BoostingOptions options,
        BoostingColumns? columns = null,
        EventTable? validation = null,
        IProgress<BoostingProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        columns ??= new BoostingColumns();
        var featureNames = columns.FeaturesOf(training);
        if (featureNames.Count == 0)
        {
            throw new InputException($"the training events have no feature columns besides '{columns.Label}' and the weight");
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads == 0 ? -1 : options.Threads, CancellationToken = cancellation };
        var data = BoostingData.From(training, featureNames, columns, "training");
        var outputs = data.CheckLabels(options.Objective, columns.Label, requireAllClasses: true);
        var metric = options.Metric ?? DefaultMetric(options.Objective);
        CheckMetric(metric, options.Objective);
        var binned = BinnedDataset.Fit(data.Features, data.Weights, options.MaxBins, parallel);
        var objective = CreateObjective(options, data, outputs, training);
        var watch = validation is null ? null : new Watch(validation, featureNames, columns, options, outputs, binned, parallel, metric);

        if (options.Objective is BoostingObjectiveKind.AdaBoost or BoostingObjectiveKind.Bagging)
        {
            var voted = VotingEnsembles.Train(data, binned, options, watch, progress, parallel);
            var kept = voted.Trees;
            return new BoostingResult(
                new BoostedTreesModel(options.Objective, featureNames, [0.0], kept, binned.Mappers), metric, voted.TrainingError, watch?.History ?? [], kept.Count);
        }

        var n = data.RowCount;
        var baseScores = objective.InitialScores();
        var raw = new double[n * outputs];
        for (var i = 0; i < n; i++)
        {
            baseScores.CopyTo(raw.AsSpan(i * outputs, outputs));
        }

        watch?.Start(baseScores);
        var gradient = new float[n * outputs];
        var hessian = new float[n * outputs];
        var outputGradient = outputs == 1 ? gradient : new float[n];
        var outputHessian = outputs == 1 ? hessian : new float[n];
        using var team = new WorkerTeam(parallel);
        var grower = new TreeGrower(binned, options, team);
        var quantizer = options.GradientLevels > 0 ? new QuantizedGradients(options.GradientLevels, n, options.Seed) : null;
        var trees = new List<RegressionTree>();
        var trainingLoss = new List<double>();
        var bestRound = options.TreeCount;
        var gradientPass = new GradientPass(objective, team, takeExtremes: quantizer is not null && outputs == 1);
        var allRows = Enumerable.Range(0, n).ToArray();
        for (var round = 0; round < options.TreeCount; round++)
        {
            cancellation.ThrowIfCancellationRequested();

            // The pass that computes this round's gradients also gives the loss the previous round ended with.
            var lossSoFar = gradientPass.Run(raw, gradient, hessian);
            if (round > 0)
            {
                trainingLoss.Add(lossSoFar);
                progress?.Report(new BoostingProgress(round, options.TreeCount, lossSoFar, watch?.History[round - 1]));
            }

            var rows = SampleRows(n, options, round, allRows);
            var features = SampleFeatures(featureNames.Count, options, round);
            for (var k = 0; k < outputs; k++)
            {
                if (outputs > 1)
                {
                    for (var i = 0; i < n; i++)
                    {
                        outputGradient[i] = gradient[(i * outputs) + k];
                        outputHessian[i] = hessian[(i * outputs) + k];
                    }
                }

                // With one output over all events the gradient pass has already found the extremes.
                quantizer?.Quantize(
                    outputGradient, outputHessian, rows, ((long)round * outputs) + k, team, outputs == 1 && rows.Length == n ? gradientPass.Extremes : null);
                var (tree, leaves, _) = grower.Grow(outputGradient, outputHessian, rows, features, quantizer);
                trees.Add(tree);
                UpdateScores(raw, outputs, k, tree, leaves, binned, rows.Length == n, team);
                watch?.Add(tree, k);
            }

            if (watch is not null && options.EarlyStoppingRounds > 0 && round + 1 - watch.BestRound >= options.EarlyStoppingRounds)
            {
                break;
            }
        }

        trainingLoss.Add(objective.MeanLoss(raw));
        progress?.Report(new BoostingProgress(trainingLoss.Count, options.TreeCount, trainingLoss[^1], watch?.History[^1]));
        if (watch is not null && options.EarlyStoppingRounds > 0)
        {
            bestRound = watch.BestRound;
            trees.RemoveRange(bestRound * outputs, trees.Count - (bestRound * outputs));
        }
        else
        {
            bestRound = trees.Count / outputs;
        }

        var model = new BoostedTreesModel(options.Objective, featureNames, baseScores, trees, binned.Mappers);
        return new BoostingResult(model, metric, trainingLoss, watch?.History ?? [], bestRound);
    }

    /// <summary>The metric watched when none is chosen: AUC for logistic, loss for softmax, RMSE for regression.</summary>
    /// <param name="objective">The objective.</param>
    public static ValidationMetric DefaultMetric(BoostingObjectiveKind objective) => objective switch
    {
        BoostingObjectiveKind.Logistic or BoostingObjectiveKind.Flat or BoostingObjectiveKind.AdaBoost or BoostingObjectiveKind.Bagging => ValidationMetric.Auc,
        BoostingObjectiveKind.Softmax => ValidationMetric.Loss,
        _ => ValidationMetric.Rmse,
    };

    internal static IBoostingObjective CreateObjective(BoostingOptions options, BoostingData data, int outputs, EventTable? table) => options.Objective switch
    {
        BoostingObjectiveKind.Flat when table is not null => new FlatnessLoss(
            data.Labels, data.Weights, BoostingData.UniformColumns(table, options.Flatness!.UniformFeatures), options.Flatness),
        BoostingObjectiveKind.Logistic or BoostingObjectiveKind.Flat or BoostingObjectiveKind.AdaBoost or BoostingObjectiveKind.Bagging =>
            new BinaryLogisticLoss(data.Labels, data.Weights),
        BoostingObjectiveKind.Squared => new SquaredErrorLoss(data.Labels, data.Weights),
        BoostingObjectiveKind.Huber => new HuberLoss(data.Labels, data.Weights, options.HuberDelta),
        _ => new SoftmaxLoss(data.Labels, data.Weights, outputs),
    };

    private static void CheckMetric(ValidationMetric metric, BoostingObjectiveKind objective)
    {
        var classifier = objective is not (BoostingObjectiveKind.Squared or BoostingObjectiveKind.Huber);
        var fits = metric switch
        {
            ValidationMetric.Auc => classifier && objective != BoostingObjectiveKind.Softmax,
            ValidationMetric.Loss => objective is not (BoostingObjectiveKind.AdaBoost or BoostingObjectiveKind.Bagging),
            ValidationMetric.Error => classifier && objective != BoostingObjectiveKind.Bagging,
            ValidationMetric.Rmse => !classifier,
            _ => true,
        };
        if (!fits)
        {
            throw new InputException($"the {metric} metric does not fit the {objective} objective", location: "metric");
        }
    }

    private static int[] SampleRows(int n, BoostingOptions options, int round, int[] allRows)
    {
        if (options.RowSubsample >= 1)
        {
            return allRows;
        }

        var random = RandomStream.ForBlock(options.Seed, RowSamplePurpose, (ulong)round);
        var rows = new List<int>((int)(n * options.RowSubsample) + 16);
        for (var i = 0; i < n; i++)
        {
            if (random.NextDouble() < options.RowSubsample)
            {
                rows.Add(i);
            }
        }

        return [.. rows];
    }

    private static int[] SampleFeatures(int featureCount, BoostingOptions options, int round)
    {
        var all = Enumerable.Range(0, featureCount).ToArray();
        if (options.ColumnSubsample >= 1)
        {
            return all;
        }

        var random = RandomStream.ForBlock(options.Seed, ColumnSamplePurpose, (ulong)round);
        random.Shuffle(all.AsSpan());
        var take = Math.Max(1, (int)Math.Ceiling(options.ColumnSubsample * featureCount));
        var chosen = all[..take];
        Array.Sort(chosen);
        return chosen;
    }

    private static void UpdateScores(
        double[] raw, int outputs, int k, RegressionTree tree, GrownRows leaves, BinnedDataset binned, bool allRows, WorkerTeam team)
    {
        if (allRows)
        {
            leaves.AddValues(raw, outputs, k, tree.Values, team);
            return;
        }

        const int block = 8192;
        team.For(0, (binned.RowCount + block - 1) / block, b =>
        {
            for (var row = b * block; row < Math.Min(binned.RowCount, (b + 1) * block); row++)
            {
                raw[(row * outputs) + k] += tree.Values[tree.LeafOfBinned(binned.Columns, row)];
            }
        });
    }
}
