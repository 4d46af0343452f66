namespace Neyman.Cli;

/// <summary>
/// What a command may touch: its output and error writers and standard input. Passed in so that
/// tests run the program in process and nothing below the CLI sees the console.
/// </summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<TextReader> OpenStandardInput);
