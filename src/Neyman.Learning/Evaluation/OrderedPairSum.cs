using System.Runtime.CompilerServices;

namespace Neyman.Learning.Evaluation;

/// <summary>
/// S = sum over signal-background pairs of w_s w_b sign(f_s - f_b) sign(g_s - g_b), exactly, with one Fenwick
/// (binary indexed) tree per class. The term of a pair is symmetric in its two events: for the event e of the
/// two with the larger f and the other event x it is w_e w_x sign(g_e - g_x), whichever is signal (pairs tied
/// in f contribute 0). So walking the events of one class in increasing f, each event adds its weight times
/// (weight of the opposite-class events of smaller f with smaller g minus that with larger g), read from a
/// Fenwick tree over the opposite class's events in g order into which those of smaller f have been put.
/// </summary>
/// <remarks>
/// Everything is done per class, so the two classes run on two threads without a joint sort or merge: each
/// class's events come sorted by f (<see cref="ClassSortedScores"/>); its g values are sorted to give every
/// event its slot in its own class's tree, and a merge walk of the two classes' sorted g values gives every
/// event the number of opposite-class events below and at its g (so ties in g give 0). A tree holds one class
/// (half the events), which halves the cache misses of one over all events. Each pass adds its terms in its
/// own f order, so the result is the same on any number of threads.
/// </remarks>
internal static class OrderedPairSum
{
    /// <summary>S for the second scores <paramref name="g"/> of the events sorted by f in <paramref name="byF"/>.</summary>
    /// <param name="g">The second scores, finite, one per event.</param>
    /// <param name="byF">Each class's events in increasing f, with their weights (built with event indices).</param>
    public static double Compute(double[] g, ClassSortedScores byF)
    {
        var signal = new ClassInG(byF.SignalEvents!, g, byF.SignalScratch!);
        var background = new ClassInG(byF.BackgroundEvents!, g, byF.BackgroundScratch!);
        var single = RadixSort.AllSinglePrecision(g);
        ClassSortedScores.ForBothClasses(g.Length, () => signal.SortByG(single), () => background.SortByG(single));
        ClassSortedScores.ForBothClasses(g.Length, () => signal.CountOpposite(background), () => background.CountOpposite(signal));
        // Each pass builds its tree of the other class in that class's sorted g values, no longer needed: fresh memory
        // is slow to fault in.
        double signalLater = 0, backgroundLater = 0;
        ClassSortedScores.ForBothClasses(
            g.Length,
            () => signalLater = Pass(byF.SignalKeys, byF.SignalWeights, signal, byF.BackgroundKeys, byF.BackgroundWeights, background),
            () => backgroundLater = Pass(byF.BackgroundKeys, byF.BackgroundWeights, background, byF.SignalKeys, byF.SignalWeights, signal));
        return signalLater + backgroundLater;
    }

    // The sum, over the queried class's events, of w_e (weight of the opposite events of smaller f with smaller g
    // minus that with larger g). The opposite events enter the tree when their f is below the queried one's, so
    // events tied in f are never counted against each other.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Pass(ulong[] fKeys, double[] weights, ClassInG queried, ulong[] otherFKeys, double[] otherWeights, ClassInG other)
    {
        var size = otherFKeys.Length;
        var tree = other.TakeSortedGAsTree();
        var slots = other.Slots;
        var below = queried.OppositeBelow;
        var upTo = queried.OppositeUpTo;
        double inserted = 0, sum = 0;
        var j = 0;
        for (var i = 0; i < fKeys.Length; i++)
        {
            var f = fKeys[i];
            for (; j < size && otherFKeys[j] < f; j++)
            {
                var weight = otherWeights[j];
                inserted += weight;
                for (var t = slots[j]; t <= size; t += t & -t)
                {
                    tree[t] += weight;
                }
            }
            // smaller - larger = prefix(below) - (inserted - prefix(upTo)).
            sum += weights[i] * (TwoPrefixes(tree, below[i], upTo[i]) - inserted);
        }
        return sum;
    }

    // prefix(a) + prefix(b) for a <= b: the two paths down the tree until they meet, then the common rest twice.
    private static double TwoPrefixes(Span<double> tree, int a, int b)
    {
        double sum = 0;
        int i = b, j = a;
        while (i != j)
        {
            if (i > j)
            {
                sum += tree[i];
                i &= i - 1;
            }
            else
            {
                sum += tree[j];
                j &= j - 1;
            }
        }
        double common = 0;
        for (; i > 0; i &= i - 1)
        {
            common += tree[i];
        }
        return sum + 2 * common;
    }

    /// <summary>One class's events in f order, placed in the g order of their class and of the other class.</summary>
    private sealed class ClassInG(int[] events, double[] g, ClassSortedScores.SortScratch scratch)
    {
        private ulong[] _sortedG = [];
        private int[] _byG = [];

        /// <summary>Each event's (by f position) slot, from 1, in its class's tree: its position in g order.</summary>
        public int[] Slots { get; } = new int[events.Length];

        /// <summary>Each event's (by f position) number of opposite-class events with smaller g.</summary>
        public int[] OppositeBelow { get; } = new int[events.Length];

        /// <summary>Each event's (by f position) number of opposite-class events with smaller or equal g.</summary>
        public int[] OppositeUpTo { get; } = new int[events.Length];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void SortByG(bool singlePrecision)
        {
            var n = events.Length;
            // One element more than the keys, so that the array can hold a Fenwick tree of the class afterwards.
            var keys = new ulong[n + 1];
            var byG = new int[n];
            for (var i = 0; i < n; i++)
            {
                keys[i] = RadixSort.SortableBits(g[events[i]]);
                byG[i] = i;
            }
            RadixSort.SortScoreKeys(keys.AsSpan(0, n), byG, singlePrecision, scratch.Keys, scratch.Payload);
            var slots = Slots;
            for (var m = 0; m < n; m++)
            {
                slots[byG[m]] = m + 1;
            }
            _sortedG = keys;
            _byG = byG;
        }

        /// <summary>
        /// The memory of the sorted g values, cleared, as the n + 1 doubles of a Fenwick tree over this class (once both
        /// classes have counted their opposite events).
        /// </summary>
        public Span<double> TakeSortedGAsTree()
        {
            var tree = System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, double>(_sortedG.AsSpan());
            tree.Clear();
            _sortedG = [];
            return tree;
        }

        /// <summary>A merge walk of the two classes' sorted g values.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void CountOpposite(ClassInG other)
        {
            var otherG = other._sortedG;
            var n = events.Length;
            var otherCount = otherG.Length - 1;
            int below = 0, upTo = 0;
            for (var m = 0; m < n; m++)
            {
                var key = _sortedG[m];
                while (below < otherCount && otherG[below] < key)
                {
                    below++;
                }
                upTo = Math.Max(upTo, below);
                while (upTo < otherCount && otherG[upTo] <= key)
                {
                    upTo++;
                }
                var i = _byG[m];
                OppositeBelow[i] = below;
                OppositeUpTo[i] = upTo;
            }
        }
    }
}
