using System.Runtime.CompilerServices;

namespace Neyman.Learning.Evaluation;

/// <summary>
/// The scores of each class sorted ascending with their weights carried along (no gather through a
/// permutation afterwards, which is what costs time on large samples). The two classes sort in parallel.
/// </summary>
internal sealed class ClassSortedScores
{
    private ClassSortedScores(SortedClass signal, SortedClass background)
    {
        (SignalKeys, SignalWeights, SignalEvents, SignalScratch) = signal;
        (BackgroundKeys, BackgroundWeights, BackgroundEvents, BackgroundScratch) = background;
    }

    /// <summary>Sortable images of the signal scores, ascending (see <see cref="RadixSort.SortableBits"/>).</summary>
    public ulong[] SignalKeys { get; }

    public double[] SignalWeights { get; }

    /// <summary>The event index of each sorted signal score, when asked for.</summary>
    public int[]? SignalEvents { get; }

    public ulong[] BackgroundKeys { get; }

    public double[] BackgroundWeights { get; }

    public int[]? BackgroundEvents { get; }

    /// <summary>The signal class's radix-sort scratch (with event indices), for further sorts of that class.</summary>
    public SortScratch? SignalScratch { get; }

    /// <summary>The background class's radix-sort scratch (with event indices).</summary>
    public SortScratch? BackgroundScratch { get; }

    public static ClassSortedScores From(BinaryScores sample, bool withEvents)
    {
        var scores = sample.Scores;
        var single = RadixSort.AllSinglePrecision(scores);
        SortedClass signal = default, background = default;
        ForBothClasses(
            scores.Length,
            () => signal = SortClass(sample, true, single, withEvents),
            () => background = SortClass(sample, false, single, withEvents));
        return new ClassSortedScores(signal, background);
    }

    /// <summary>Runs the work of the two classes on two threads, or one after the other for fewer than 65,536 events.</summary>
    public static void ForBothClasses(int events, Action signal, Action background)
    {
        if (events < 1 << 16)
        {
            signal();
            background();
        }
        else
        {
            Parallel.Invoke(signal, background);
        }
    }

    // One class, on its own thread: its events picked out in a read of all events, then sorted by score.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SortedClass SortClass(BinaryScores sample, bool signal, bool single, bool withEvents)
    {
        var count = signal ? sample.SignalCount : sample.BackgroundCount;
        var keys = new ulong[count];
        var weights = new double[count];
        // With event indices the payload is the index and the weights are gathered after sorting.
        var events = withEvents ? new int[count] : null;
        var scratch = withEvents ? new SortScratch(new ulong[count], new int[count]) : null;
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
            RadixSort.SortScoreKeys(keys, events.AsSpan(), single, scratch!.Keys, scratch.Payload);
            for (var i = 0; i < events.Length; i++)
            {
                weights[i] = allWeights[events[i]];
            }
        }
        return new SortedClass(keys, weights, events, scratch);
    }

    // One class's scores sorted ascending, their weights, event indices and sort scratch (the last two when asked for).
    private readonly record struct SortedClass(ulong[] Keys, double[] Weights, int[]? Events, SortScratch? Scratch);

    /// <summary>Radix-sort scratch of one class (event indices as payload), kept for the sorts that follow.</summary>
    internal sealed record SortScratch(ulong[] Keys, int[] Payload);
}
