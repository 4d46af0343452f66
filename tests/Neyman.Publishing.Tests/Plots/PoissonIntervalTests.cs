using Neyman.Publishing.Plots;

namespace Neyman.Publishing.Tests.Plots;

public sealed class PoissonIntervalTests
{
    private const double Tail = 0.15865525393145707;

    private static double PoissonCdf(int n, double mean)
    {
        double term = Math.Exp(-mean), sum = term;
        for (var k = 1; k <= n; k++)
        {
            term *= mean / k;
            sum += term;
        }
        return sum;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(42)]
    public void GarwoodBoundsLeaveOneSigmaTailsOnEachSide(int n)
    {
        var (lower, upper) = PoissonInterval.Garwood(n);
        // Upper: P(X <= n | upper) = tail. Lower: P(X >= n | lower) = tail.
        Assert.Equal(Tail, PoissonCdf(n, upper), 9);
        if (n == 0)
        {
            Assert.Equal(0, lower);
        }
        else
        {
            Assert.Equal(Tail, 1 - PoissonCdf(n - 1, lower), 9);
        }
    }

    [Fact]
    public void ZeroCountsHaveTheUsualUpperBound() => Assert.Equal(-Math.Log(Tail), PoissonInterval.Garwood(0).Upper, 9);
}
