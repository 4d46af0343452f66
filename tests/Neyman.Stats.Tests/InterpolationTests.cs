using Neyman.Stats.Interpolation;

namespace Neyman.Stats.Tests;

/// <summary>The interpolation codes: values at the anchor points, closed forms, smoothness and derivatives.</summary>
public sealed class InterpolationTests
{
    public static IEnumerable<object[]> Codes() => Enum.GetValues<InterpolationCode>().Select(c => new object[] { c });

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_passes_through_low_nominal_and_high(InterpolationCode code)
    {
        Assert.Equal(80.0, Interpolator.Value(code, -1, 80, 100, 130, out _), 12);
        Assert.Equal(100.0, Interpolator.Value(code, 0, 80, 100, 130, out _), 12);
        Assert.Equal(130.0, Interpolator.Value(code, 1, 80, 100, 130, out _), 12);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Derivatives_match_finite_differences(InterpolationCode code)
    {
        foreach (var alpha in new[] { -2.3, -1.0000001, -0.7, -0.2, 0.1, 0.5, 0.9999, 1.5, 3.0 })
        {
            Interpolator.Value(code, alpha, 80, 100, 130, out var derivative);
            const double h = 1e-6;
            var numeric = (Interpolator.Value(code, alpha + h, 80, 100, 130, out _) - Interpolator.Value(code, alpha - h, 80, 100, 130, out _)) / (2 * h);
            Assert.True(Math.Abs(numeric - derivative) < 1e-5 * Math.Max(1, Math.Abs(numeric)), $"{code} at {alpha}: {derivative} vs {numeric}");
        }
    }

    [Fact]
    public void Closed_forms_outside_the_unit_interval()
    {
        // code0: linear; code1 and code4: exponential; code2: linear continuation of the parabola; code4p: linear.
        Assert.Equal(100 + 2 * 30, Interpolator.Value(InterpolationCode.Code0, 2, 80, 100, 130, out _), 12);
        Assert.Equal(100 - 2 * 20, Interpolator.Value(InterpolationCode.Code0, -2, 80, 100, 130, out _), 12);
        Assert.Equal(100 * Math.Pow(1.3, 2), Interpolator.Value(InterpolationCode.Code1, 2, 80, 100, 130, out _), 10);
        Assert.Equal(100 * Math.Pow(0.8, 2), Interpolator.Value(InterpolationCode.Code1, -2, 80, 100, 130, out _), 10);
        Assert.Equal(100 * Math.Pow(1.3, 2.5), Interpolator.Value(InterpolationCode.Code4, 2.5, 80, 100, 130, out _), 10);
        Assert.Equal(100 * Math.Pow(0.8, 1.5), Interpolator.Value(InterpolationCode.Code4, -1.5, 80, 100, 130, out _), 10);
        Assert.Equal(100 + 2 * 30, Interpolator.Value(InterpolationCode.Code4P, 2, 80, 100, 130, out _), 12);
        // code2 with a = (130 + 80)/2 - 100 = 5, b = 25: slope beyond +1 is b + 2a = 35.
        Assert.Equal(130 + 35 * 0.5, Interpolator.Value(InterpolationCode.Code2, 1.5, 80, 100, 130, out _), 12);
        Assert.Equal(5 * 0.25 + 25 * 0.5 + 100, Interpolator.Value(InterpolationCode.Code2, 0.5, 80, 100, 130, out _), 12);
    }

    [Fact]
    public void Code4_polynomial_meets_the_exponential_with_two_derivatives_at_the_joins()
    {
        Span<double> c = stackalloc double[6];
        const double low = 0.8, high = 1.3;
        Code4.Coefficients(low, high, c);
        foreach (var (join, value, slope, curvature) in new[]
        {
            (1.0, high, high * Math.Log(high), high * Math.Log(high) * Math.Log(high)),
            (-1.0, low, -low * Math.Log(low), low * Math.Log(low) * Math.Log(low)),
        })
        {
            double p = 1, dp = 0, d2p = 0;
            for (var i = 1; i <= 6; i++)
            {
                p += c[i - 1] * Math.Pow(join, i);
                dp += i * c[i - 1] * Math.Pow(join, i - 1);
                d2p += i * (i - 1) * c[i - 1] * Math.Pow(join, i - 2);
            }
            Assert.Equal(value, p, 12);
            Assert.Equal(slope, dp, 12);
            Assert.Equal(curvature, d2p, 12);
        }
        Assert.Equal(1.0, Code4.Factor(0, low, high, c, out _), 15);
    }

    [Fact]
    public void Code4p_polynomial_matches_its_formula()
    {
        const double up = 30, down = 20;
        var s = 0.5 * (up + down);
        var a = 0.0625 * (up - down);
        var alpha = 0.4;
        var expected = 100 + alpha * (s + alpha * a * (15 + alpha * alpha * (-10 + alpha * alpha * 3)));
        Assert.Equal(expected, Interpolator.Value(InterpolationCode.Code4P, alpha, 80, 100, 130, out _), 12);
    }
}
