namespace Neyman.Events.Simulation;

/// <summary>
/// A Breit-Wigner line shape on a fixed window, with the arctangents of the window ends computed once; sampling gives
/// the same masses as <see cref="BreitWigner.Sample"/>, up to rounding of the last digit.
/// </summary>
internal readonly struct BreitWignerWindow
{
    private readonly double _mass;
    private readonly double _halfWidth;
    private readonly double _lowAngle;
    private readonly double _angleRange;

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
    }

    public double Low { get; }

    public double High { get; }

    /// <summary>The mass at cumulative probability <paramref name="uniform"/>; above <paramref name="limit"/> the window is cut there.</summary>
    public double Sample(double uniform, double limit = double.PositiveInfinity)
    {
        if (limit < High)
        {
            return BreitWigner.Sample(uniform, _mass, 2 * _halfWidth, Low, limit);
        }
        return Math.Clamp(_mass + _halfWidth * Math.Tan(_lowAngle + uniform * _angleRange), Low, High);
    }
}
