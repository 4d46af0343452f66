namespace Neyman.Publishing.Plots;

/// <summary>Weighted counts in equal-width bins: the sum of weights and of squared weights per bin.</summary>
public sealed class BinnedCounts
{
    private BinnedCounts(double[] edges, double[] sums, double[] squares)
    {
        Edges = edges;
        Sums = sums;
        SumsOfSquares = squares;
    }

    /// <summary>The bin edges, one more than the bins.</summary>
    public double[] Edges { get; }

    /// <summary>The sum of weights per bin.</summary>
    public double[] Sums { get; }

    /// <summary>The sum of squared weights per bin (the variance of the sum).</summary>
    public double[] SumsOfSquares { get; }

    /// <summary>The bin centres.</summary>
    public double[] Centres => Enumerable.Range(0, Sums.Length).Select(i => (Edges[i] + Edges[i + 1]) / 2).ToArray();

    /// <summary>Fills <paramref name="bins"/> equal bins over [<paramref name="low"/>, <paramref name="high"/>]; values outside go to the end bins.</summary>
    public static BinnedCounts Fill(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, int bins, double low, double high)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!(high > low))
        {
            // A constant input: a unit-wide range around it.
            low -= 0.5;
            high = low + 1;
        }
        var edges = Enumerable.Range(0, bins + 1).Select(i => low + (high - low) * i / bins).ToArray();
        var sums = new double[bins];
        var squares = new double[bins];
        for (var i = 0; i < values.Length; i++)
        {
            var w = weights.IsEmpty ? 1 : weights[i];
            var b = (int)Math.Floor((values[i] - low) / (high - low) * bins);
            b = Math.Clamp(b, 0, bins - 1);
            sums[b] += w;
            squares[b] += w * w;
        }
        return new BinnedCounts(edges, sums, squares);
    }

    /// <summary>The same bins scaled so that the sums add up to one (a shape), or unchanged when the total is not positive.</summary>
    public BinnedCounts Normalized()
    {
        var total = Sums.Sum();
        if (!(total > 0))
        {
            return this;
        }
        return new BinnedCounts(Edges, Sums.Select(s => s / total).ToArray(), SumsOfSquares.Select(s => s / (total * total)).ToArray());
    }

    /// <summary>The outline of the histogram as a polyline (x, y) for a step line.</summary>
    public (double[] X, double[] Y) Outline()
    {
        var x = new double[2 * Sums.Length + 2];
        var y = new double[x.Length];
        x[0] = Edges[0];
        for (var i = 0; i < Sums.Length; i++)
        {
            x[2 * i + 1] = Edges[i];
            y[2 * i + 1] = Sums[i];
            x[2 * i + 2] = Edges[i + 1];
            y[2 * i + 2] = Sums[i];
        }
        x[^1] = Edges[^1];
        return (x, y);
    }
}
