using System.CommandLine;
using Neyman.Core;

namespace Neyman.Cli;

/// <summary>The <c>neyman</c> program: builds the command tree and maps failures to exit codes.</summary>
public static class NeymanApp
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for an unexpected internal failure.</summary>
    public const int InternalError = 1;

    /// <summary>Exit code for bad input: arguments, files, fields.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code for a computation that did not converge.</summary>
    public const int NotConverged = 3;

    /// <summary>Runs the program with the given arguments and writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<TextReader>? standardInput = null)
    {
        var context = new CliContext(output, error, standardInput ?? (() => Console.In));
        var root = CommandCatalog.CreateRoot(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var e in parsed.Errors)
            {
                error.WriteLine("error: " + e.Message);
            }
            error.WriteLine("Run '" + string.Join(' ', ["neyman", .. CommandPath(parsed), "--help"]) + "' for usage.");
            return BadInput;
        }
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return Guard(error, () => parsed.Invoke(configuration));
    }

    /// <summary>Runs <paramref name="action"/>, turning the exception families into one line and an exit code.</summary>
    public static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (InputException e)
        {
            error.WriteLine("error: " + e.Message);
            return BadInput;
        }
        catch (NonConvergenceException e)
        {
            error.WriteLine("error: did not converge: " + e.Message);
            return NotConverged;
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0 && e.InnerExceptions.All(x => x is InputException))
        {
            foreach (var inner in e.InnerExceptions.Take(5))
            {
                error.WriteLine("error: " + inner.Message);
            }
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("error: cancelled");
            return InternalError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + e.Message);
            return BadInput;
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var r = parsed.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (r.Command is not RootCommand)
            {
                names.Insert(0, r.Command.Name);
            }
        }
        return names;
    }
}
