namespace Neyman.Events.Histograms;

/// <summary>
/// An axis of <see cref="Bins"/> equal-width bins between <see cref="Lower"/> and <see cref="Upper"/>,
/// with underflow and overflow bins (see <see cref="Axis"/>).
/// </summary>
public sealed class RegularAxis : Axis
{
    private readonly double[] edges;
    private readonly double scale;

    /// <summary>Creates the axis; needs bins &gt;= 1 and finite lower &lt; upper.</summary>
    public RegularAxis(int bins, double lower, double upper)
    {
        if (bins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, "expected at least one bin");
        }
        if (!double.IsFinite(lower) || !double.IsFinite(upper) || !(lower < upper))
        {
            throw new ArgumentException($"expected finite lower < upper, got [{lower}, {upper}]", nameof(lower));
        }
        Bins = bins;
        Lower = lower;
        Upper = upper;
        scale = bins / (upper - lower);
        edges = new double[bins + 1];
        for (var i = 0; i <= bins; i++)
        {
            // The last edge is set exactly so that Upper itself goes to the overflow.
            edges[i] = i == bins ? upper : lower + (upper - lower) * i / bins;
        }
    }

    /// <inheritdoc />
    public override int Bins { get; }

    /// <summary>The lower edge of the first bin.</summary>
    public double Lower { get; }

    /// <summary>The upper edge of the last bin.</summary>
    public double Upper { get; }

    /// <inheritdoc />
    public override IReadOnlyList<double> Edges => edges;

    /// <inheritdoc />
    public override int Index(double x)
    {
        if (x < Lower)
        {
            return 0;
        }
        if (!(x < Upper))
        {
            return Bins + 1;
        }
        var bin = (int)((x - Lower) * scale);
        // Rounding in the product can move x across an edge; the stored edges decide.
        if (bin >= Bins)
        {
            bin = Bins - 1;
        }
        if (x < edges[bin])
        {
            bin--;
        }
        else if (x >= edges[bin + 1])
        {
            bin++;
        }
        return bin + 1;
    }

    /// <inheritdoc />
    public override bool Equals(Axis? other) =>
        other is RegularAxis r && r.Bins == Bins && r.Lower.Equals(Lower) && r.Upper.Equals(Upper);
}
