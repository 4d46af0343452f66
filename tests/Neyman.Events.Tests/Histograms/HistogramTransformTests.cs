using Neyman.Core;
using Neyman.Events.Histograms;

namespace Neyman.Events.Tests.Histograms;

public class HistogramTransformTests
{
    // Weights that are multiples of 1/4 below 2 add exactly in double precision, so any summation order gives the same bits.
    private static (double[] X, double[] Y, double[] Z, double[] W) Sample(ulong seed, int count)
    {
        var random = new RandomStream(seed);
        var x = new double[count];
        var y = new double[count];
        var z = new double[count];
        var w = new double[count];
        for (var i = 0; i < count; i++)
        {
            x[i] = random.NextUniform(-0.5, 4.5);
            y[i] = random.NextUniform(-1, 11);
            z[i] = random.NextUniform(0, 1);
            w[i] = random.NextInt(8) * 0.25;
        }
        return (x, y, z, w);
    }

    [Fact]
    public void Projection_of_2d_equals_1d_filled_directly()
    {
        var (x, y, _, w) = Sample(5, 2000);
        var xAxis = new RegularAxis(4, 0, 4);
        var yAxis = new VariableAxis([0, 1, 2, 5, 10]);
        var h2 = new Histogram(xAxis, yAxis);
        h2.Fill([x, y], w);
        var hx = new Histogram(xAxis);
        hx.Fill(x, w);
        var hy = new Histogram(yAxis);
        hy.Fill(y, w);

        var px = h2.Project(0);
        var py = h2.Project(1);
        Assert.Equal(hx.Values.ToArray(), px.Values.ToArray());
        Assert.Equal(hx.Variances.ToArray(), px.Variances.ToArray());
        Assert.Equal(hy.Values.ToArray(), py.Values.ToArray());
        Assert.Equal(hy.Variances.ToArray(), py.Variances.ToArray());
        Assert.Equal(h2.Total(), px.Total());
    }

    [Fact]
    public void Projection_of_3d_onto_two_axes_in_swapped_order()
    {
        var (x, y, z, w) = Sample(6, 1500);
        var xAxis = new RegularAxis(4, 0, 4);
        var yAxis = new RegularAxis(5, 0, 10);
        var zAxis = new RegularAxis(2, 0, 1);
        var h3 = new Histogram(xAxis, yAxis, zAxis);
        h3.Fill([x, y, z], w);
        var direct = new Histogram(yAxis, xAxis);
        direct.Fill([y, x], w);
        var projected = h3.Project(1, 0);
        Assert.Equal(direct.Values.ToArray(), projected.Values.ToArray());
        Assert.Equal(direct.Variances.ToArray(), projected.Variances.ToArray());
        Assert.Throws<ArgumentException>(() => h3.Project(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => h3.Project(3));
    }

    [Fact]
    public void Rebin_regular_axis_merges_adjacent_bins_and_keeps_flow()
    {
        var h = new Histogram(new RegularAxis(4, 0, 4));
        h.Fill([-1, 0.5, 1.5, 2.5, 2.6, 3.5, 7], [1, 2, 3, 4, 5, 6, 7]);
        var merged = h.Rebin(0, 2);
        Assert.Equal(new RegularAxis(2, 0, 4), merged.Axes[0]);
        // Underflow 1; [0, 2): 2 + 3; [2, 4): 4 + 5 + 6; overflow 7.
        Assert.Equal(new[] { 1.0, 5.0, 15.0, 7.0 }, merged.Values.ToArray());
        Assert.Equal(new[] { 1.0, 13.0, 77.0, 49.0 }, merged.Variances.ToArray());
        Assert.Throws<ArgumentException>(() => h.Rebin(0, 3));
        Assert.Throws<ArgumentException>(() => h.Rebin(0, 0));
    }

    [Fact]
    public void Rebin_to_subset_of_edges_moves_outside_bins_to_flow()
    {
        var h = new Histogram(new VariableAxis([0, 1, 2, 3, 4]));
        h.Fill([-1, 0.5, 1.5, 2.5, 2.6, 3.5, 7], [1, 2, 3, 4, 5, 6, 7]);
        var merged = h.Rebin(0, [1.0, 3.0]);
        // Underflow: -1 and [0, 1); bin [1, 3): 3 + 4 + 5; overflow: [3, 4) and 7.
        Assert.Equal(new[] { 3.0, 12.0, 13.0 }, merged.Values.ToArray());
        Assert.Equal(new[] { 5.0, 50.0, 85.0 }, merged.Variances.ToArray());
        Assert.Throws<ArgumentException>(() => h.Rebin(0, [1.0, 2.5]));
        Assert.Throws<ArgumentException>(() => h.Rebin(0, 2));

        // A regular axis may also be rebinned to a subset of its edges; the second axis is untouched.
        var h2 = new Histogram(new RegularAxis(4, 0, 4), new RegularAxis(2, 0, 2));
        h2.Fill([new double[] { 0.5, 1.5, 3.5 }, new double[] { 0.5, 1.5, 0.5 }], [1, 2, 4]);
        var r = h2.Rebin(0, [0.0, 2.0, 4.0]);
        Assert.Equal(3.0, r.Value(1, 1) + r.Value(1, 2));
        Assert.Equal(1.0, r.Value(1, 1));
        Assert.Equal(4.0, r.Value(2, 1));
        Assert.Equal(h2.Total(), r.Total());
    }
}
