namespace Neyman.Events.Histograms;

/// <summary>
/// A histogram over one or more axes with weighted storage: for every bin, flow bins included, the sum of
/// weights and the sum of squared weights (the variance estimate of the sum). Storage is one flat array of
/// the product of the axis extents (Bins + 2 each), the first axis varying fastest.
/// A histogram is not safe for concurrent fills: fill one per thread and <see cref="Merge"/> them.
/// </summary>
public sealed partial class Histogram
{
    private readonly Axis[] axes;
    private readonly int[] strides;
    private readonly double[] sumOfWeights;
    private readonly double[] sumOfWeightsSquared;

    /// <summary>Creates an empty histogram over the given axes (at least one).</summary>
    public Histogram(params IReadOnlyList<Axis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0)
        {
            throw new ArgumentException("a histogram needs at least one axis", nameof(axes));
        }
        this.axes = axes.ToArray();
        strides = new int[this.axes.Length];
        long size = 1;
        for (var a = 0; a < this.axes.Length; a++)
        {
            ArgumentNullException.ThrowIfNull(this.axes[a], nameof(axes));
            strides[a] = (int)size;
            size *= this.axes[a].Extent;
            if (size > Array.MaxLength)
            {
                throw new ArgumentException($"the histogram would have {size} bins or more, too many to store", nameof(axes));
            }
        }
        sumOfWeights = new double[size];
        sumOfWeightsSquared = new double[size];
    }

    /// <summary>The axes, in storage order.</summary>
    public IReadOnlyList<Axis> Axes => axes;

    /// <summary>The number of axes.</summary>
    public int Rank => axes.Length;

    /// <summary>The number of stored bins, flow bins included: the product of the axis extents.</summary>
    public int Size => sumOfWeights.Length;

    /// <summary>Sum of weights per bin, flat, flow bins included, first axis fastest.</summary>
    public ReadOnlySpan<double> Values => sumOfWeights;

    /// <summary>Sum of squared weights per bin (the variance of <see cref="Values"/>), flat like <see cref="Values"/>.</summary>
    public ReadOnlySpan<double> Variances => sumOfWeightsSquared;

    /// <summary>The flat storage index of the bin with the given per-axis indices (each 0 .. Bins + 1).</summary>
    public int FlatIndex(params ReadOnlySpan<int> indices)
    {
        if (indices.Length != axes.Length)
        {
            throw new ArgumentException($"expected {axes.Length} indices, got {indices.Length}", nameof(indices));
        }
        var flat = 0;
        for (var a = 0; a < axes.Length; a++)
        {
            if ((uint)indices[a] >= (uint)axes[a].Extent)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(indices), indices[a], $"axis {a} index must be in 0 .. {axes[a].Extent - 1}");
            }
            flat += indices[a] * strides[a];
        }
        return flat;
    }

    /// <summary>The sum of weights in one bin, given per-axis indices (0 = underflow, Bins + 1 = overflow).</summary>
    public double Value(params ReadOnlySpan<int> indices) => sumOfWeights[FlatIndex(indices)];

    /// <summary>The sum of squared weights in one bin, given per-axis indices.</summary>
    public double Variance(params ReadOnlySpan<int> indices) => sumOfWeightsSquared[FlatIndex(indices)];

    /// <summary>The statistical error sqrt(sum of w^2) in one bin, given per-axis indices.</summary>
    public double Error(params ReadOnlySpan<int> indices) => Math.Sqrt(Variance(indices));

    /// <summary>The statistical errors sqrt(sum of w^2) of all bins, flat like <see cref="Values"/>.</summary>
    public double[] Errors()
    {
        var errors = new double[Size];
        System.Numerics.Tensors.TensorPrimitives.Sqrt(sumOfWeightsSquared, errors);
        return errors;
    }

    /// <summary>The sum of weights over all bins, flow bins included.</summary>
    public double Total()
    {
        var total = 0.0;
        foreach (var w in sumOfWeights)
        {
            total += w;
        }
        return total;
    }

    /// <summary>Whether <paramref name="other"/> has the same axes (kind and edges, bit for bit).</summary>
    public bool HasSameAxes(Histogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return axes.AsSpan().SequenceEqual(other.axes);
    }

    /// <summary>A copy with the same axes and contents.</summary>
    public Histogram Clone()
    {
        var copy = new Histogram(axes);
        sumOfWeights.CopyTo(copy.sumOfWeights, 0);
        sumOfWeightsSquared.CopyTo(copy.sumOfWeightsSquared, 0);
        return copy;
    }

    /// <summary>Creates a histogram over <paramref name="axes"/> from flat storage (copied), as <see cref="Values"/> lays it out.</summary>
    public static Histogram FromStorage(IReadOnlyList<Axis> axes, ReadOnlySpan<double> values, ReadOnlySpan<double> variances)
    {
        var histogram = new Histogram(axes);
        if (values.Length != histogram.Size || variances.Length != histogram.Size)
        {
            throw new ArgumentException(
                $"expected {histogram.Size} values and variances, got {values.Length} and {variances.Length}");
        }
        values.CopyTo(histogram.sumOfWeights);
        variances.CopyTo(histogram.sumOfWeightsSquared);
        return histogram;
    }

    private void CheckSameAxes(Histogram other, string operation)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!HasSameAxes(other))
        {
            throw new ArgumentException(
                $"cannot {operation} histograms with different axes: [{Describe(axes)}] and [{Describe(other.axes)}]");
        }
    }

    private static string Describe(Axis[] axes) =>
        string.Join("; ", axes.Select(a => $"{a.GetType().Name} {a.Bins} bins [{a.Edges[0]}, {a.Edges[^1]}]"));
}
