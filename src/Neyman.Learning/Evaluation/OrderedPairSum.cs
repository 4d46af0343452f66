namespace Neyman.Learning.Evaluation;

/// <summary>
/// S = sum over signal-background pairs of w_s w_b sign(f_s - f_b) sign(g_s - g_b), exactly, with a Fenwick
/// (binary indexed) tree over the ranks of g. The term of a pair is symmetric in its two events: for the
/// event e of the two with the larger f and the other event x it is w_e w_x sign(g_e - g_x), whichever is
/// signal (pairs tied in f contribute 0). So walking the events in increasing f, each event adds its weight
/// times (weight of the opposite-class events already seen with smaller g minus that with larger g); a group
/// of equal f is queried before it is inserted. One pass queries the signal events against a tree of the
/// background events seen, the other the reverse: the two run on two threads, each adding its terms in the
/// f order, so the result is the same on any number of threads.
/// </summary>
internal static class OrderedPairSum
{
    private const int ParallelThreshold = 1 << 16;

    /// <summary>S for the scores <paramref name="g"/>, the events being in increasing f along <paramref name="byF"/>.</summary>
    /// <param name="sample">The events, their classes and weights (the f scores are not read again).</param>
    /// <param name="g">The second scores, finite, one per event.</param>
    /// <param name="byF">The event indices in increasing f.</param>
    /// <param name="newF">For each position of <paramref name="byF"/>, whether its f differs from the one before.</param>
    public static double Compute(BinaryScores sample, double[] g, int[] byF, bool[] newF)
    {
        var n = sample.Count;
        if (n == 0)
        {
            return 0;
        }
        // Dense ranks of g, from 1 (the Fenwick tree's first index): equal g, equal rank.
        var byG = RadixSort.AscendingOrder(g, out var newG);
        var rankOf = new int[n];
        var rank = 0;
        for (var k = 0; k < n; k++)
        {
            if (newG[k])
            {
                rank++;
            }
            rankOf[byG[k]] = rank;
        }
        // The ranks, weights and classes along the f order, read sequentially by both passes.
        var ranks = new int[n];
        var weights = new double[n];
        var signal = new bool[n];
        var w = sample.Weights;
        var isSignal = sample.IsSignal;
        for (var k = 0; k < n; k++)
        {
            var e = byF[k];
            ranks[k] = rankOf[e];
            weights[k] = w[e];
            signal[k] = isSignal[e];
        }
        double signalLater = 0, backgroundLater = 0;
        if (n < ParallelThreshold)
        {
            signalLater = Pass(ranks, weights, signal, newF, rank, true);
            backgroundLater = Pass(ranks, weights, signal, newF, rank, false);
        }
        else
        {
            Parallel.Invoke(
                () => signalLater = Pass(ranks, weights, signal, newF, rank, true),
                () => backgroundLater = Pass(ranks, weights, signal, newF, rank, false));
        }
        return signalLater + backgroundLater;
    }

    // The sum, over events of the queried class, of w_e (weight of earlier-f opposite events with smaller g
    // minus that with larger g).
    private static double Pass(int[] ranks, double[] weights, bool[] signal, bool[] newF, int levels, bool queried)
    {
        var n = ranks.Length;
        var tree = new double[levels + 1];
        double inserted = 0, sum = 0;
        for (var k = 0; k < n;)
        {
            var start = k;
            do
            {
                if (signal[k] == queried)
                {
                    // smaller - larger = prefix(r - 1) + prefix(r) - inserted.
                    sum += weights[k] * (TwoPrefixes(tree, ranks[k]) - inserted);
                }
                k++;
            }
            while (k < n && !newF[k]);
            for (var j = start; j < k; j++)
            {
                if (signal[j] != queried)
                {
                    var weight = weights[j];
                    inserted += weight;
                    for (var i = ranks[j]; i <= levels; i += i & -i)
                    {
                        tree[i] += weight;
                    }
                }
            }
        }
        return sum;
    }

    // prefix(r) + prefix(r - 1): the two paths down the tree until they meet, then the common rest twice.
    private static double TwoPrefixes(double[] tree, int r)
    {
        double sum = 0;
        int i = r, j = r - 1;
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
}
