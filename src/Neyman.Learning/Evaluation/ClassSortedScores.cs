using System.Runtime.CompilerServices;

namespace Neyman.Learning.Evaluation;

/// <summary>
/// The scores of each class sorted ascending with their weights carried along (no gather through a
/// permutation afterwards, which is what costs time on large samples). The two classes sort in parallel.
/// </summary>
internal sealed class ClassSortedScores
{
    private ClassSortedScores(ulong[] signalKeys, double[] signalWeights, int[]? signalEvents, ulong[] backgroundKeys, double[] backgroundWeights, int[]? backgroundEvents)
    {
        SignalKeys = signalKeys;
        SignalWeights = signalWeights;
        SignalEvents = signalEvents;
        BackgroundKeys = backgroundKeys;
        BackgroundWeights = backgroundWeights;
        BackgroundEvents = backgroundEvents;
    }

    /// <summary>Sortable images of the signal scores, ascending (see <see cref="RadixSort.SortableBits"/>).</summary>
    public ulong[] SignalKeys { get; }

    public double[] SignalWeights { get; }

    /// <summary>The event index of each sorted signal score, when asked for.</summary>
    public int[]? SignalEvents { get; }

    public ulong[] BackgroundKeys { get; }

    public double[] BackgroundWeights { get; }

    public int[]? BackgroundEvents { get; }

    public static ClassSortedScores From(BinaryScores sample, bool withEvents)
    {
        var scores = sample.Scores;
        var single = RadixSort.AllSinglePrecision(scores);
        (ulong[] Keys, double[] Weights, int[]? Events) signal = ([], [], null), background = ([], [], null);
        if (scores.Length < 1 << 16)
        {
            signal = SortClass(sample, true, single, withEvents);
            background = SortClass(sample, false, single, withEvents);
        }
        else
        {
            Parallel.Invoke(
                () => signal = SortClass(sample, true, single, withEvents),
                () => background = SortClass(sample, false, single, withEvents));
        }
        return new ClassSortedScores(signal.Keys, signal.Weights, signal.Events, background.Keys, background.Weights, background.Events);
    }

    // One class, on its own thread: its events picked out in a read of all events, then sorted by score.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (ulong[] Keys, double[] Weights, int[]? Events) SortClass(BinaryScores sample, bool signal, bool single, bool withEvents)
    {
        var count = signal ? sample.SignalCount : sample.BackgroundCount;
        var keys = new ulong[count];
        var weights = new double[count];
        // With event indices the payload is the index and the weights are gathered after sorting.
        var events = withEvents ? new int[count] : null;
        var scores = sample.Scores;
        var allWeights = sample.Weights;
        var isSignal = sample.IsSignal;
        var k = 0;
        for (var e = 0; e < scores.Length; e++)
        {
            if (isSignal[e] == signal)
            {
                keys[k] = RadixSort.SortableBits(scores[e]);
                weights[k] = allWeights[e];
                if (events is not null)
                {
                    events[k] = e;
                }
                k++;
            }
        }
        if (events is null)
        {
            RadixSort.SortScoreKeys(keys, weights.AsSpan(), single);
        }
        else
        {
            RadixSort.SortScoreKeys(keys, events.AsSpan(), single);
            for (var i = 0; i < events.Length; i++)
            {
                weights[i] = allWeights[events[i]];
            }
        }
        return (keys, weights, events);
    }
}
