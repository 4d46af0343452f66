using Neyman.Events.Histograms;

namespace Neyman.Events.Tests.Histograms;

public class HistogramFillTests
{
    [Fact]
    public void Weighted_fill_sums_weights_and_squares_per_bin_including_flow()
    {
        var h = new Histogram(new RegularAxis(2, 0, 2));
        h.Fill([-1, 0.5, 0.7, 1.5, 5], [2, 0.5, 1.5, 3, -1]);
        Assert.Equal(new[] { 2.0, 2.0, 3.0, -1.0 }, h.Values.ToArray());
        Assert.Equal(new[] { 4.0, 2.5, 9.0, 1.0 }, h.Variances.ToArray());
        Assert.Equal(Math.Sqrt(2.5), h.Error(1));
        Assert.Equal(new[] { 2.0, Math.Sqrt(2.5), 3.0, 1.0 }, h.Errors());
        Assert.Equal(6.0, h.Total());
    }

    [Fact]
    public void Unweighted_scalar_and_float_fills_agree()
    {
        var spans = new Histogram(new VariableAxis([0, 1, 3]));
        spans.Fill([0.5, 2, 2.5, 3, double.NaN, -0.5]);
        Assert.Equal(new[] { 1.0, 1.0, 2.0, 2.0 }, spans.Values.ToArray());
        Assert.Equal(spans.Values.ToArray(), spans.Variances.ToArray());

        var scalar = new Histogram(new VariableAxis([0, 1, 3]));
        foreach (var x in new[] { 0.5, 2, 2.5, 3, double.NaN, -0.5 })
        {
            scalar.Fill(x);
        }
        Assert.Equal(spans.Values.ToArray(), scalar.Values.ToArray());

        var floats = new Histogram(new VariableAxis([0, 1, 3]));
        floats.Fill([0.5f, 2f, 2.5f, 3f, float.NaN, -0.5f], [1f, 1f, 1f, 1f, 1f, 1f]);
        Assert.Equal(spans.Values.ToArray(), floats.Values.ToArray());
        Assert.Equal(spans.Variances.ToArray(), floats.Variances.ToArray());
    }

    [Fact]
    public void Two_dimensional_fill_uses_first_axis_fastest_storage()
    {
        var h = new Histogram(new RegularAxis(2, 0, 2), new VariableAxis([0, 10, 20, 30]));
        Assert.Equal(4 * 5, h.Size);
        Assert.Equal(2, h.Rank);
        double[] x = [0.5, 1.5, 1.5, -3, 0.5];
        double[] y = [25, 5, 5, 15, 99];
        h.Fill([x, y], [1, 2, 4, 0.5, 3]);
        Assert.Equal(1.0, h.Value(1, 3));
        Assert.Equal(6.0, h.Value(2, 1));
        Assert.Equal(20.0, h.Variance(2, 1));
        Assert.Equal(0.5, h.Value(0, 2));
        Assert.Equal(3.0, h.Value(1, 4));
        Assert.Equal(2 + 1 * 4, h.FlatIndex(2, 1));
        Assert.Equal(6.0, h.Values[h.FlatIndex(2, 1)]);
        Assert.Equal(10.5, h.Total());

        var one = new Histogram(new RegularAxis(2, 0, 2), new VariableAxis([0, 10, 20, 30]));
        for (var k = 0; k < x.Length; k++)
        {
            one.FillOne([x[k], y[k]], new[] { 1.0, 2, 4, 0.5, 3 }[k]);
        }
        Assert.Equal(h.Values.ToArray(), one.Values.ToArray());
        Assert.Equal(h.Variances.ToArray(), one.Variances.ToArray());
    }

    [Fact]
    public void Mismatched_fill_arguments_are_rejected()
    {
        var h = new Histogram(new RegularAxis(2, 0, 2));
        Assert.Throws<ArgumentException>(() => h.Fill([1.0, 2.0], [1.0]));
        Assert.Throws<ArgumentException>(() => h.FillOne([1.0, 2.0]));
        var h2 = new Histogram(new RegularAxis(2, 0, 2), new RegularAxis(2, 0, 2));
        Assert.Throws<ArgumentException>(() => h2.Fill(1.0));
        Assert.Throws<ArgumentException>(() => h2.Fill([new double[2], new double[3]]));
        Assert.Throws<ArgumentOutOfRangeException>(() => h2.Value(4, 0));
        Assert.Throws<ArgumentException>(() => h2.Value(1));
        Assert.Throws<ArgumentException>(() => new Histogram());
    }
}
