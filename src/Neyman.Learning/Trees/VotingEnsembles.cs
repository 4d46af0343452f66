using Neyman.Core;

namespace Neyman.Learning.Trees;

/// <summary>
/// The two non-gradient ensembles. Their trees are regression trees on y = +-1 (AdaBoost) or y = 0/1 (bagging)
/// with squared-error gain, which for binary labels is the weighted Gini criterion TMVA uses.
/// AdaBoost (TMVA's discrete form): tree m votes h = sign(leaf mean) with weight a_m = beta ln((1 - err) / err);
/// misclassified events are reweighted by ((1 - err) / err)^beta and all weights renormalized to their first total;
/// boosting stops early when a tree's error reaches 0.5. The leaf values are a_m h / sum a, so the output lies in
/// [-1, 1]. Bagging: each tree sees a seeded Poisson(1) bootstrap of the events and stores leaf purities divided
/// by the number of trees, so the output is the mean purity.
/// </summary>
internal static class VotingEnsembles
{
    private const ulong BootstrapPurpose = 0x62616767;

    public static (List<RegressionTree> Trees, List<double> TrainingError) Train(
        BoostingData data, BinnedDataset binned, BoostingOptions options, Watch? watch, IProgress<BoostingProgress>? progress, ParallelOptions parallel)
    {
        var n = data.RowCount;
        var adaBoost = options.Objective == BoostingObjectiveKind.AdaBoost;
        using var team = new WorkerTeam(parallel);
        var grower = new TreeGrower(binned, options with { LearningRate = 1, L1 = 0, L2 = 0 }, team);
        var weights = (double[])data.Weights.Clone();
        var firstTotal = weights.Sum();
        var gradient = new float[n];
        var hessian = new float[n];
        var raw = new double[n];
        var trees = new List<RegressionTree>();
        var votes = new List<double>();
        var trainingError = new List<double>();
        var allRows = Enumerable.Range(0, n).ToArray();
        var allFeatures = Enumerable.Range(0, binned.FeatureCount).ToArray();
        watch?.Start([0.0]);
        for (var m = 0; m < options.TreeCount; m++)
        {
            parallel.CancellationToken.ThrowIfCancellationRequested();
            var rows = adaBoost ? allRows : Bootstrap(n, options.Seed, m, data, gradient, hessian);
            if (adaBoost)
            {
                for (var i = 0; i < n; i++)
                {
                    var y = data.Labels[i] == 1 ? 1.0 : -1.0;
                    gradient[i] = (float)(-weights[i] * y);
                    hessian[i] = (float)weights[i];
                }
            }

            var (tree, leaves, _) = grower.Grow(gradient, hessian, rows, allFeatures);
            if (adaBoost)
            {
                double wrong = 0, total = 0;
                var leafOf = new int[n];
                leaves.FillLeafOf(leafOf);

                var misclassified = new bool[n];
                for (var i = 0; i < n; i++)
                {
                    var vote = tree.Values[leafOf[i]] >= 0 ? 1 : 0;
                    misclassified[i] = vote != (int)data.Labels[i];
                    wrong += misclassified[i] ? weights[i] : 0;
                    total += weights[i];
                }

                var error = wrong / total;
                if (error >= 0.5 && trees.Count > 0)
                {
                    break;
                }

                error = Math.Clamp(error, 1e-10, 0.5 - 1e-10);
                var ratio = (1 - error) / error;
                var alpha = options.AdaBoostBeta * Math.Log(ratio);
                for (var node = 0; node < tree.NodeCount; node++)
                {
                    tree.SetValue(node, tree.Values[node] >= 0 ? alpha : -alpha);
                }

                var boost = Math.Pow(ratio, options.AdaBoostBeta);
                var sum = 0.0;
                for (var i = 0; i < n; i++)
                {
                    weights[i] *= misclassified[i] ? boost : 1.0;
                    sum += weights[i];
                }

                for (var i = 0; i < n; i++)
                {
                    weights[i] *= firstTotal / sum;
                }

                votes.Add(alpha);
            }

            for (var i = 0; i < n; i++)
            {
                raw[i] += tree.Values[tree.LeafOfBinned(binned.Columns, i)];
            }

            trees.Add(tree);
            watch?.Add(tree, 0);
            trainingError.Add(Error(raw, data, adaBoost ? 0.0 : 0.5 * trees.Count));
            progress?.Report(new BoostingProgress(trees.Count, options.TreeCount, trainingError[^1], watch?.History[^1]));
            if (watch is not null && options.EarlyStoppingRounds > 0 && trees.Count - watch.BestRound >= options.EarlyStoppingRounds)
            {
                break;
            }
        }

        if (watch is not null && options.EarlyStoppingRounds > 0)
        {
            trees.RemoveRange(watch.BestRound, trees.Count - watch.BestRound);
        }

        var scale = adaBoost ? votes.Take(trees.Count).Sum() : trees.Count;
        foreach (var tree in trees)
        {
            for (var node = 0; node < tree.NodeCount; node++)
            {
                tree.SetValue(node, tree.Values[node] / scale);
            }
        }

        return (trees, trainingError);
    }

    /// <summary>Draws Poisson(1) multiplicities, fills the purity-fitting gradients and returns the drawn rows.</summary>
    private static int[] Bootstrap(int n, ulong seed, int tree, BoostingData data, float[] gradient, float[] hessian)
    {
        var random = RandomStream.ForBlock(seed, BootstrapPurpose, (ulong)tree);
        var rows = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            var copies = random.NextPoisson(1.0);
            gradient[i] = (float)(-data.Weights[i] * copies * data.Labels[i]);
            hessian[i] = (float)(data.Weights[i] * copies);
            if (copies > 0)
            {
                rows.Add(i);
            }
        }

        return [.. rows];
    }

    /// <summary>The weighted fraction of events on the wrong side of the threshold.</summary>
    private static double Error(double[] raw, BoostingData data, double threshold)
    {
        double wrong = 0, total = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var predicted = raw[i] > threshold ? 1 : 0;
            wrong += predicted != (int)data.Labels[i] ? data.Weights[i] : 0;
            total += data.Weights[i];
        }

        return wrong / total;
    }
}
