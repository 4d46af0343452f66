namespace Neyman.Learning.Training;

/// <summary>
/// How much a selection's efficiency depends on a variable (for example a mass), for the events of one class, as in
/// hep_ml's flatness metrics. The variable is cut into equal-weight bins; for each global cut efficiency e (a cut at
/// the (1 - e) weighted quantile of the scores) the efficiency e_b in every bin b is compared with e. Bins are weighted
/// by their share of the class's weight, w_b. All three are zero for a perfectly flat selection.
/// </summary>
public static class FlatnessMetrics
{
    /// <summary>The global efficiencies at which SDE and Theil are evaluated by default: 0.1, 0.2, ..., 0.9.</summary>
    public static IReadOnlyList<double> DefaultEfficiencies { get; } = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>Standard deviation of efficiency: sqrt(mean over e of sum_b w_b (e_b - e)^2).</summary>
    /// <param name="score">The scores of the class's events.</param>
    /// <param name="variable">The variable the efficiency should not depend on.</param>
    /// <param name="weight">The event weights (positive).</param>
    /// <param name="binCount">The number of equal-weight bins of the variable.</param>
    /// <param name="efficiencies">The global efficiencies; null uses <see cref="DefaultEfficiencies"/>.</param>
    public static double Sde(ReadOnlySpan<double> score, ReadOnlySpan<double> variable, ReadOnlySpan<double> weight, int binCount, IReadOnlyList<double>? efficiencies = null)
    {
        var (binOf, binWeight) = EqualWeightBins(variable, weight, binCount);
        var sum = 0.0;
        var cuts = efficiencies ?? DefaultEfficiencies;
        foreach (var e in cuts)
        {
            var binEfficiency = BinEfficiencies(score, weight, binOf, binWeight, e, out var global);
            for (var b = 0; b < binWeight.Length; b++)
            {
                sum += binWeight[b] * (binEfficiency[b] - global) * (binEfficiency[b] - global);
            }
        }

        return Math.Sqrt(sum / cuts.Count);
    }

    /// <summary>Theil index: mean over e of sum_b w_b (e_b / e) ln(e_b / e), with 0 ln 0 = 0.</summary>
    /// <param name="score">The scores of the class's events.</param>
    /// <param name="variable">The variable the efficiency should not depend on.</param>
    /// <param name="weight">The event weights (positive).</param>
    /// <param name="binCount">The number of equal-weight bins of the variable.</param>
    /// <param name="efficiencies">The global efficiencies; null uses <see cref="DefaultEfficiencies"/>.</param>
    public static double Theil(ReadOnlySpan<double> score, ReadOnlySpan<double> variable, ReadOnlySpan<double> weight, int binCount, IReadOnlyList<double>? efficiencies = null)
    {
        var (binOf, binWeight) = EqualWeightBins(variable, weight, binCount);
        var sum = 0.0;
        var cuts = efficiencies ?? DefaultEfficiencies;
        foreach (var e in cuts)
        {
            var binEfficiency = BinEfficiencies(score, weight, binOf, binWeight, e, out var global);
            for (var b = 0; b < binWeight.Length; b++)
            {
                var ratio = binEfficiency[b] / global;
                sum += ratio > 0 ? binWeight[b] * ratio * Math.Log(ratio) : 0.0;
            }
        }

        return sum / cuts.Count;
    }

    /// <summary>
    /// Cramér-von Mises non-flatness: sum_b w_b integral (F_b(s) - F(s))^2 dF(s), where F is the weighted score
    /// distribution of all the class's events and F_b that of bin b; the integral runs over the events' scores.
    /// </summary>
    /// <param name="score">The scores of the class's events.</param>
    /// <param name="variable">The variable the efficiency should not depend on.</param>
    /// <param name="weight">The event weights (positive).</param>
    /// <param name="binCount">The number of equal-weight bins of the variable.</param>
    public static double Cvm(ReadOnlySpan<double> score, ReadOnlySpan<double> variable, ReadOnlySpan<double> weight, int binCount)
    {
        var (binOf, binWeight) = EqualWeightBins(variable, weight, binCount);
        var order = SortedOrder(score);
        var total = 0.0;
        foreach (var w in weight)
        {
            total += w;
        }

        var binTotal = new double[binWeight.Length];
        for (var i = 0; i < score.Length; i++)
        {
            binTotal[binOf[i]] += weight[i];
        }

        var binCumulative = new double[binWeight.Length];
        var distance = new double[binWeight.Length];
        var cumulative = 0.0;
        var start = 0;
        while (start < order.Length)
        {
            // Events of equal score enter the distributions together.
            var end = start;
            while (end < order.Length && score[order[end]] == score[order[start]])
            {
                var i = order[end++];
                cumulative += weight[i];
                binCumulative[binOf[i]] += weight[i];
            }

            var groupWeight = 0.0;
            for (var k = start; k < end; k++)
            {
                groupWeight += weight[order[k]];
            }

            var global = cumulative / total;
            for (var b = 0; b < distance.Length; b++)
            {
                var local = binTotal[b] > 0 ? binCumulative[b] / binTotal[b] : global;
                distance[b] += groupWeight / total * (local - global) * (local - global);
            }

            start = end;
        }

        var result = 0.0;
        for (var b = 0; b < distance.Length; b++)
        {
            result += binWeight[b] * distance[b];
        }

        return result;
    }

    /// <summary>The bin of each event in <paramref name="binCount"/> equal-weight bins of the variable, and each bin's weight share.</summary>
    /// <param name="variable">The variable.</param>
    /// <param name="weight">The event weights.</param>
    /// <param name="binCount">The number of bins, at least 1.</param>
    public static (int[] BinOf, double[] BinShare) EqualWeightBins(ReadOnlySpan<double> variable, ReadOnlySpan<double> weight, int binCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        if (weight.Length != variable.Length)
        {
            throw new ArgumentException("One weight per event is required.", nameof(weight));
        }

        var order = SortedOrder(variable);
        var total = 0.0;
        foreach (var w in weight)
        {
            total += w;
        }

        var binOf = new int[variable.Length];
        var share = new double[binCount];
        var cumulative = 0.0;
        foreach (var i in order)
        {
            // The bin of an event is set by the weight below its middle, so equal weights give equal counts.
            var b = Math.Min(binCount - 1, (int)((cumulative + (weight[i] / 2)) / total * binCount));
            binOf[i] = b;
            share[b] += weight[i] / total;
            cumulative += weight[i];
        }

        return (binOf, share);
    }

    private static double[] BinEfficiencies(ReadOnlySpan<double> score, ReadOnlySpan<double> weight, int[] binOf, double[] binShare, double efficiency, out double global)
    {
        // The cut passes the top `efficiency` of the weight: the score above which that weight lies.
        var order = SortedOrder(score);
        var total = 0.0;
        foreach (var w in weight)
        {
            total += w;
        }

        var passed = new double[binShare.Length];
        var above = 0.0;
        for (var k = order.Length - 1; k >= 0 && above < efficiency * total; k--)
        {
            var i = order[k];
            above += weight[i];
            passed[binOf[i]] += weight[i];
        }

        global = above / total;
        for (var b = 0; b < passed.Length; b++)
        {
            passed[b] = binShare[b] > 0 ? passed[b] / (binShare[b] * total) : global;
        }

        return passed;
    }

    private static int[] SortedOrder(ReadOnlySpan<double> values)
    {
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = values.ToArray();
        Array.Sort(keys, order);
        return order;
    }
}
