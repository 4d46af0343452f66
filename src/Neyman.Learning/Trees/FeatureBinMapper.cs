using System.Runtime.CompilerServices;
namespace Neyman.Learning.Trees;

/// <summary>
/// Maps the values of one feature to 8-bit histogram bins. Bin 0 holds missing values (NaN); bins 1..n hold
/// finite values split at weighted-quantile thresholds, a value equal to a threshold going to the lower bin.
/// Negative event weights enter the quantiles by their absolute value so that bin edges stay well defined.
/// </summary>
public sealed class FeatureBinMapper
{
    /// <summary>The bin that holds missing (NaN) values.</summary>
    public const byte MissingBin = 0;

    /// <summary>The largest number of value bins a feature may have (one more byte value is the missing bin).</summary>
    public const int MaxValueBins = 255;

    private readonly double[] thresholds;

    /// <summary>Creates a mapper from ascending, distinct split thresholds.</summary>
    /// <param name="thresholds">Ascending, distinct, finite thresholds; at most <see cref="MaxValueBins"/> - 1.</param>
    public FeatureBinMapper(IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(thresholds.Count, MaxValueBins - 1, nameof(thresholds));
        this.thresholds = [.. thresholds];
        for (var i = 0; i < this.thresholds.Length; i++)
        {
            if (!double.IsFinite(this.thresholds[i]) || (i > 0 && this.thresholds[i] <= this.thresholds[i - 1]))
            {
                throw new ArgumentException("Thresholds must be finite, ascending and distinct.", nameof(thresholds));
            }
        }
    }

    /// <summary>The split thresholds between consecutive value bins, ascending.</summary>
    public IReadOnlyList<double> Thresholds => thresholds;

    /// <summary>The number of value bins (not counting the missing bin).</summary>
    public int ValueBinCount => thresholds.Length + 1;

    /// <summary>Returns the bin of one value: <see cref="MissingBin"/> for NaN, else 1 + the number of thresholds below it.</summary>
    /// <param name="value">The feature value.</param>
    public byte Bin(double value)
    {
        if (double.IsNaN(value))
        {
            return MissingBin;
        }

        int lo = 0, hi = thresholds.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (thresholds[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (byte)(lo + 1);
    }

    /// <summary>
    /// Fits weighted-quantile thresholds. With at most <paramref name="maxBins"/> distinct finite values each gets
    /// its own bin (thresholds at midpoints); otherwise a threshold follows the first distinct value whose
    /// cumulative |weight| reaches k/maxBins of the total, k = 1..maxBins-1.
    /// </summary>
    /// <param name="values">Feature values; NaN marks a missing value and is ignored here.</param>
    /// <param name="weights">Event weights, same length as <paramref name="values"/>.</param>
    /// <param name="maxBins">The most value bins, 1 to <see cref="MaxValueBins"/>.</param>
    public static FeatureBinMapper Fit(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, int maxBins) =>
        Fit(values, weights, maxBins, new QuantileScratch(values.Length));

    /// <summary>As <see cref="Fit(ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/>, sorting in reusable scratch memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static FeatureBinMapper Fit(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, int maxBins, QuantileScratch scratch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBins, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBins, MaxValueBins);
        if (values.Length != weights.Length)
        {
            throw new ArgumentException("Values and weights must have the same length.", nameof(weights));
        }

        // The order-preserving bits of the non-missing values with their |weights|, sorted by a stable radix sort
        // (values that are float32 need about three passes of eleven bits), the weights moved along.
        scratch.Reserve(values.Length);
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                scratch.Keys[count] = Evaluation.RadixSort.SortableBits(values[i]);
                scratch.Weights[count++] = Math.Abs(weights[i]);
            }
        }

        var keys = scratch.Keys;
        var mass = scratch.Weights;
        Evaluation.RadixSort.Sort(keys.AsSpan(0, count), mass.AsSpan(0, count), scratch.KeyScratch, scratch.WeightScratch);

        // Distinct values with their summed weights, compacted in place at the front of the sorted arrays.
        var distinctCount = 0;
        for (var i = 0; i < count; i++)
        {
            if (distinctCount > 0 && keys[distinctCount - 1] == keys[i])
            {
                mass[distinctCount - 1] += mass[i];
            }
            else
            {
                keys[distinctCount] = keys[i];
                mass[distinctCount++] = mass[i];
            }
        }

        double Distinct(int i) => Evaluation.RadixSort.FromSortableBits(keys[i]);
        var result = new List<double>();
        if (distinctCount <= maxBins)
        {
            for (var i = 0; i + 1 < distinctCount; i++)
            {
                result.Add(Midpoint(Distinct(i), Distinct(i + 1)));
            }

            return new FeatureBinMapper(result);
        }

        var total = 0.0;
        for (var i = 0; i < distinctCount; i++)
        {
            total += mass[i];
        }

        var cumulative = 0.0;
        var k = 1;
        for (var i = 0; i + 1 < distinctCount && k < maxBins; i++)
        {
            cumulative += mass[i];
            if (cumulative >= total * k / maxBins)
            {
                result.Add(Midpoint(Distinct(i), Distinct(i + 1)));
                while (k < maxBins && cumulative >= total * k / maxBins)
                {
                    k++;
                }
            }
        }

        return new FeatureBinMapper(result);
    }

    private static double Midpoint(double a, double b)
    {
        var mid = a + ((b - a) / 2);
        return mid > a ? mid : b;
    }
}
