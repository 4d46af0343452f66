namespace Neyman.Learning.Trees;

/// <summary>
/// Uniform gradient boosting's loss: the binary logistic loss plus c times a flatness term, after hep_ml's
/// UGradientBoostingClassifier. For each event i of the uniform class, let L_i be its position (weighted mid-rank in
/// [0, 1]) within its group (its bin of the uniform features, or its k nearest neighbours in one uniform feature) and
/// t_i = F^-1(L_i) the score at that position of the class's global score distribution F: the score event i would
/// need for its group to be distributed like the whole class. The flatness term is c w_i |s_i - t_i|^p summed over
/// events, with gradient c w_i p sign(d) |d|^(p-1) (d = s_i - t_i, t_i held fixed) and curvature taken as c |w_i| p
/// (exact for p = 2). hep_ml measures d in ranks; measuring it in score units keeps the Newton steps stable
/// where many scores crowd together. <see cref="MeanLoss"/> reports the logistic part only.
/// </summary>
public sealed class FlatnessLoss : IBoostingObjective
{
    private readonly BinaryLogisticLoss logistic;
    private readonly double[] weights;
    private readonly FlatnessOptions options;
    private readonly int[] members;
    private readonly int[][] groups;
    private readonly int[][]? neighbors;

    /// <summary>Binds the loss to labels, weights and the uniform variables.</summary>
    /// <param name="labels">Labels 0 or 1.</param>
    /// <param name="weights">Event weights.</param>
    /// <param name="uniform">One column per uniform feature, one value per event.</param>
    /// <param name="options">The flatness settings.</param>
    public FlatnessLoss(double[] labels, double[] weights, IReadOnlyList<double[]> uniform, FlatnessOptions options)
    {
        ArgumentNullException.ThrowIfNull(uniform);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        logistic = new BinaryLogisticLoss(labels, weights);
        this.weights = weights;
        this.options = options;
        members = [.. Enumerable.Range(0, labels.Length).Where(i => labels[i] == options.UniformLabel)];
        var memberWeights = members.Select(i => Math.Abs(weights[i])).ToArray();
        if (options.Neighbors > 0)
        {
            neighbors = NearestInOneVariable([.. members.Select(i => uniform[0][i])], Math.Min(options.Neighbors, members.Length));
            groups = [];
            return;
        }

        // The group of an event combines its equal-weight bin in every uniform feature.
        var group = new int[members.Length];
        foreach (var column in uniform)
        {
            var (binOf, _) = Training.FlatnessMetrics.EqualWeightBins([.. members.Select(i => column[i])], memberWeights, options.BinCount);
            for (var m = 0; m < members.Length; m++)
            {
                group[m] = (group[m] * options.BinCount) + binOf[m];
            }
        }

        groups = [.. Enumerable.Range(0, members.Length).GroupBy(m => group[m]).OrderBy(g => g.Key).Select(g => g.ToArray())];
    }

    /// <inheritdoc/>
    public int OutputCount => 1;

    /// <inheritdoc/>
    public int EventCount => weights.Length;

    /// <inheritdoc/>
    public double[] InitialScores() => logistic.InitialScores();

    /// <inheritdoc/>
    public void ComputeGradients(ReadOnlySpan<double> score, Span<float> gradient, Span<float> hessian)
    {
        logistic.ComputeGradients(score, gradient, hessian);
        var memberScores = new double[members.Length];
        var memberWeights = new double[members.Length];
        for (var m = 0; m < members.Length; m++)
        {
            memberScores[m] = score[members[m]];
            memberWeights[m] = Math.Abs(weights[members[m]]);
        }

        var all = Enumerable.Range(0, members.Length).ToArray();
        var global = new double[members.Length];
        Positions(all, memberScores, memberWeights, global);
        var local = new double[members.Length];
        if (neighbors is null)
        {
            foreach (var g in groups)
            {
                Positions(g, memberScores, memberWeights, local);
            }
        }
        else
        {
            for (var m = 0; m < members.Length; m++)
            {
                double below = 0, total = 0;
                foreach (var j in neighbors[m])
                {
                    total += memberWeights[j];
                    below += memberScores[j] < memberScores[m] ? memberWeights[j] : memberScores[j] == memberScores[m] ? memberWeights[j] / 2 : 0;
                }

                local[m] = below / total;
            }
        }

        // The score each event would need for its group position to equal its global one: the global quantile
        // at its local position. Working in score units keeps steps stable where many scores crowd together.
        var sortedPositions = (double[])global.Clone();
        var sortedScores = (double[])memberScores.Clone();
        Array.Sort(sortedPositions, sortedScores);
        var c = options.Coefficient;
        var p = options.Power;
        for (var m = 0; m < members.Length; m++)
        {
            var d = memberScores[m] - Quantile(sortedPositions, sortedScores, local[m]);
            var push = p * Math.Sign(d) * Math.Pow(Math.Abs(d), p - 1);
            gradient[members[m]] += (float)(c * weights[members[m]] * push);
            hessian[members[m]] += (float)(c * Math.Abs(weights[members[m]]) * p);
        }
    }

    /// <summary>The score at a position of the global distribution, interpolating linearly between events.</summary>
    private static double Quantile(double[] positions, double[] scores, double position)
    {
        var k = Array.BinarySearch(positions, position);
        if (k >= 0)
        {
            return scores[k];
        }

        k = ~k;
        if (k == 0)
        {
            return scores[0];
        }

        if (k == positions.Length)
        {
            return scores[^1];
        }

        var t = (position - positions[k - 1]) / (positions[k] - positions[k - 1]);
        return scores[k - 1] + (t * (scores[k] - scores[k - 1]));
    }

    /// <inheritdoc/>
    public double MeanLoss(ReadOnlySpan<double> score) => logistic.MeanLoss(score);

    /// <summary>Writes each listed event's weighted mid-rank position (in [0, 1]) among the listed events.</summary>
    private static void Positions(int[] events, double[] score, double[] weight, double[] position)
    {
        var keys = events.Select(e => score[e]).ToArray();
        var order = (int[])events.Clone();
        Array.Sort(keys, order);
        var total = events.Sum(e => weight[e]);
        var below = 0.0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            var tied = 0.0;
            while (end < order.Length && keys[end] == keys[start])
            {
                tied += weight[order[end++]];
            }

            for (var k = start; k < end; k++)
            {
                position[order[k]] = (below + (tied / 2)) / total;
            }

            below += tied;
            start = end;
        }
    }

    /// <summary>For each value, the indices of the k values nearest to it (itself included), from a sorted sweep.</summary>
    private static int[][] NearestInOneVariable(double[] values, int k)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        var keys = (double[])values.Clone();
        Array.Sort(keys, order);
        var result = new int[values.Length][];
        for (var r = 0; r < order.Length; r++)
        {
            // Grow the window [lo, hi] around position r towards the nearer side until it holds k values.
            int lo = r, hi = r;
            while (hi - lo + 1 < k)
            {
                var takeLow = hi + 1 >= order.Length || (lo > 0 && keys[r] - keys[lo - 1] <= keys[hi + 1] - keys[r]);
                if (takeLow)
                {
                    lo--;
                }
                else
                {
                    hi++;
                }
            }

            result[order[r]] = order[lo..(hi + 1)];
        }

        return result;
    }
}
