namespace Neyman.Cli.Tests;

/// <summary>Runs the program in process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => RunWithInput(null, args);

    public static Result RunWithInput(string? standardInput, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = NeymanApp.Run(args, output, error, () => new StringReader(standardInput ?? ""));
        return new Result(code, output.ToString(), error.ToString());
    }
}
