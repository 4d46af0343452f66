namespace Neyman.Learning.Evaluation;

/// <summary>
/// The weighted count of inversions between events of opposite class: the sum over positions i &lt; j with
/// key[i] &gt; key[j] and class[i] != class[j] of w_i w_j, and, from the sorted result, the weight of the
/// opposite-class pairs with equal keys. A bottom-up merge sort: runs of 16 by insertion, blocks of 4,096
/// events in cache, then runs merged level by level; merges of one level run in parallel and their partial
/// sums are added in a fixed order, so the result does not depend on the thread count.
/// </summary>
internal static class WeightedInversions
{
    private const int BlockLevels = 12;
    private const int Block = 1 << BlockLevels;
    private const int RunLevels = 4;
    private const int Run = 1 << RunLevels;

    /// <summary>Counts the inversions; the arrays are reordered (sorted by key, stably) on return.</summary>
    public static (double Inversions, double TiedPairs) Count<TKey>(TKey[] key, double[] weight, bool[] isSignal)
        where TKey : unmanaged, IComparable<TKey>
    {
        var n = key.Length;
        var keyBuffer = new TKey[n];
        var weightBuffer = new double[n];
        var signalBuffer = new bool[n];
        var blocks = (n + Block - 1) / Block;
        var partial = new double[blocks];
        Parallel.For(0, blocks, b =>
        {
            var lo = b * Block;
            var hi = Math.Min(n, lo + Block);
            double sum = 0;
            for (var start = lo; start < hi; start += Run)
            {
                sum += InsertionSort(key, weight, isSignal, start, Math.Min(start + Run, hi));
            }
            // Always BlockLevels - RunLevels passes (runs past the end are copied), an even number: the block
            // ends in the primary arrays.
            var source = (key, weight, isSignal);
            var target = (keyBuffer, weightBuffer, signalBuffer);
            for (var level = RunLevels; level < BlockLevels; level++)
            {
                var width = 1 << level;
                for (var start = lo; start < hi; start += 2 * width)
                {
                    sum += Merge(source, target, start, Math.Min(start + width, hi), Math.Min(start + 2 * width, hi));
                }
                (source, target) = (target, source);
            }
            partial[b] = sum;
        });
        var total = partial.Sum();
        var from = (key, weight, isSignal);
        var to = (keyBuffer, weightBuffer, signalBuffer);
        for (var width = Block; width < n; width *= 2)
        {
            var pairs = (n + 2 * width - 1) / (2 * width);
            var level = new double[pairs];
            var runWidth = width;
            var source = from;
            var target = to;
            Parallel.For(0, pairs, p =>
            {
                var start = p * 2 * runWidth;
                level[p] = Merge(source, target, start, Math.Min(start + runWidth, n), Math.Min(start + 2 * runWidth, n));
            });
            total += level.Sum();
            (from, to) = (to, from);
        }
        if (!ReferenceEquals(from.Item1, key))
        {
            Array.Copy(from.Item1, key, n);
            Array.Copy(from.Item2, weight, n);
            Array.Copy(from.Item3, isSignal, n);
        }
        return (total, TiedPairs(key, weight, isSignal));
    }

    // The weight of opposite-class pairs with equal keys, from keys in sorted order.
    private static double TiedPairs<TKey>(TKey[] key, double[] weight, bool[] isSignal) where TKey : unmanaged, IComparable<TKey>
    {
        double tied = 0;
        for (var k = 0; k < key.Length;)
        {
            double s = 0, b = 0;
            var value = key[k];
            for (; k < key.Length && key[k].CompareTo(value) == 0; k++)
            {
                if (isSignal[k])
                {
                    s += weight[k];
                }
                else
                {
                    b += weight[k];
                }
            }
            tied += s * b;
        }
        return tied;
    }

    // Sorts [lo, hi) by key in place, stably; returns the weight of the opposite-class inversions.
    private static double InsertionSort<TKey>(TKey[] key, double[] weight, bool[] isSignal, int lo, int hi) where TKey : unmanaged, IComparable<TKey>
    {
        double sum = 0;
        for (var j = lo + 1; j < hi; j++)
        {
            var k = key[j];
            var w = weight[j];
            var s = isSignal[j];
            var i = j - 1;
            for (; i >= lo && key[i].CompareTo(k) > 0; i--)
            {
                if (isSignal[i] != s)
                {
                    sum += weight[i] * w;
                }
                key[i + 1] = key[i];
                weight[i + 1] = weight[i];
                isSignal[i + 1] = isSignal[i];
            }
            key[i + 1] = k;
            weight[i + 1] = w;
            isSignal[i + 1] = s;
        }
        return sum;
    }

    // Merges the sorted runs [lo, mid) and [mid, hi) of source into target; returns the weight of the
    // opposite-class pairs (left, right) with the left key greater than the right key.
    private static double Merge<TKey>((TKey[] Key, double[] Weight, bool[] Signal) source, (TKey[] Key, double[] Weight, bool[] Signal) target, int lo, int mid, int hi)
        where TKey : unmanaged, IComparable<TKey>
    {
        var (key, weight, signal) = source;
        var (toKey, toWeight, toSignal) = target;
        if (mid >= hi)
        {
            Array.Copy(key, lo, toKey, lo, hi - lo);
            Array.Copy(weight, lo, toWeight, lo, hi - lo);
            Array.Copy(signal, lo, toSignal, lo, hi - lo);
            return 0;
        }
        double waitingSignal = 0, waitingBackground = 0;
        for (var i = lo; i < mid; i++)
        {
            if (signal[i])
            {
                waitingSignal += weight[i];
            }
            else
            {
                waitingBackground += weight[i];
            }
        }
        double sum = 0;
        int a = lo, b = mid, k = lo;
        while (a < mid && b < hi)
        {
            if (key[a].CompareTo(key[b]) <= 0)
            {
                var wa = weight[a];
                if (signal[a])
                {
                    waitingSignal -= wa;
                }
                else
                {
                    waitingBackground -= wa;
                }
                toKey[k] = key[a];
                toWeight[k] = wa;
                toSignal[k++] = signal[a++];
            }
            else
            {
                // Every left element still waiting has a larger key than this right element.
                var wb = weight[b];
                sum += wb * (signal[b] ? waitingBackground : waitingSignal);
                toKey[k] = key[b];
                toWeight[k] = wb;
                toSignal[k++] = signal[b++];
            }
        }
        var rest = mid - a;
        Array.Copy(key, a, toKey, k, rest);
        Array.Copy(weight, a, toWeight, k, rest);
        Array.Copy(signal, a, toSignal, k, rest);
        k += rest;
        Array.Copy(key, b, toKey, k, hi - b);
        Array.Copy(weight, b, toWeight, k, hi - b);
        Array.Copy(signal, b, toSignal, k, hi - b);
        return sum;
    }
}
