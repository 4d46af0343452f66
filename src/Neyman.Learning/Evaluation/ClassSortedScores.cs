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
        var ns = sample.SignalCount;
        var nb = sample.BackgroundCount;
        var signalKeys = new ulong[ns];
        var backgroundKeys = new ulong[nb];
        // With event indices the payload is the index and the weights are gathered after sorting.
        var signalPayload = new double[ns];
        var backgroundPayload = new double[nb];
        var signalEvents = withEvents ? new int[ns] : null;
        var backgroundEvents = withEvents ? new int[nb] : null;
        int s = 0, b = 0;
        var scores = sample.Scores;
        var weights = sample.Weights;
        var isSignal = sample.IsSignal;
        for (var e = 0; e < scores.Length; e++)
        {
            var key = RadixSort.SortableBits(scores[e]);
            if (isSignal[e])
            {
                signalKeys[s] = key;
                signalPayload[s] = weights[e];
                if (signalEvents is not null)
                {
                    signalEvents[s] = e;
                }
                s++;
            }
            else
            {
                backgroundKeys[b] = key;
                backgroundPayload[b] = weights[e];
                if (backgroundEvents is not null)
                {
                    backgroundEvents[b] = e;
                }
                b++;
            }
        }
        var single = RadixSort.AllSinglePrecision(scores);
        void SortClass(ulong[] keys, double[] payload, int[]? events)
        {
            if (single)
            {
                // Float32 scores: sort 32-bit keys (three passes), then widen them back to the 64-bit order.
                var narrow = new uint[keys.Length];
                for (var k = 0; k < keys.Length; k++)
                {
                    narrow[k] = RadixSort.SortableBits32(RadixSort.FromSortableBits(keys[k]));
                }
                if (events is null)
                {
                    RadixSort.Sort(narrow.AsSpan(), payload.AsSpan());
                }
                else
                {
                    RadixSort.Sort(narrow.AsSpan(), events.AsSpan());
                }
                for (var k = 0; k < keys.Length; k++)
                {
                    var bits = (narrow[k] & 0x8000_0000U) != 0 ? narrow[k] & 0x7FFF_FFFFU : ~narrow[k];
                    keys[k] = RadixSort.SortableBits(BitConverter.UInt32BitsToSingle(bits));
                }
            }
            else if (events is null)
            {
                RadixSort.Sort(keys.AsSpan(), payload.AsSpan());
            }
            else
            {
                RadixSort.Sort(keys.AsSpan(), events.AsSpan());
            }
            if (events is not null)
            {
                for (var k = 0; k < events.Length; k++)
                {
                    payload[k] = weights[events[k]];
                }
            }
        }
        if (scores.Length < 1 << 16)
        {
            SortClass(signalKeys, signalPayload, signalEvents);
            SortClass(backgroundKeys, backgroundPayload, backgroundEvents);
        }
        else
        {
            Parallel.Invoke(() => SortClass(signalKeys, signalPayload, signalEvents), () => SortClass(backgroundKeys, backgroundPayload, backgroundEvents));
        }
        return new ClassSortedScores(signalKeys, signalPayload, signalEvents, backgroundKeys, backgroundPayload, backgroundEvents);
    }
}
