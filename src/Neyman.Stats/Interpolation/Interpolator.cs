namespace Neyman.Stats.Interpolation;

/// <summary>Dispatches to the interpolation code chosen for a modifier.</summary>
public static class Interpolator
{
    /// <summary>
    /// The value at <paramref name="alpha"/> of a quantity that is <paramref name="low"/>, <paramref name="nominal"/>
    /// and <paramref name="high"/> at alpha = -1, 0, +1, with its derivative.
    /// </summary>
    public static double Value(InterpolationCode code, double alpha, double low, double nominal, double high, out double derivative) => code switch
    {
        InterpolationCode.Code0 => Code0.Value(alpha, low, nominal, high, out derivative),
        InterpolationCode.Code1 => Code1.Value(alpha, low, nominal, high, out derivative),
        InterpolationCode.Code2 => Code2.Value(alpha, low, nominal, high, out derivative),
        InterpolationCode.Code4 => Code4.Value(alpha, low, nominal, high, out derivative),
        _ => Code4P.Value(alpha, low, nominal, high, out derivative),
    };

    /// <summary>Parses "code0", "code1", "code2", "code4" or "code4p" (case-insensitive); null when unknown.</summary>
    public static InterpolationCode? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "code0" or "0" => InterpolationCode.Code0,
        "code1" or "1" => InterpolationCode.Code1,
        "code2" or "2" => InterpolationCode.Code2,
        "code4" or "4" => InterpolationCode.Code4,
        "code4p" or "4p" => InterpolationCode.Code4P,
        _ => null,
    };
}
