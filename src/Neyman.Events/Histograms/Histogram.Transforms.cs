namespace Neyman.Events.Histograms;

/// <summary>Projection and rebinning: both sum bins into a new histogram and never lose content.</summary>
public sealed partial class Histogram
{
    /// <summary>
    /// The projection onto the axes <paramref name="keep"/> (distinct indices, in the order wanted), summing
    /// over every other axis including its flow bins.
    /// </summary>
    public Histogram Project(params ReadOnlySpan<int> keep)
    {
        if (keep.IsEmpty)
        {
            throw new ArgumentException("expected at least one axis to keep", nameof(keep));
        }
        var kept = new Axis[keep.Length];
        var seen = new bool[axes.Length];
        for (var j = 0; j < keep.Length; j++)
        {
            if ((uint)keep[j] >= (uint)axes.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(keep), keep[j], $"axis index must be in 0 .. {axes.Length - 1}");
            }
            if (seen[keep[j]])
            {
                throw new ArgumentException($"axis {keep[j]} is listed twice", nameof(keep));
            }
            seen[keep[j]] = true;
            kept[j] = axes[keep[j]];
        }
        var result = new Histogram(kept);
        var keepCopy = keep.ToArray();
        var target = new int[axes.Length];
        for (var j = 0; j < keepCopy.Length; j++)
        {
            target[keepCopy[j]] = result.strides[j];
        }
        Accumulate(result, axis => target[axis], (axis, index) => index);
        return result;
    }

    /// <summary>Merges every <paramref name="factor"/> adjacent bins of the regular axis <paramref name="axis"/>; its bin count must be a multiple.</summary>
    public Histogram Rebin(int axis, int factor)
    {
        CheckAxis(axis);
        if (axes[axis] is not RegularAxis regular)
        {
            throw new ArgumentException($"axis {axis} is not a regular axis; rebin it by a subset of its edges", nameof(axis));
        }
        if (factor < 1 || regular.Bins % factor != 0)
        {
            throw new ArgumentException($"the factor must divide the {regular.Bins} bins of axis {axis}, got {factor}", nameof(factor));
        }
        var merged = new RegularAxis(regular.Bins / factor, regular.Lower, regular.Upper);
        return Rebinned(axis, merged, i => i == 0 ? 0 : i > regular.Bins ? merged.Bins + 1 : (i - 1) / factor + 1);
    }

    /// <summary>
    /// Rebins axis <paramref name="axis"/> to the given edges, which must be a subset of its edges (bit for bit).
    /// Bins below the first new edge go to the underflow, bins above the last to the overflow.
    /// </summary>
    public Histogram Rebin(int axis, IReadOnlyList<double> edges)
    {
        CheckAxis(axis);
        var old = axes[axis];
        var merged = new VariableAxis(edges);
        var map = new int[old.Extent];
        var oldEdges = old.Edges;
        foreach (var edge in merged.Edges)
        {
            if (!oldEdges.Contains(edge))
            {
                throw new ArgumentException($"the edge {edge} is not an edge of axis {axis}", nameof(edges));
            }
        }
        map[0] = 0;
        map[old.Extent - 1] = merged.Extent - 1;
        for (var i = 1; i <= old.Bins; i++)
        {
            // Each old bin lies entirely inside one new bin (or flow), so its lower edge decides.
            map[i] = merged.Index(old.LowerEdge(i));
        }
        return Rebinned(axis, merged, i => map[i]);
    }

    private Histogram Rebinned(int axis, Axis merged, Func<int, int> map)
    {
        var newAxes = axes.ToArray();
        newAxes[axis] = merged;
        var result = new Histogram(newAxes);
        var lookup = new int[axes[axis].Extent];
        for (var i = 0; i < lookup.Length; i++)
        {
            lookup[i] = map(i);
        }
        Accumulate(result, a => result.strides[a], (a, index) => a == axis ? lookup[index] : index);
        return result;
    }

    /// <summary>Adds every bin into result at sum over axes of map(axis, index) * stride(axis), in storage order.</summary>
    private void Accumulate(Histogram result, Func<int, int> stride, Func<int, int, int> map)
    {
        var index = new int[axes.Length];
        var targetStrides = new int[axes.Length];
        for (var a = 0; a < axes.Length; a++)
        {
            targetStrides[a] = stride(a);
        }
        for (var flat = 0; flat < sumOfWeights.Length; flat++)
        {
            var target = 0;
            for (var a = 0; a < axes.Length; a++)
            {
                target += map(a, index[a]) * targetStrides[a];
            }
            result.sumOfWeights[target] += sumOfWeights[flat];
            result.sumOfWeightsSquared[target] += sumOfWeightsSquared[flat];
            for (var a = 0; a < axes.Length && ++index[a] == axes[a].Extent; a++)
            {
                index[a] = 0;
            }
        }
    }

    private void CheckAxis(int axis)
    {
        if ((uint)axis >= (uint)axes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"axis index must be in 0 .. {axes.Length - 1}");
        }
    }
}
