using System.Runtime.CompilerServices;
using Neyman.Core;
using Neyman.Events.Tables;

namespace Neyman.Learning.Trees;

/// <summary>
/// The first stage of boosting: every feature of every event mapped once to an 8-bit bin, stored feature-major
/// (one byte column per feature), together with the mappers that produced the bins.
/// </summary>
public sealed class BinnedDataset
{
    /// <summary>The most events used to place the quantile thresholds of one feature.</summary>
    public const int QuantileSampleSize = 200_000;

    private BinnedDataset(IReadOnlyList<FeatureBinMapper> mappers, byte[][] columns, int rowCount)
    {
        Mappers = mappers;
        Columns = columns;
        RowCount = rowCount;
    }

    /// <summary>The bin mapper of each feature.</summary>
    public IReadOnlyList<FeatureBinMapper> Mappers { get; }

    /// <summary>One byte column of bins per feature, indexed by event.</summary>
    public IReadOnlyList<byte[]> Columns { get; }

    /// <summary>The number of events.</summary>
    public int RowCount { get; }

    /// <summary>The number of features.</summary>
    public int FeatureCount => Columns.Count;

    /// <summary>
    /// Fits weighted-quantile bin mappers on the features (on an evenly strided sample of at most
    /// <see cref="QuantileSampleSize"/> events) and bins every event.
    /// </summary>
    /// <param name="features">The feature columns.</param>
    /// <param name="weights">The event weights.</param>
    /// <param name="maxBins">The most value bins per feature.</param>
    /// <param name="parallel">The threads to use; the result does not depend on them.</param>
    public static BinnedDataset Fit(IReadOnlyList<EventColumn> features, ReadOnlySpan<double> weights, int maxBins, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(features);
        Preconditions.CheckArgument(features.Count > 0, "At least one feature is required.");
        var n = features[0].Length;
        var stride = Math.Max(1, (n + QuantileSampleSize - 1) / QuantileSampleSize);
        var sampleCount = (n + stride - 1) / stride;
        var sampleWeights = new double[sampleCount];
        for (var s = 0; s < sampleCount; s++)
        {
            sampleWeights[s] = weights[s * stride];
        }

        var mappers = new FeatureBinMapper[features.Count];
        // One sample buffer and one sort scratch per thread, reused for every feature the thread fits.
        Parallel.For(
            0,
            features.Count,
            parallel,
            () => (Values: new double[sampleCount], Scratch: new QuantileScratch(sampleCount)),
            (f, _, local) =>
            {
                Sample(features[f], stride, local.Values);
                mappers[f] = FeatureBinMapper.Fit(local.Values, sampleWeights, maxBins, local.Scratch);
                return local;
            },
            _ => { });
        return Apply(mappers, features, parallel);
    }

    /// <summary>Bins the features with given mappers (one per feature, in order).</summary>
    /// <param name="mappers">The bin mappers.</param>
    /// <param name="features">The feature columns, in the mappers' order.</param>
    /// <param name="parallel">The threads to use.</param>
    public static BinnedDataset Apply(IReadOnlyList<FeatureBinMapper> mappers, IReadOnlyList<EventColumn> features, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(mappers);
        ArgumentNullException.ThrowIfNull(features);
        Preconditions.CheckArgument(mappers.Count == features.Count, "One mapper per feature is required.");
        var n = features.Count == 0 ? 0 : features[0].Length;
        var columns = new byte[features.Count][];
        Parallel.For(0, features.Count, parallel, f => columns[f] = BinColumn(mappers[f], features[f], n));
        return new BinnedDataset([.. mappers], columns, n);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] BinColumn(FeatureBinMapper mapper, EventColumn source, int n)
    {
        var column = new byte[n];
        // Thresholds padded to 256 with +infinity: a branch-free search of exactly eight halvings.
        var padded = new double[GradientHistogram.BinsPerFeature];
        Array.Fill(padded, double.PositiveInfinity);
        for (var k = 0; k < mapper.Thresholds.Count; k++)
        {
            padded[k] = mapper.Thresholds[k];
        }

        if (source.Type == ColumnType.Float32)
        {
            var values = source.Float32Values;
            var lookup = new FloatBinLookup(padded, mapper.Thresholds.Count);
            for (var i = 0; i < n; i++)
            {
                column[i] = lookup.Bin(values[i]);
            }
        }
        else
        {
            var values = source.Float64Values;
            for (var i = 0; i < n; i++)
            {
                column[i] = BinOf(padded, values[i]);
            }
        }

        return column;
    }

    // Every stride-th value (run once per feature: compiled optimized at once rather than through the tiers).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sample(EventColumn column, int stride, double[] values)
    {
        var count = values.Length;
        if (column.Type == ColumnType.Float32)
        {
            var source = column.Float32Values;
            for (var s = 0; s < count; s++)
            {
                values[s] = source[s * stride];
            }
        }
        else
        {
            var source = column.Float64Values;
            for (var s = 0; s < count; s++)
            {
                values[s] = source[s * stride];
            }
        }
    }

    /// <summary>The same bin as <see cref="FeatureBinMapper.Bin"/>: 0 for NaN, else 1 + the number of thresholds below.</summary>
    private static byte BinOf(double[] padded, double value)
    {
        if (double.IsNaN(value))
        {
            return FeatureBinMapper.MissingBin;
        }

        var below = 0;
        for (var step = 128; step > 0; step >>= 1)
        {
            below += padded[below + step - 1] < value ? step : 0;
        }

        return (byte)(below + 1);
    }
}
