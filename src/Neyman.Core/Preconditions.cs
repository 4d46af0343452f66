using System.Runtime.CompilerServices;

namespace Neyman.Core;

/// <summary>Argument checks for public entry points; they throw <see cref="ArgumentException"/> kinds.</summary>
public static class Preconditions
{
    /// <summary>Throws <see cref="ArgumentException"/> with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void CheckArgument(bool condition, string message, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition)
        {
            throw new ArgumentException(message + " (" + expression + ")");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double CheckRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, $"expected a value in [{min}, {max}]");
        }
        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is positive.</summary>
    public static int CheckPositive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "expected a positive value");
        }
        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is finite.</summary>
    public static double CheckFinite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "expected a finite value");
        }
        return value;
    }
}
