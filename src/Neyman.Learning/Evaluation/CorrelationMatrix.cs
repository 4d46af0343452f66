using Neyman.Events.Tables;

namespace Neyman.Learning.Evaluation;

/// <summary>
/// Weighted Pearson correlation coefficients between features: rho = cov(x, y) / (sigma_x sigma_y) with
/// means and covariances weighted by the event weights (two passes, so no cancellation of large means).
/// </summary>
public sealed class CorrelationMatrix
{
    private CorrelationMatrix(IReadOnlyList<string> names, double[,] values)
    {
        Names = names;
        Values = values;
    }

    /// <summary>The feature names, in row and column order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The coefficients; 1 on the diagonal, NaN for a feature with no spread.</summary>
    public double[,] Values { get; }

    /// <summary>The coefficient between features <paramref name="i"/> and <paramref name="j"/>.</summary>
    public double this[int i, int j] => Values[i, j];

    /// <summary>The weighted correlations of <paramref name="columns"/> (each one value per event) with weights <paramref name="weights"/> (empty for 1).</summary>
    public static CorrelationMatrix Compute(IReadOnlyList<string> names, IReadOnlyList<double[]> columns, ReadOnlySpan<double> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(names.Count, columns.Count);
        var k = columns.Count;
        var n = k == 0 ? 0 : columns[0].Length;
        if (!weights.IsEmpty && weights.Length != n)
        {
            throw new ArgumentException($"there are {n} events but {weights.Length} weights", nameof(weights));
        }
        double total = 0;
        for (var e = 0; e < n; e++)
        {
            total += weights.IsEmpty ? 1 : weights[e];
        }
        if (!(total > 0))
        {
            throw new ArgumentException($"the weights sum to {total}; expected a positive sum", nameof(weights));
        }
        var centred = new double[k][];
        for (var c = 0; c < k; c++)
        {
            var x = columns[c];
            double mean = 0;
            for (var e = 0; e < n; e++)
            {
                mean += (weights.IsEmpty ? 1 : weights[e]) * x[e];
            }
            mean /= total;
            centred[c] = new double[n];
            for (var e = 0; e < n; e++)
            {
                centred[c][e] = x[e] - mean;
            }
        }
        var covariance = new double[k, k];
        for (var a = 0; a < k; a++)
        {
            for (var b = a; b < k; b++)
            {
                double sum = 0;
                for (var e = 0; e < n; e++)
                {
                    sum += (weights.IsEmpty ? 1 : weights[e]) * centred[a][e] * centred[b][e];
                }
                covariance[a, b] = covariance[b, a] = sum / total;
            }
        }
        var values = new double[k, k];
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                var scale = Math.Sqrt(covariance[a, a] * covariance[b, b]);
                values[a, b] = a == b && scale > 0 ? 1 : scale > 0 ? Math.Clamp(covariance[a, b] / scale, -1, 1) : double.NaN;
            }
        }
        return new CorrelationMatrix(names.ToArray(), values);
    }

    /// <summary>
    /// The correlations of the named features among the events of one class of <paramref name="table"/>
    /// (label 1 for signal, 0 for background), weighted by the <c>weight</c> column when present.
    /// </summary>
    public static CorrelationMatrix ForClass(EventTable table, IReadOnlyList<string> features, bool signal)
    {
        var labels = table[EventTable.LabelColumn];
        var rows = new List<int>();
        for (var e = 0; e < table.RowCount; e++)
        {
            if ((labels[e] == 1) == signal)
            {
                rows.Add(e);
            }
        }
        var columns = features.Select(f =>
        {
            var column = table[f];
            return rows.Select(r => column[r]).ToArray();
        }).ToArray();
        var weights = table.HasWeight ? rows.Select(r => table[EventTable.WeightColumn][r]).ToArray() : [];
        return Compute(features, columns, weights);
    }
}
