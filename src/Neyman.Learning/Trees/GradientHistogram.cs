using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Neyman.Learning.Trees;

/// <summary>
/// Per-feature histograms of summed gradients, hessians and event counts over 256 byte bins, for one tree node.
/// A sibling's histogram is obtained by subtracting the smaller child's from the parent's (the subtraction trick).
/// </summary>
public sealed class GradientHistogram
{
    /// <summary>Bins per feature (one per byte value; bin 0 is the missing-value bin).</summary>
    public const int BinsPerFeature = 256;

    private readonly double[] gradients;
    private readonly double[] hessians;
    private readonly long[] counts;

    /// <summary>Creates an all-zero histogram for the given number of features.</summary>
    /// <param name="featureCount">The number of features, at least 1.</param>
    public GradientHistogram(int featureCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        FeatureCount = featureCount;
        gradients = new double[featureCount * BinsPerFeature];
        hessians = new double[featureCount * BinsPerFeature];
        counts = new long[featureCount * BinsPerFeature];
    }

    /// <summary>The number of features.</summary>
    public int FeatureCount { get; }

    /// <summary>The summed gradient in one bin of one feature.</summary>
    /// <param name="feature">The feature index.</param>
    /// <param name="bin">The bin.</param>
    public double Gradient(int feature, int bin) => gradients[(feature * BinsPerFeature) + bin];

    /// <summary>The summed hessian in one bin of one feature.</summary>
    /// <param name="feature">The feature index.</param>
    /// <param name="bin">The bin.</param>
    public double Hessian(int feature, int bin) => hessians[(feature * BinsPerFeature) + bin];

    /// <summary>The number of events in one bin of one feature.</summary>
    /// <param name="feature">The feature index.</param>
    /// <param name="bin">The bin.</param>
    public long Count(int feature, int bin) => counts[(feature * BinsPerFeature) + bin];

    /// <summary>Adds the given rows, in the order given, to the histogram.</summary>
    /// <param name="binnedColumns">One byte column of bins per feature, indexed by row.</param>
    /// <param name="rows">The rows of the node.</param>
    /// <param name="gradient">Per-row gradients.</param>
    /// <param name="hessian">Per-row hessians.</param>
    public void Accumulate(IReadOnlyList<byte[]> binnedColumns, ReadOnlySpan<int> rows, ReadOnlySpan<float> gradient, ReadOnlySpan<float> hessian)
    {
        ArgumentNullException.ThrowIfNull(binnedColumns);
        if (binnedColumns.Count != FeatureCount)
        {
            throw new ArgumentException("One binned column per feature is required.", nameof(binnedColumns));
        }

        for (var f = 0; f < FeatureCount; f++)
        {
            var column = binnedColumns[f];
            var offset = f * BinsPerFeature;
            foreach (var row in rows)
            {
                var slot = offset + column[row];
                gradients[slot] += gradient[row];
                hessians[slot] += hessian[row];
                counts[slot]++;
            }
        }
    }

    /// <summary>
    /// Adds the rows of one feature, in the order given, with gradients and hessians already gathered into row order
    /// (<paramref name="orderedGradient"/>[i] belongs to <paramref name="rows"/>[i]) so that only the bin column is
    /// read at random. Summation order is fixed by <paramref name="rows"/>, which makes the result reproducible.
    /// </summary>
    /// <param name="feature">The feature index.</param>
    /// <param name="column">The feature's bins, indexed by row.</param>
    /// <param name="rows">The rows of the node.</param>
    /// <param name="orderedGradient">Gradients in the order of <paramref name="rows"/>.</param>
    /// <param name="orderedHessian">Hessians in the order of <paramref name="rows"/>.</param>
    public void AccumulateFeature(
        int feature, byte[] column, ReadOnlySpan<int> rows, ReadOnlySpan<float> orderedGradient, ReadOnlySpan<float> orderedHessian)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentOutOfRangeException.ThrowIfNegative(feature);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(feature, FeatureCount);
        if (orderedGradient.Length < rows.Length || orderedHessian.Length < rows.Length)
        {
            throw new ArgumentException("One gradient and hessian per row is required.", nameof(orderedGradient));
        }

        // Two interleaved partial histograms (even and odd positions) break the store-to-load dependency when
        // consecutive rows fall in the same bin; they are merged in a fixed order, so the sums stay reproducible.
        Span<double> partial = stackalloc double[4 * BinsPerFeature];
        Span<int> partialCount = stackalloc int[2 * BinsPerFeature];
        partial.Clear();
        partialCount.Clear();
        var even = partial[..(2 * BinsPerFeature)];
        var odd = partial[(2 * BinsPerFeature)..];
        var evenCount = partialCount[..BinsPerFeature];
        var oddCount = partialCount[BinsPerFeature..];
        // Bins are bytes, so every partial index is below 2 x 256 and needs no bounds check; the gradient spans were
        // checked to be as long as the rows; only the row indices into the column are checked.
        ref var evenBase = ref MemoryMarshal.GetReference(even);
        ref var oddBase = ref MemoryMarshal.GetReference(odd);
        ref var evenCountBase = ref MemoryMarshal.GetReference(evenCount);
        ref var oddCountBase = ref MemoryMarshal.GetReference(oddCount);
        ref var gradientBase = ref MemoryMarshal.GetReference(orderedGradient);
        ref var hessianBase = ref MemoryMarshal.GetReference(orderedHessian);
        var i = 0;
        for (; i + 1 < rows.Length; i += 2)
        {
            int a = column[rows[i]], b = column[rows[i + 1]];
            Unsafe.Add(ref evenBase, 2 * a) += Unsafe.Add(ref gradientBase, i);
            Unsafe.Add(ref evenBase, (2 * a) + 1) += Unsafe.Add(ref hessianBase, i);
            Unsafe.Add(ref evenCountBase, a)++;
            Unsafe.Add(ref oddBase, 2 * b) += Unsafe.Add(ref gradientBase, i + 1);
            Unsafe.Add(ref oddBase, (2 * b) + 1) += Unsafe.Add(ref hessianBase, i + 1);
            Unsafe.Add(ref oddCountBase, b)++;
        }

        if (i < rows.Length)
        {
            int a = column[rows[i]];
            even[2 * a] += orderedGradient[i];
            even[(2 * a) + 1] += orderedHessian[i];
            evenCount[a]++;
        }

        var g = gradients.AsSpan(feature * BinsPerFeature, BinsPerFeature);
        var h = hessians.AsSpan(feature * BinsPerFeature, BinsPerFeature);
        var c = counts.AsSpan(feature * BinsPerFeature, BinsPerFeature);
        for (var bin = 0; bin < BinsPerFeature; bin++)
        {
            g[bin] += even[2 * bin] + odd[2 * bin];
            h[bin] += even[(2 * bin) + 1] + odd[(2 * bin) + 1];
            c[bin] += evenCount[bin] + oddCount[bin];
        }
    }

    /// <summary>
    /// Adds the rows of up to four features in one pass over the rows, from quantized gradients coded one 16-bit code
    /// per event (<paramref name="codes"/>[r] belongs to row r) and expanded into packed words
    /// (<see cref="QuantizedGradients.Word"/>): one integer addition per event and feature into packed partial sums,
    /// which are unpacked into this histogram every <see cref="QuantizedGradients.ChunkRows"/> rows, so no field
    /// overflows. The integer sums do not depend on the order of the rows; the unpacking order is fixed by it.
    /// </summary>
    /// <param name="features">One to four feature indices.</param>
    /// <param name="columns">The bins of every feature, indexed by row.</param>
    /// <param name="rows">The rows of the node.</param>
    /// <param name="codes">Quantized gradient codes, indexed by row.</param>
    /// <param name="quantized">The quantization they come from.</param>
    internal void AccumulatePacked(
        ReadOnlySpan<int> features, IReadOnlyList<byte[]> columns, ReadOnlySpan<int> rows, ReadOnlySpan<ushort> codes, QuantizedGradients quantized) =>
        Accumulate(features, columns, rows, 0, rows.Length, codes, quantized);

    /// <summary>
    /// As <see cref="AccumulatePacked"/> for the consecutive rows firstRow, firstRow + 1, ... (the root of a tree over
    /// all events), read without a row list.
    /// </summary>
    /// <param name="features">One to four feature indices.</param>
    /// <param name="columns">The bins of every feature, indexed by row.</param>
    /// <param name="firstRow">The first row.</param>
    /// <param name="codes">Quantized gradient codes of the rows from <paramref name="firstRow"/> on, one per row.</param>
    /// <param name="quantized">The quantization they come from.</param>
    internal void AccumulatePackedConsecutive(
        ReadOnlySpan<int> features, IReadOnlyList<byte[]> columns, int firstRow, ReadOnlySpan<ushort> codes, QuantizedGradients quantized)
    {
        // The span slices below check that every column holds the rows.
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);

        Accumulate(features, columns, [], firstRow, codes.Length, codes, quantized);
    }

    // The rows are rows[0..count), or firstRow + 0..count when the list is empty.
    private void Accumulate(
        ReadOnlySpan<int> features, IReadOnlyList<byte[]> columns, ReadOnlySpan<int> rows, int firstRow, int rowCount, ReadOnlySpan<ushort> codes,
        QuantizedGradients quantized)
    {
        Span<long> partial = stackalloc long[4 * BinsPerFeature];
        for (var start = 0; start < rowCount; start += quantized.ChunkRows)
        {
            var count = Math.Min(quantized.ChunkRows, rowCount - start);
            partial.Clear();
            PackedHistogramKernels.AddPacked(features, columns, rows.IsEmpty ? rows : rows.Slice(start, count), firstRow + start, count, codes, partial);
            AddUnpacked(features, partial, quantized);
        }
    }

    /// <summary>Adds integer partial sums from <see cref="PackedHistogramKernels.AddPacked"/> to this histogram, unpacked and scaled.</summary>
    /// <param name="features">The features of the partial sums.</param>
    /// <param name="partial">The partial sums, feature j at j * 256.</param>
    /// <param name="quantized">The quantization they come from.</param>
    internal void AddUnpacked(ReadOnlySpan<int> features, ReadOnlySpan<long> partial, QuantizedGradients quantized)
    {
        for (var j = 0; j < features.Length; j++)
        {
            var offset = features[j] * BinsPerFeature;
            var sums = partial.Slice(j * BinsPerFeature, BinsPerFeature);
            for (var bin = 0; bin < BinsPerFeature; bin++)
            {
                var sum = sums[bin];
                if (sum != 0)
                {
                    gradients[offset + bin] += quantized.GradientScale * quantized.GradientUnits(sum);
                    hessians[offset + bin] += quantized.HessianScale * quantized.HessianUnits(sum);
                    counts[offset + bin] += QuantizedGradients.Count(sum);
                }
            }
        }
    }

    /// <summary>Sets every bin of one feature to zero.</summary>
    /// <param name="feature">The feature index.</param>
    public void ClearFeature(int feature)
    {
        gradients.AsSpan(feature * BinsPerFeature, BinsPerFeature).Clear();
        hessians.AsSpan(feature * BinsPerFeature, BinsPerFeature).Clear();
        counts.AsSpan(feature * BinsPerFeature, BinsPerFeature).Clear();
    }

    /// <summary>Sets one feature of this histogram to parent minus child (the subtraction trick, in place).</summary>
    /// <param name="feature">The feature index.</param>
    /// <param name="parent">The parent node's histogram.</param>
    /// <param name="child">The other child's histogram.</param>
    public void SetFeatureToDifference(int feature, GradientHistogram parent, GradientHistogram child)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        var start = feature * BinsPerFeature;
        for (var i = start; i < start + BinsPerFeature; i++)
        {
            gradients[i] = parent.gradients[i] - child.gradients[i];
            hessians[i] = parent.hessians[i] - child.hessians[i];
            counts[i] = parent.counts[i] - child.counts[i];
        }
    }

    /// <summary>Returns parent minus child: the histogram of the child's sibling.</summary>
    /// <param name="parent">The parent node's histogram.</param>
    /// <param name="child">One child's histogram.</param>
    public static GradientHistogram Subtract(GradientHistogram parent, GradientHistogram child)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        if (parent.FeatureCount != child.FeatureCount)
        {
            throw new ArgumentException("Histograms must have the same feature count.", nameof(child));
        }

        var result = new GradientHistogram(parent.FeatureCount);
        for (var i = 0; i < result.gradients.Length; i++)
        {
            result.gradients[i] = parent.gradients[i] - child.gradients[i];
            result.hessians[i] = parent.hessians[i] - child.hessians[i];
            result.counts[i] = parent.counts[i] - child.counts[i];
        }

        return result;
    }
}
