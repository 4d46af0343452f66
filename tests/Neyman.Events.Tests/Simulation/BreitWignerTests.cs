using Neyman.Core;
using Neyman.Events.Simulation;

namespace Neyman.Events.Tests.Simulation;

public sealed class BreitWignerTests
{
    [Fact]
    public void Sampling_inverts_the_truncated_cumulative_distribution()
    {
        foreach (var u in new[] { 0.0, 0.01, 0.25, 0.5, 0.9, 0.999 })
        {
            var m = BreitWigner.Sample(u, 80.3692, 2.085, 60, 95);
            Assert.Equal(u, BreitWigner.Cumulative(m, 80.3692, 2.085, 60, 95), 12);
        }
    }

    [Fact]
    public void A_symmetric_window_has_its_median_at_the_pole_and_quantiles_in_closed_form()
    {
        const double mass = 172.57, width = 1.42;
        Assert.Equal(mass, BreitWigner.Sample(0.5, mass, width, mass - 10 * width, mass + 10 * width), 10);
        // For the window m0 +- 10 Gamma the 75% quantile is m0 + Gamma/2 tan(atan(20) / 2).
        var expected = mass + 0.5 * width * Math.Tan(0.5 * Math.Atan(20));
        Assert.Equal(expected, BreitWigner.Sample(0.75, mass, width, mass - 10 * width, mass + 10 * width), 10);
    }

    [Fact]
    public void Samples_follow_the_line_shape()
    {
        // The fraction within m0 +- Gamma/2 of a window m0 +- 10 Gamma is atan(1) / atan(20).
        var random = new RandomStream(3);
        const int n = 200_000;
        var inside = 0;
        for (var i = 0; i < n; i++)
        {
            var m = BreitWigner.Sample(random.NextDouble(), 125, 4, 85, 165);
            inside += Math.Abs(m - 125) < 2 ? 1 : 0;
        }
        var p = Math.Atan(1) / Math.Atan(20);
        Assert.InRange(inside / (double)n, p - 4 * Math.Sqrt(p * (1 - p) / n), p + 4 * Math.Sqrt(p * (1 - p) / n));
    }

    [Theory]
    [InlineData(125, 4, 85, 165)] // +-10 widths: rejection from Cauchy deviates
    [InlineData(80.3692, 2.085, 60, 81)] // cut just above the pole: still rejection
    [InlineData(80.3692, 2.085, 60, 70)] // far in the tail, under a quarter of the line shape: inversion
    public void Samples_from_a_stream_follow_the_truncated_cumulative_distribution(double mass, double width, double low, double high)
    {
        // The largest distance between the empirical and the exact cumulative distribution (Kolmogorov's D) of 100,000
        // masses stays below 1.63 / sqrt(n), its 1% critical value.
        var random = new RandomStream(7);
        const int n = 100_000;
        var masses = new double[n];
        for (var i = 0; i < n; i++)
        {
            masses[i] = BreitWigner.Sample(random, mass, width, low, high);
            Assert.InRange(masses[i], low, high);
        }
        Array.Sort(masses);
        var d = 0.0;
        for (var i = 0; i < n; i++)
        {
            var cdf = BreitWigner.Cumulative(masses[i], mass, width, low, high);
            d = Math.Max(d, Math.Max(Math.Abs(cdf - (double)i / n), Math.Abs(cdf - (i + 1.0) / n)));
        }
        Assert.True(d < 1.63 / Math.Sqrt(n), $"Kolmogorov D = {d}");
    }

    [Fact]
    public void Azimuthal_directions_are_unit_vectors_uniform_in_phi()
    {
        // Uniform phi: <cos> = <sin> = <sin cos> = 0, <cos^2> = 1/2, each within 5 standard errors.
        var random = new RandomStream(8);
        const int n = 200_000;
        double c = 0, s = 0, cs = 0, c2 = 0;
        for (var i = 0; i < n; i++)
        {
            var (cos, sin) = TwoBodyDecay.AzimuthalDirection(random);
            Assert.Equal(1.0, cos * cos + sin * sin, 12);
            c += cos;
            s += sin;
            cs += sin * cos;
            c2 += cos * cos;
        }
        var error = 5 * Math.Sqrt(0.5 / n);
        Assert.InRange(c / n, -error, error);
        Assert.InRange(s / n, -error, error);
        Assert.InRange(cs / n, -error, error);
        Assert.InRange(c2 / n, 0.5 - error, 0.5 + error);
    }

    [Fact]
    public void An_empty_window_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => BreitWigner.Sample(0.5, 80, 2, 90, 90));
    }
}
