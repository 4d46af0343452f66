namespace Neyman.Events.Histograms;

/// <summary>Filling: one entry, or columns of entries with optional weights.</summary>
public sealed partial class Histogram
{
    private const int ChunkSize = 1024;

    /// <summary>Adds one entry of weight <paramref name="weight"/> to a one-axis histogram.</summary>
    public void Fill(double x, double weight = 1.0)
    {
        CheckRank(1);
        var i = axes[0].Index(x);
        sumOfWeights[i] += weight;
        sumOfWeightsSquared[i] += weight * weight;
    }

    /// <summary>
    /// Adds the entries <paramref name="x"/> to a one-axis histogram, each with the matching weight, or
    /// with weight 1 when <paramref name="weights"/> is empty.
    /// </summary>
    public void Fill(ReadOnlySpan<double> x, ReadOnlySpan<double> weights = default)
    {
        CheckRank(1);
        CheckWeights(x.Length, weights.Length);
        if (axes[0] is RegularAxis regular)
        {
            // The sealed type lets the JIT inline the index computation in the hot loop.
            FillRegular(regular, x, weights);
            return;
        }
        var axis = axes[0];
        if (weights.IsEmpty)
        {
            foreach (var value in x)
            {
                var i = axis.Index(value);
                sumOfWeights[i] += 1.0;
                sumOfWeightsSquared[i] += 1.0;
            }
            return;
        }
        for (var k = 0; k < x.Length; k++)
        {
            var i = axis.Index(x[k]);
            var w = weights[k];
            sumOfWeights[i] += w;
            sumOfWeightsSquared[i] += w * w;
        }
    }

    /// <summary>Single-precision overload of <see cref="Fill(ReadOnlySpan{double}, ReadOnlySpan{double})"/>; values are widened exactly.</summary>
    public void Fill(ReadOnlySpan<float> x, ReadOnlySpan<float> weights = default)
    {
        CheckRank(1);
        CheckWeights(x.Length, weights.Length);
        var axis = axes[0];
        for (var k = 0; k < x.Length; k++)
        {
            var i = axis.Index(x[k]);
            var w = weights.IsEmpty ? 1.0 : weights[k];
            sumOfWeights[i] += w;
            sumOfWeightsSquared[i] += w * w;
        }
    }

    /// <summary>Adds one entry to a histogram with as many axes as <paramref name="coordinates"/> has values.</summary>
    public void FillOne(ReadOnlySpan<double> coordinates, double weight = 1.0)
    {
        CheckRank(coordinates.Length);
        var flat = 0;
        for (var a = 0; a < axes.Length; a++)
        {
            flat += axes[a].Index(coordinates[a]) * strides[a];
        }
        sumOfWeights[flat] += weight;
        sumOfWeightsSquared[flat] += weight * weight;
    }

    /// <summary>
    /// Adds entries given as one column per axis (all of one length), each with the matching weight, or
    /// with weight 1 when <paramref name="weights"/> is empty.
    /// </summary>
    public void Fill(IReadOnlyList<ReadOnlyMemory<double>> columns, ReadOnlySpan<double> weights = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        CheckRank(columns.Count);
        var n = columns[0].Length;
        for (var a = 1; a < columns.Count; a++)
        {
            if (columns[a].Length != n)
            {
                throw new ArgumentException($"column {a} has {columns[a].Length} entries, column 0 has {n}", nameof(columns));
            }
        }
        CheckWeights(n, weights.Length);
        // Bin indices are accumulated axis by axis over a chunk of entries, which keeps each inner loop simple.
        Span<int> flat = stackalloc int[Math.Min(n, ChunkSize)];
        for (var start = 0; start < n; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize, n - start);
            var chunk = flat[..count];
            chunk.Clear();
            for (var a = 0; a < axes.Length; a++)
            {
                var axis = axes[a];
                var stride = strides[a];
                var column = columns[a].Span.Slice(start, count);
                for (var k = 0; k < count; k++)
                {
                    chunk[k] += axis.Index(column[k]) * stride;
                }
            }
            for (var k = 0; k < count; k++)
            {
                var w = weights.IsEmpty ? 1.0 : weights[start + k];
                sumOfWeights[chunk[k]] += w;
                sumOfWeightsSquared[chunk[k]] += w * w;
            }
        }
    }

    private void FillRegular(RegularAxis axis, ReadOnlySpan<double> x, ReadOnlySpan<double> weights)
    {
        var sums = sumOfWeights;
        var squares = sumOfWeightsSquared;
        if (weights.IsEmpty)
        {
            foreach (var value in x)
            {
                var i = axis.Index(value);
                sums[i] += 1.0;
                squares[i] += 1.0;
            }
            return;
        }
        for (var k = 0; k < x.Length; k++)
        {
            var i = axis.Index(x[k]);
            var w = weights[k];
            sums[i] += w;
            squares[i] += w * w;
        }
    }

    private void CheckRank(int rank)
    {
        if (rank != axes.Length)
        {
            throw new ArgumentException($"the histogram has {axes.Length} axes but {rank} coordinates were given");
        }
    }

    private static void CheckWeights(int entries, int weights)
    {
        if (weights != 0 && weights != entries)
        {
            throw new ArgumentException($"expected {entries} weights (or none), got {weights}", nameof(weights));
        }
    }
}
