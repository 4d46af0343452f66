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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FeatureBinMapper Fit(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, int maxBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBins, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBins, MaxValueBins);
        if (values.Length != weights.Length)
        {
            throw new ArgumentException("Values and weights must have the same length.", nameof(weights));
        }

        // Sort finite values with their |weights| as two primitive arrays (much faster than sorting tuples).
        var count = 0;
        foreach (var v in values)
        {
            count += double.IsNaN(v) ? 0 : 1;
        }

        var sortedValues = new double[count];
        var sortedWeights = new double[count];
        for (int i = 0, next = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                sortedValues[next] = values[i];
                sortedWeights[next++] = Math.Abs(weights[i]);
            }
        }

        // A stable radix sort on the order-preserving bits (values that are float32 need about three passes of
        // eleven bits), the weights moved along; much faster than a comparison sort of 200,000 values.
        var keys = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = Evaluation.RadixSort.SortableBits(sortedValues[i]);
        }

        Evaluation.RadixSort.Sort<double>(keys, sortedWeights);
        for (var i = 0; i < count; i++)
        {
            sortedValues[i] = Evaluation.RadixSort.FromSortableBits(keys[i]);
        }

        var distinct = new List<double>();
        var mass = new List<double>();
        for (var i = 0; i < count; i++)
        {
            if (distinct.Count > 0 && distinct[^1] == sortedValues[i])
            {
                mass[^1] += sortedWeights[i];
            }
            else
            {
                distinct.Add(sortedValues[i]);
                mass.Add(sortedWeights[i]);
            }
        }

        var result = new List<double>();
        if (distinct.Count <= maxBins)
        {
            for (var i = 0; i + 1 < distinct.Count; i++)
            {
                result.Add(Midpoint(distinct[i], distinct[i + 1]));
            }

            return new FeatureBinMapper(result);
        }

        var total = 0.0;
        foreach (var m in mass)
        {
            total += m;
        }

        var cumulative = 0.0;
        var k = 1;
        for (var i = 0; i + 1 < distinct.Count && k < maxBins; i++)
        {
            cumulative += mass[i];
            if (cumulative >= total * k / maxBins)
            {
                result.Add(Midpoint(distinct[i], distinct[i + 1]));
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
