namespace Neyman.Events.Histograms;

/// <summary>
/// An axis with bins of any widths given by their edges, with underflow and overflow bins (see <see cref="Axis"/>).
/// </summary>
public sealed class VariableAxis : Axis
{
    private readonly double[] edges;

    /// <summary>Creates the axis from at least two finite, strictly increasing edges.</summary>
    public VariableAxis(IEnumerable<double> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        this.edges = edges.ToArray();
        if (this.edges.Length < 2)
        {
            throw new ArgumentException($"expected at least two edges, got {this.edges.Length}", nameof(edges));
        }
        for (var i = 0; i < this.edges.Length; i++)
        {
            if (!double.IsFinite(this.edges[i]))
            {
                throw new ArgumentException($"edge {i} is {this.edges[i]}, expected a finite number", nameof(edges));
            }
            if (i > 0 && !(this.edges[i] > this.edges[i - 1]))
            {
                throw new ArgumentException(
                    $"edges must be strictly increasing, but edge {i} ({this.edges[i]}) <= edge {i - 1} ({this.edges[i - 1]})",
                    nameof(edges));
            }
        }
    }

    /// <inheritdoc />
    public override int Bins => edges.Length - 1;

    /// <inheritdoc />
    public override IReadOnlyList<double> Edges => edges;

    /// <inheritdoc />
    public override int Index(double x)
    {
        if (x < edges[0])
        {
            return 0;
        }
        if (!(x < edges[^1]))
        {
            return edges.Length;
        }
        // The number of edges <= x, found by bisection: edges[lo] <= x < edges[hi].
        int lo = 0, hi = edges.Length - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            if (x < edges[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }
        return lo + 1;
    }

    /// <inheritdoc />
    public override bool Equals(Axis? other) =>
        other is VariableAxis v && v.edges.AsSpan().SequenceEqual(edges);
}
