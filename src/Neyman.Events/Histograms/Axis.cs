namespace Neyman.Events.Histograms;

/// <summary>
/// A binned axis with an underflow and an overflow bin. Indices run over the extent 0 .. Bins + 1:
/// 0 is the underflow (x &lt; first edge), 1 .. Bins are the regular bins (each [lower, upper), the last
/// one also [lower, upper)), and Bins + 1 is the overflow (x &gt;= last edge). NaN goes to the overflow,
/// as in boost-histogram.
/// </summary>
public abstract class Axis : IEquatable<Axis>
{
    /// <summary>The number of bins between the first and the last edge (flow bins not counted).</summary>
    public abstract int Bins { get; }

    /// <summary>The number of bins including the two flow bins: Bins + 2.</summary>
    public int Extent => Bins + 2;

    /// <summary>The bin edges, Bins + 1 strictly increasing numbers.</summary>
    public abstract IReadOnlyList<double> Edges { get; }

    /// <summary>The index 0 .. Bins + 1 of the bin holding <paramref name="x"/> (see the type's remarks).</summary>
    public abstract int Index(double x);

    /// <summary>The lower edge of bin <paramref name="bin"/> (1 .. Bins); -infinity for the underflow.</summary>
    public double LowerEdge(int bin) => bin <= 0 ? double.NegativeInfinity : bin > Bins ? Edges[Bins] : Edges[bin - 1];

    /// <summary>The upper edge of bin <paramref name="bin"/> (1 .. Bins); +infinity for the overflow.</summary>
    public double UpperEdge(int bin) => bin <= 0 ? Edges[0] : bin > Bins ? double.PositiveInfinity : Edges[bin];

    /// <summary>The centre of bin <paramref name="bin"/> (1 .. Bins).</summary>
    public double Center(int bin) => 0.5 * (LowerEdge(bin) + UpperEdge(bin));

    /// <summary>The width of bin <paramref name="bin"/> (1 .. Bins).</summary>
    public double Width(int bin) => UpperEdge(bin) - LowerEdge(bin);

    /// <summary>Two axes are equal when they are of the same kind and have the same edges, bit for bit.</summary>
    public abstract bool Equals(Axis? other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Axis other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(GetType());
        foreach (var edge in Edges)
        {
            hash.Add(edge);
        }
        return hash.ToHashCode();
    }
}
