using System.Globalization;

namespace Neyman.Events.IO.Csv;

/// <summary>
/// Parses and formats numbers in CSV fields: invariant culture, shortest round-trip output, and the
/// spellings of missing and infinite values that numpy, pandas and ROOT write
/// (<c>nan</c>, <c>NaN</c>, empty, <c>inf</c>, <c>-inf</c>, <c>Infinity</c>).
/// </summary>
public static class CsvNumber
{
    private const NumberStyles Style = NumberStyles.Float;

    /// <summary>Parses a field as float32 (directly, so a float32 written in round-trip form comes back exactly).</summary>
    public static bool TryParseSingle(ReadOnlySpan<char> field, out float value)
    {
        field = Unquote(field.Trim());
        if (float.TryParse(field, Style, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        if (TryParseSpecial(field, out var special))
        {
            value = (float)special;
            return true;
        }
        return false;
    }

    /// <summary>Parses a field as float64.</summary>
    public static bool TryParseDouble(ReadOnlySpan<char> field, out double value)
    {
        field = Unquote(field.Trim());
        if (double.TryParse(field, Style, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        return TryParseSpecial(field, out value);
    }

    /// <summary>Writes a float32 in shortest round-trip form; NaN as <c>nan</c>, infinities as <c>inf</c>/<c>-inf</c>.</summary>
    public static bool TryFormat(float value, Span<char> destination, out int written)
    {
        if (float.IsFinite(value))
        {
            return value.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);
        }
        return TryFormatSpecial(double.IsNaN(value) ? 0 : Math.Sign(value), destination, out written);
    }

    /// <summary>Writes a float64 in shortest round-trip form; NaN as <c>nan</c>, infinities as <c>inf</c>/<c>-inf</c>.</summary>
    public static bool TryFormat(double value, Span<char> destination, out int written)
    {
        if (double.IsFinite(value))
        {
            return value.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);
        }
        return TryFormatSpecial(double.IsNaN(value) ? 0 : Math.Sign(value), destination, out written);
    }

    /// <summary>Removes one pair of surrounding double quotes.</summary>
    public static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field) =>
        field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1] : field;

    private static bool TryParseSpecial(ReadOnlySpan<char> field, out double value)
    {
        if (field.IsEmpty || Is(field, "nan") || Is(field, "-nan") || Is(field, "na") || Is(field, "null"))
        {
            value = double.NaN;
            return true;
        }
        var negative = field[0] == '-';
        var body = field[0] is '-' or '+' ? field[1..] : field;
        if (Is(body, "inf") || Is(body, "infinity"))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        value = 0;
        return false;
    }

    private static bool Is(ReadOnlySpan<char> field, string word) => field.Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool TryFormatSpecial(int sign, Span<char> destination, out int written)
    {
        var text = sign switch { 0 => "nan", > 0 => "inf", _ => "-inf" };
        written = 0;
        if (!text.AsSpan().TryCopyTo(destination))
        {
            return false;
        }
        written = text.Length;
        return true;
    }
}
