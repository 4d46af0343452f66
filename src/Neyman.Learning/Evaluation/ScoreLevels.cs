namespace Neyman.Learning.Evaluation;

/// <summary>
/// The distinct score values of a sample in descending order, with the signal and background weight
/// at each value. Every threshold metric (ROC, AUC, AMS) is a pass over these levels; tied scores fall
/// into one level, so a cut never separates events with equal scores.
/// </summary>
public sealed class ScoreLevels
{
    private ScoreLevels(double[] values, double[] signalWeights, double[] backgroundWeights, int[]? levelOfEvent)
    {
        Values = values;
        SignalWeights = signalWeights;
        BackgroundWeights = backgroundWeights;
        LevelOfEvent = levelOfEvent;
    }

    /// <summary>The distinct scores, largest first.</summary>
    public double[] Values { get; }

    /// <summary>The sum of signal weights at each score.</summary>
    public double[] SignalWeights { get; }

    /// <summary>The sum of background weights at each score.</summary>
    public double[] BackgroundWeights { get; }

    /// <summary>For each event, the index of its score in <see cref="Values"/>; null unless asked for when grouping.</summary>
    public int[]? LevelOfEvent { get; }

    /// <summary>The number of distinct scores.</summary>
    public int Count => Values.Length;

    /// <summary>Groups the events of <paramref name="sample"/> by score: a radix sort per class, then one merge.</summary>
    /// <param name="sample">The scored events.</param>
    /// <param name="withEventLevels">Also fill <see cref="LevelOfEvent"/> (needed by the bootstrap; costs a scatter).</param>
    public static ScoreLevels From(BinaryScores sample, bool withEventLevels = false)
    {
        var sorted = ClassSortedScores.From(sample, withEventLevels);
        var sk = sorted.SignalKeys;
        var bk = sorted.BackgroundKeys;
        var sw = sorted.SignalWeights;
        var bw = sorted.BackgroundWeights;
        var n = sk.Length + bk.Length;
        var values = new double[n];
        var signal = new double[n];
        var background = new double[n];
        var levelOfEvent = withEventLevels ? new int[n] : null;
        var count = 0;
        // From the largest score down, so that level 0 is the highest score.
        int i = sk.Length - 1, j = bk.Length - 1;
        while (i >= 0 || j >= 0)
        {
            var key = i < 0 ? bk[j] : j < 0 ? sk[i] : Math.Max(sk[i], bk[j]);
            double s = 0, b = 0;
            for (; i >= 0 && sk[i] == key; i--)
            {
                s += sw[i];
                if (levelOfEvent is not null)
                {
                    levelOfEvent[sorted.SignalEvents![i]] = count;
                }
            }
            for (; j >= 0 && bk[j] == key; j--)
            {
                b += bw[j];
                if (levelOfEvent is not null)
                {
                    levelOfEvent[sorted.BackgroundEvents![j]] = count;
                }
            }
            values[count] = RadixSort.FromSortableBits(key);
            signal[count] = s;
            background[count] = b;
            count++;
        }
        Array.Resize(ref values, count);
        Array.Resize(ref signal, count);
        Array.Resize(ref background, count);
        return new ScoreLevels(values, signal, background, levelOfEvent);
    }
}
