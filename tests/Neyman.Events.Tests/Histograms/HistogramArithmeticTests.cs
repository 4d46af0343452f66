using Neyman.Core;
using Neyman.Events.Histograms;

namespace Neyman.Events.Tests.Histograms;

public class HistogramArithmeticTests
{
    private static Histogram Make(double[] values, double[] variances) =>
        Histogram.FromStorage([new RegularAxis(2, 0, 1)], values, variances);

    [Fact]
    public void Add_subtract_and_scale_combine_sums_and_variances()
    {
        var a = Make([1, 2, 3, 4], [1, 4, 9, 16]);
        var b = Make([0.5, 1, 1.5, 2], [0.25, 1, 2.25, 4]);
        var sum = a.Clone();
        sum.Add(b);
        Assert.Equal(new[] { 1.5, 3, 4.5, 6 }, sum.Values.ToArray());
        Assert.Equal(new[] { 1.25, 5, 11.25, 20 }, sum.Variances.ToArray());
        var difference = a.Clone();
        difference.Subtract(b);
        Assert.Equal(new[] { 0.5, 1, 1.5, 2 }, difference.Values.ToArray());
        Assert.Equal(new[] { 1.25, 5, 11.25, 20 }, difference.Variances.ToArray());
        var scaled = a.Clone();
        scaled.Scale(-3);
        Assert.Equal(new[] { -3.0, -6, -9, -12 }, scaled.Values.ToArray());
        Assert.Equal(new[] { 9.0, 36, 81, 144 }, scaled.Variances.ToArray());
        // The original is untouched by operations on clones.
        Assert.Equal(new[] { 1.0, 2, 3, 4 }, a.Values.ToArray());
    }

    [Fact]
    public void Scale_matches_filling_with_scaled_weights()
    {
        var random = new RandomStream(9);
        var x = new double[100];
        var w = new double[100];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = random.NextUniform(-0.2, 1.2);
            w[i] = random.NextInt(4) + 1;
        }
        var h = new Histogram(new RegularAxis(2, 0, 1));
        h.Fill(x, w);
        h.Scale(0.5);
        var direct = new Histogram(new RegularAxis(2, 0, 1));
        direct.Fill(x, w.Select(v => 0.5 * v).ToArray());
        Assert.Equal(direct.Values.ToArray(), h.Values.ToArray());
        Assert.Equal(direct.Variances.ToArray(), h.Variances.ToArray());
    }

    [Fact]
    public void Multiply_and_divide_propagate_uncorrelated_errors()
    {
        var a = Make([2, 3, 4, 5], [1, 2, 3, 4]);
        var b = Make([4, 0, 2, 0.5], [2, 1, 1, 0.25]);
        var product = a.Clone();
        product.Multiply(b);
        Assert.Equal(new[] { 8.0, 0, 8, 2.5 }, product.Values.ToArray());
        // b^2 var_a + a^2 var_b.
        Assert.Equal(new[] { 16 + 8.0, 0 + 9, 4 * 3 + 16, 0.25 * 4 + 25 * 0.25 }, product.Variances.ToArray());
        var quotient = a.Clone();
        quotient.Divide(b);
        Assert.Equal(new[] { 0.5, 0, 2, 10 }, quotient.Values.ToArray());
        // (var_a / b^2 + a^2 var_b / b^4); the 0 divisor gives 0 and 0.
        var expected = new[] { 1 / 16.0 + 4 * 2 / 256.0, 0, 3 / 4.0 + 16 / 16.0, 4 / 0.25 + 25 * 0.25 / 0.0625 };
        var actual = quotient.Variances.ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-14 * expected[i]);
        }
        // Relative errors add in quadrature: (sigma_q / q)^2 = (sigma_a / a)^2 + (sigma_b / b)^2.
        Assert.Equal(1 / 4.0 + 2 / 16.0, actual[0] / (0.5 * 0.5), 1e-14);
    }

    [Fact]
    public void Operations_on_different_axes_are_rejected_with_both_axes_named()
    {
        var a = new Histogram(new RegularAxis(2, 0, 1));
        var b = new Histogram(new RegularAxis(3, 0, 1));
        var e = Assert.Throws<ArgumentException>(() => a.Add(b));
        Assert.Contains("2 bins", e.Message);
        Assert.Contains("3 bins", e.Message);
        Assert.Throws<ArgumentException>(() => a.Subtract(b));
        Assert.Throws<ArgumentException>(() => a.Multiply(b));
        Assert.Throws<ArgumentException>(() => a.Divide(b));
        var merge = Assert.Throws<ArgumentException>(() => Histogram.Merge([a, a, b]));
        Assert.Contains("part 2", merge.Message);
        Assert.Throws<ArgumentException>(() => Histogram.Merge([]));
        Assert.Throws<ArgumentException>(() => Histogram.FromStorage([new RegularAxis(2, 0, 1)], new double[3], new double[4]));
    }
}
