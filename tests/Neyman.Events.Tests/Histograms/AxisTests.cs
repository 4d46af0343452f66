using Neyman.Core;
using Neyman.Events.Histograms;

namespace Neyman.Events.Tests.Histograms;

public class AxisTests
{
    [Fact]
    public void Regular_axis_indexes_bins_and_flow()
    {
        var axis = new RegularAxis(4, 0, 2);
        Assert.Equal(4, axis.Bins);
        Assert.Equal(6, axis.Extent);
        Assert.Equal(new[] { 0.0, 0.5, 1.0, 1.5, 2.0 }, axis.Edges);
        Assert.Equal(0, axis.Index(-0.1));
        Assert.Equal(0, axis.Index(double.NegativeInfinity));
        Assert.Equal(1, axis.Index(0.0));
        Assert.Equal(1, axis.Index(Math.BitDecrement(0.5)));
        Assert.Equal(2, axis.Index(0.5));
        Assert.Equal(4, axis.Index(Math.BitDecrement(2.0)));
        Assert.Equal(5, axis.Index(2.0));
        Assert.Equal(5, axis.Index(double.PositiveInfinity));
        Assert.Equal(5, axis.Index(double.NaN));
        Assert.Equal(0.75, axis.Center(2));
        Assert.Equal(0.5, axis.Width(3));
        Assert.Equal(double.NegativeInfinity, axis.LowerEdge(0));
        Assert.Equal(double.PositiveInfinity, axis.UpperEdge(5));
    }

    [Fact]
    public void Regular_axis_index_agrees_with_its_edges_at_every_edge_and_between()
    {
        var axis = new RegularAxis(10, 0.1, 0.7);
        for (var i = 0; i <= axis.Bins; i++)
        {
            var edge = axis.Edges[i];
            Assert.Equal(i + 1, axis.Index(edge));
            Assert.Equal(i, axis.Index(Math.BitDecrement(edge)));
        }
        var random = new RandomStream(3);
        for (var k = 0; k < 10_000; k++)
        {
            var x = random.NextUniform(0.0, 0.8);
            var bin = axis.Index(x);
            Assert.True(axis.LowerEdge(bin) <= x && x < axis.UpperEdge(bin), $"x = {x} in bin {bin}");
        }
    }

    [Fact]
    public void Variable_axis_indexes_by_bisection()
    {
        var axis = new VariableAxis([0, 1, 3, 10]);
        Assert.Equal(3, axis.Bins);
        Assert.Equal(0, axis.Index(-1));
        Assert.Equal(1, axis.Index(0));
        Assert.Equal(2, axis.Index(2.9));
        Assert.Equal(3, axis.Index(3));
        Assert.Equal(3, axis.Index(9.99));
        Assert.Equal(4, axis.Index(10));
        Assert.Equal(4, axis.Index(double.NaN));
        Assert.Equal(7.0, axis.Width(3));
        var random = new RandomStream(4);
        var edges = new double[50];
        for (var i = 1; i < edges.Length; i++)
        {
            edges[i] = edges[i - 1] + random.NextUniform(0.01, 1);
        }
        var wide = new VariableAxis(edges);
        for (var k = 0; k < 5_000; k++)
        {
            var x = random.NextUniform(-1, edges[^1] + 1);
            var bin = wide.Index(x);
            Assert.True(wide.LowerEdge(bin) <= x && x < wide.UpperEdge(bin), $"x = {x} in bin {bin}");
        }
    }

    [Fact]
    public void Bad_axis_definitions_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegularAxis(0, 0, 1));
        Assert.Throws<ArgumentException>(() => new RegularAxis(3, 1, 1));
        Assert.Throws<ArgumentException>(() => new RegularAxis(3, 0, double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => new RegularAxis(3, double.NaN, 1));
        Assert.Throws<ArgumentException>(() => new VariableAxis([1.0]));
        var e = Assert.Throws<ArgumentException>(() => new VariableAxis([0, 1, 1, 2]));
        Assert.Contains("edge 2", e.Message);
        Assert.Throws<ArgumentException>(() => new VariableAxis([0, 2, 1]));
        Assert.Throws<ArgumentException>(() => new VariableAxis([0, double.NaN, 1]));
    }

    [Fact]
    public void Axes_are_equal_when_kind_and_edges_agree()
    {
        Assert.Equal(new RegularAxis(3, 0, 1), new RegularAxis(3, 0, 1));
        Assert.NotEqual(new RegularAxis(3, 0, 1), new RegularAxis(4, 0, 1));
        Assert.Equal(new VariableAxis([0, 1, 2]), new VariableAxis([0, 1, 2]));
        Assert.NotEqual<Axis>(new VariableAxis([0, 1, 2]), new RegularAxis(2, 0, 2));
        Assert.Equal(new VariableAxis([0, 1, 2]).GetHashCode(), new VariableAxis([0, 1, 2]).GetHashCode());
    }
}
