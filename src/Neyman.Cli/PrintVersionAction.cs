using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Neyman.Cli;

/// <summary>Prints the version of the Neyman program itself (not of whatever process hosts it).</summary>
internal sealed class PrintVersionAction(CliContext context) : SynchronousCommandLineAction
{
    /// <summary>The informational version without the source-revision suffix.</summary>
    public static string Version
    {
        get
        {
            var attribute = typeof(NeymanApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>();
            var text = attribute?.InformationalVersion ?? typeof(NeymanApp).Assembly.GetName().Version?.ToString() ?? "0.0.0";
            var plus = text.IndexOf('+');
            return plus < 0 ? text : text[..plus];
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        context.Out.WriteLine(Version);
        return 0;
    }
}
