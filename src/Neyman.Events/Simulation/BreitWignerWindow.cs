using System.Runtime.CompilerServices;
using Neyman.Core;

namespace Neyman.Events.Simulation;

/// <summary>
/// A Breit-Wigner line shape on a fixed window, with the arctangents of the window ends computed once, sampled by
/// rejection from Cauchy deviates (no tangent) or, for windows holding little of the line shape, by inversion.
/// </summary>
internal readonly struct BreitWignerWindow
{
    private readonly double _mass;
    private readonly double _halfWidth;
    private readonly double _lowAngle;
    private readonly double _angleRange;
    // A window cut at h keeps at least a quarter of the line shape (pi/4 of angle) while (h - m0) / (Gamma/2) is above
    // this, which spares an arctangent per cut window.
    private readonly double _quarterEnd;

    public BreitWignerWindow(double mass, double width, double low, double high)
    {
        if (!(width > 0) || !(low < high))
        {
            throw new ArgumentException($"a Breit-Wigner needs width > 0 and low < high, got width {width}, window [{low}, {high}]");
        }
        _mass = mass;
        _halfWidth = 0.5 * width;
        Low = low;
        High = high;
        _lowAngle = Math.Atan((low - mass) / _halfWidth);
        _angleRange = Math.Atan((high - mass) / _halfWidth) - _lowAngle;
        _quarterEnd = _lowAngle + (0.25 * Math.PI) < 0.5 * Math.PI ? Math.Tan(_lowAngle + (0.25 * Math.PI)) : double.PositiveInfinity;
    }

    public double Low { get; }

    public double High { get; }

    /// <summary>A mass from the line shape on the window; above <paramref name="limit"/> the window is cut there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Sample(RandomStream random, double limit = double.PositiveInfinity)
    {
        // A window cut further by what the parent leaves, or one holding little of the line shape: invert the cumulative
        // distribution when the rejection below would keep less than a quarter of the Cauchy deviates.
        var high = Math.Min(High, limit);
        if (limit < High ? (high - _mass) / _halfWidth < _quarterEnd : _angleRange < 0.25 * Math.PI)
        {
            return Quantile(random.NextDouble(), high, limit < High ? Math.Atan((high - _mass) / _halfWidth) - _lowAngle : _angleRange);
        }
        while (true)
        {
            // (v, u) uniform in the half disk v > 0: u / v is a standard Cauchy deviate.
            double u, v;
            do
            {
                u = 2 * random.NextDouble() - 1;
                v = random.NextDouble();
            }
            while (u * u + v * v >= 1 || v == 0);
            var m = _mass + _halfWidth * (u / v);
            if (m >= Low && m <= high)
            {
                return m;
            }
        }
    }

    /// <summary>The mass whose cumulative probability on the window is <paramref name="uniform"/>.</summary>
    public double Quantile(double uniform) => Quantile(uniform, High, _angleRange);

    /// <summary>The probability that the mass is below <paramref name="m"/>.</summary>
    public double Cumulative(double m) => (Math.Atan((Math.Clamp(m, Low, High) - _mass) / _halfWidth) - _lowAngle) / _angleRange;

    // m = m0 + Gamma/2 tan(a + u range) on the window [Low, high] whose angles span `range` from a.
    private double Quantile(double uniform, double high, double range) =>
        Math.Clamp(_mass + _halfWidth * Math.Tan(_lowAngle + uniform * range), Low, high);
}
