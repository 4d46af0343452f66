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

    [Fact]
    public void An_empty_window_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => BreitWigner.Sample(0.5, 80, 2, 90, 90));
    }
}
