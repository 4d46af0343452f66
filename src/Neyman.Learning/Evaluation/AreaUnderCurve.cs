using Neyman.Core;

namespace Neyman.Learning.Evaluation;

/// <summary>
/// The weighted area under the ROC curve: the probability that a signal event scores above a
/// background event, sum over pairs of w_s w_b ([s &gt; b] + [s = b]/2) divided by W_s W_b. This is the
/// Mann-Whitney statistic with weights, equal to the trapezoidal area under the ROC with ties
/// joined by straight segments. O(n) after one radix sort.
/// </summary>
public static class AreaUnderCurve
{
    /// <summary>The events per block of the Poisson bootstrap; each block draws from its own random stream.</summary>
    public const int BootstrapBlock = 1 << 14;

    /// <summary>The weighted AUC of a sample.</summary>
    public static double Compute(BinaryScores sample)
    {
        var sorted = ClassSortedScores.From(sample, withEvents: false);
        var sk = sorted.SignalKeys;
        var bk = sorted.BackgroundKeys;
        double below = 0, pairs = 0, totalSignal = 0;
        int i = 0, j = 0;
        // From the lowest score up: the background below a score is complete when the score is reached.
        while (i < sk.Length || j < bk.Length)
        {
            var key = i >= sk.Length ? bk[j] : j >= bk.Length ? sk[i] : Math.Min(sk[i], bk[j]);
            double s = 0, b = 0;
            for (; i < sk.Length && sk[i] == key; i++)
            {
                s += sorted.SignalWeights[i];
            }
            for (; j < bk.Length && bk[j] == key; j++)
            {
                b += sorted.BackgroundWeights[j];
            }
            pairs += s * (below + 0.5 * b);
            below += b;
            totalSignal += s;
        }
        return pairs / (totalSignal * below);
    }

    /// <summary>The weighted AUC from grouped scores.</summary>
    public static double Compute(ScoreLevels levels) => Compute(levels.SignalWeights, levels.BackgroundWeights);

    /// <summary>
    /// The AUC from per-level signal and background weights, levels ordered from the highest score down.
    /// </summary>
    public static double Compute(ReadOnlySpan<double> signalWeights, ReadOnlySpan<double> backgroundWeights)
    {
        double below = 0, pairs = 0, totalSignal = 0;
        // From the lowest score up: background below a level is complete when the level is reached.
        for (var l = signalWeights.Length - 1; l >= 0; l--)
        {
            var b = backgroundWeights[l];
            pairs += signalWeights[l] * (below + 0.5 * b);
            below += b;
            totalSignal += signalWeights[l];
        }
        return pairs / (totalSignal * below);
    }

    /// <summary>
    /// The AUC and its Poisson-bootstrap uncertainty: each replica multiplies every event weight by a
    /// Poisson(1) count, drawn from the stream of (seed, replica, block of <see cref="BootstrapBlock"/> events),
    /// so the result depends on the seed only, not on the thread count.
    /// </summary>
    /// <param name="sample">The scored events.</param>
    /// <param name="replicas">The number of bootstrap replicas (0 for none).</param>
    /// <param name="seed">The seed of the bootstrap.</param>
    public static AucEstimate Estimate(BinaryScores sample, int replicas, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        if (replicas < 2)
        {
            return new AucEstimate(Compute(sample), 0, replicas);
        }
        var levels = ScoreLevels.From(sample, withEventLevels: true);
        var auc = Compute(sample);
        var values = new double[replicas];
        Parallel.For(0, replicas, r => values[r] = BootstrapReplica(sample, levels, seed, (ulong)r));
        double mean = 0;
        foreach (var v in values)
        {
            mean += v;
        }
        mean /= replicas;
        double squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }
        return new AucEstimate(auc, Math.Sqrt(squares / (replicas - 1)), replicas);
    }

    private static double BootstrapReplica(BinaryScores sample, ScoreLevels levels, ulong seed, ulong replica)
    {
        var signal = new double[levels.Count];
        var background = new double[levels.Count];
        var n = sample.Count;
        for (int block = 0, start = 0; start < n; block++, start += BootstrapBlock)
        {
            var random = RandomStream.ForBlock(seed, replica, (ulong)block);
            var end = Math.Min(n, start + BootstrapBlock);
            for (var e = start; e < end; e++)
            {
                var count = PoissonOne(random);
                if (count == 0)
                {
                    continue;
                }
                var w = count * sample.Weights[e];
                var level = levels.LevelOfEvent![e];
                if (sample.IsSignal[e])
                {
                    signal[level] += w;
                }
                else
                {
                    background[level] += w;
                }
            }
        }
        var auc = Compute(signal, background);
        // A replica that happened to drop a class carries no information about the spread.
        return double.IsFinite(auc) ? auc : Compute(levels);
    }

    // Poisson(1) by inversion of one uniform: P(0) = P(1) = 1/e, P(2) = 1/(2e), ...
    private static int PoissonOne(RandomStream random)
    {
        var u = random.NextDouble();
        var term = Math.Exp(-1.0);
        var cumulative = term;
        var k = 0;
        while (u >= cumulative && k < 20)
        {
            k++;
            term /= k;
            cumulative += term;
        }
        return k;
    }
}
