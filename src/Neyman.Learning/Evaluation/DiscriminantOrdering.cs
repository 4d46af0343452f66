using Neyman.Core;

namespace Neyman.Learning.Evaluation;

/// <summary>
/// Discriminant ordering (Faucett, Thaler, Whiteson, "Mapping machine-learned physics into a
/// human-readable space", arXiv:2010.11998). For a signal event s and a background event b, two
/// classifiers f and g order the pair the same way when (f(s) - f(b)) (g(s) - g(b)) &gt; 0: DO = 1; the
/// opposite way: DO = 0 (a step function of the product). At 0, a pair tied in either classifier, the step
/// is taken as 1/2 here, as the AUC counts tied pairs: such a pair says nothing about the ordering. The average decision ordering ADO is
/// the mean of DO over all signal-background pairs weighted by w_s w_b: 1 for classifiers that are
/// monotone functions of each other, 1/2 for unrelated ones, 0 for reversed ones.
/// </summary>
/// <remarks>
/// ADO = 1/2 + S / (2 W_s W_b) with S = sum over pairs of w_s w_b sign(f_s - f_b) sign(g_s - g_b). S is
/// computed exactly in O(n log n) with weights: radix sorts of each class by f and by g, then one walk along the
/// f order per class over a Fenwick tree of the other class's g order (see <see cref="OrderedPairSum"/>), not the
/// O(n^2) pair loop.
/// </remarks>
public static class DiscriminantOrdering
{
    /// <summary>The exact weighted ADO between the scores in <paramref name="first"/> and <paramref name="second"/> for the same events.</summary>
    /// <exception cref="InputException">The second scores have another length or are not finite.</exception>
    public static double Average(BinaryScores first, ReadOnlySpan<double> second, string? source = null) =>
        Average(first, second.ToArray(), source);

    /// <summary>As <see cref="Average(BinaryScores, ReadOnlySpan{double}, string?)"/>, reading the array without copying it.</summary>
    /// <exception cref="InputException">The second scores have another length or are not finite.</exception>
    public static double Average(BinaryScores first, double[] second, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        first.CheckScores(second, source);
        return 0.5 + SignedPairSum(first, second) / (2 * first.SignalWeight * first.BackgroundWeight);
    }

    /// <summary>
    /// The exact ADO of each of <paramref name="others"/> with the scores in <paramref name="first"/>; the events
    /// are sorted by the first scores once for all of them (ranking many observables against one network).
    /// </summary>
    /// <exception cref="InputException">A list of scores has another length or is not finite; its name is in the message.</exception>
    public static double[] Average(BinaryScores first, IReadOnlyList<(string Name, double[] Scores)> others)
    {
        var byF = ClassSortedScores.From(first, withEvents: true);
        var result = new double[others.Count];
        for (var i = 0; i < others.Count; i++)
        {
            first.CheckScores(others[i].Scores, others[i].Name);
            result[i] = 0.5 + OrderedPairSum.Compute(others[i].Scores, byF) / (2 * first.SignalWeight * first.BackgroundWeight);
        }
        return result;
    }

    /// <summary>
    /// A sampled ADO for huge samples: <paramref name="pairs"/> (signal, background) pairs drawn uniformly,
    /// each weighted by w_s w_b, in blocks of 65,536 pairs with a random stream per block (same seed, same
    /// result on any number of threads). The standard error is the linearised one of the ratio estimator.
    /// </summary>
    public static AdoEstimate AverageSampled(BinaryScores first, ReadOnlySpan<double> second, long pairs, ulong seed, string? source = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pairs, 1);
        var other = first.WithScores(second, source);
        var signal = new List<int>(first.SignalCount);
        var background = new List<int>(first.BackgroundCount);
        for (var i = 0; i < first.Count; i++)
        {
            (first.IsSignal[i] ? signal : background).Add(i);
        }
        const int block = 1 << 16;
        var blocks = (int)((pairs + block - 1) / block);
        var sums = new (double Numerator, double Denominator)[blocks];
        var f = first.Scores;
        var g = other.Scores;
        var w = first.Weights;
        Parallel.For(0, blocks, k =>
        {
            var random = RandomStream.ForBlock(seed, 0xAD0, (ulong)k);
            var count = (int)Math.Min(block, pairs - (long)k * block);
            double numerator = 0, denominator = 0;
            for (var p = 0; p < count; p++)
            {
                var si = signal[random.NextInt(signal.Count)];
                var bi = background[random.NextInt(background.Count)];
                var weight = w[si] * w[bi];
                numerator += weight * Order(f[si] - f[bi], g[si] - g[bi]);
                denominator += weight;
            }
            sums[k] = (numerator, denominator);
        });
        double totalNumerator = 0, totalDenominator = 0;
        foreach (var (numerator, denominator) in sums)
        {
            totalNumerator += numerator;
            totalDenominator += denominator;
        }
        var ado = totalNumerator / totalDenominator;
        // Second pass with the same streams for the spread of the linearised ratio.
        var squares = new double[blocks];
        Parallel.For(0, blocks, k =>
        {
            var random = RandomStream.ForBlock(seed, 0xAD0, (ulong)k);
            var count = (int)Math.Min(block, pairs - (long)k * block);
            double sum = 0;
            for (var p = 0; p < count; p++)
            {
                var si = signal[random.NextInt(signal.Count)];
                var bi = background[random.NextInt(background.Count)];
                var d = w[si] * w[bi] * (Order(f[si] - f[bi], g[si] - g[bi]) - ado);
                sum += d * d;
            }
            squares[k] = sum;
        });
        var error = Math.Sqrt(squares.Sum()) / Math.Abs(totalDenominator);
        return new AdoEstimate(ado, error, pairs);
    }

    private static double Order(double df, double dg) => df * dg > 0 ? 1 : df * dg < 0 ? 0 : 0.5;

    /// <summary>
    /// S = sum over signal-background pairs of w_s w_b sign(f_s - f_b) sign(g_s - g_b): each class sorted by f,
    /// then <see cref="OrderedPairSum"/> (Fenwick trees over each class's g order).
    /// </summary>
    internal static double SignedPairSum(BinaryScores sample, double[] g) =>
        OrderedPairSum.Compute(g, ClassSortedScores.From(sample, withEvents: true));
}
