using Neyman.Core;

namespace Neyman.Cli.Commands.Events;

/// <summary>Parses comma-separated column lists given on the command line.</summary>
internal static class ColumnList
{
    /// <summary>The names in "a,b,c", or null for null/empty input.</summary>
    public static IReadOnlyList<string>? Parse(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0))
        {
            throw new InputException($"'{text}' has an empty column name; expected names separated by commas", option);
        }
        return names;
    }
}
