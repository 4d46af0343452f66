namespace Neyman.Core;

/// <summary>
/// Bad input from outside the program: a file, a field in it, a command-line argument.
/// Every reader and validator raises this one family, so the command-line program can map it
/// to exit code 2 and one clear line that names where the problem is and what was expected.
/// </summary>
public class InputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong and, where useful, what was expected.</param>
    /// <param name="source">The file (or "-" for standard input, or an option name) the input came from.</param>
    /// <param name="location">Where in the source: "line 12, column 'pt'", a JSON path, a dataset name.</param>
    /// <param name="inner">The underlying parser error, if any.</param>
    public InputException(string problem, string? source = null, string? location = null, Exception? inner = null)
        : base(Compose(problem, source, location), inner)
    {
        Problem = problem;
        Source = source;
        Location = location;
    }

    /// <summary>What is wrong, without the source and location.</summary>
    public string Problem { get; }

    /// <summary>The file or argument the bad input came from, if known.</summary>
    public new string? Source { get; }

    /// <summary>The place inside the source (line and column, JSON path), if known.</summary>
    public string? Location { get; }

    /// <summary>
    /// Text that is not JSON: the parser's message up to its own position note as the problem, its line and column
    /// (counted from 1) as the location.
    /// </summary>
    /// <param name="error">The parser's error.</param>
    /// <param name="source">The file the text came from.</param>
    /// <param name="expected">What the text should have been ("valid JSON", "a valid JSON model file").</param>
    public static InputException InvalidJson(System.Text.Json.JsonException error, string? source, string expected = "valid JSON")
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        foreach (var note in (ReadOnlySpan<string>)[" Path:", " LineNumber:"])
        {
            var cut = message.IndexOf(note, StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
        }
        var where = error.LineNumber is { } line ? $"line {line + 1}, column {(error.BytePositionInLine ?? 0) + 1}" : null;
        return new InputException($"not {expected}: {message.TrimEnd()}", source, where, error);
    }

    private static string Compose(string problem, string? source, string? location)
    {
        var where = (source, location) switch
        {
            (null, null) => "",
            (not null, null) => source + ": ",
            (null, not null) => location + ": ",
            _ => source + ", " + location + ": ",
        };
        return where + problem;
    }
}
