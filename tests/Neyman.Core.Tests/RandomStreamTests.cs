using Neyman.Core;

namespace Neyman.Core.Tests;

public class RandomStreamTests
{
    [Fact]
    public void SameSeedAndStreamGiveTheSameBits()
    {
        var a = new RandomStream(42, 7);
        var b = new RandomStream(42, 7);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Fact]
    public void DifferentStreamsDiffer()
    {
        var a = new RandomStream(42, 0);
        var b = new RandomStream(42, 1);
        var same = 0;
        for (var i = 0; i < 1000; i++)
        {
            same += a.NextUInt64() == b.NextUInt64() ? 1 : 0;
        }
        Assert.Equal(0, same);
    }

    [Fact]
    public void UniformMomentsMatch()
    {
        var r = new RandomStream(1);
        const int n = 200_000;
        double sum = 0, sum2 = 0;
        for (var i = 0; i < n; i++)
        {
            var u = r.NextDouble();
            Assert.InRange(u, 0.0, 1.0 - 1e-17);
            sum += u;
            sum2 += u * u;
        }
        Assert.Equal(0.5, sum / n, 0.005);
        Assert.Equal(1.0 / 12, sum2 / n - Math.Pow(sum / n, 2), 0.002);
    }

    [Fact]
    public void PointsInTheUnitDiskAreUniform()
    {
        // Uniform in the disk: u and v average 0, u^2 + v^2 averages 1/2 with variance 1/12, each within 5 standard errors.
        var r = new RandomStream(5);
        const int n = 200_000;
        double su = 0, sv = 0, ss = 0;
        for (var i = 0; i < n; i++)
        {
            var s = r.NextInUnitDisk(out var u, out var v);
            Assert.Equal(u * u + v * v, s);
            Assert.True(s > 0 && s < 1, $"s = {s}");
            su += u;
            sv += v;
            ss += s;
        }
        var error = 5 * Math.Sqrt(0.25 / n);
        Assert.InRange(su / n, -error, error);
        Assert.InRange(sv / n, -error, error);
        Assert.InRange(ss / n, 0.5 - 5 * Math.Sqrt(1.0 / 12 / n), 0.5 + 5 * Math.Sqrt(1.0 / 12 / n));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GaussianMomentsMatch(bool polar)
    {
        var r = new RandomStream(3);
        const int n = 200_000;
        double sum = 0, sum2 = 0, sum4 = 0;
        for (var i = 0; i < n; i++)
        {
            var x = polar ? r.NextGaussianPolar() : r.NextGaussian();
            sum += x;
            sum2 += x * x;
            sum4 += x * x * x * x;
        }
        Assert.Equal(0.0, sum / n, 0.01);
        Assert.Equal(1.0, sum2 / n, 0.01);
        Assert.Equal(3.0, sum4 / n, 0.06);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(7.0)]
    [InlineData(45.0)]
    [InlineData(1000.0)]
    public void PoissonMeanAndVarianceEqualTheParameter(double mean)
    {
        var r = new RandomStream(11);
        const int n = 100_000;
        double sum = 0, sum2 = 0;
        for (var i = 0; i < n; i++)
        {
            double k = r.NextPoisson(mean);
            sum += k;
            sum2 += k * k;
        }
        var m = sum / n;
        var v = sum2 / n - m * m;
        Assert.Equal(mean, m, 5 * Math.Sqrt(mean / n) + 1e-9);
        Assert.Equal(mean, v, 0.03 * mean + 0.01);
    }

    [Fact]
    public void NextIntCoversTheRangeUniformly()
    {
        var r = new RandomStream(5);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
        {
            counts[r.NextInt(7)]++;
        }
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void LogGammaMatchesFactorials()
    {
        Assert.Equal(Math.Log(120.0), SpecialFunctionsLite.LogGamma(6), 12);
        Assert.Equal(0.5 * Math.Log(Math.PI), SpecialFunctionsLite.LogGamma(0.5), 12);
    }
}
