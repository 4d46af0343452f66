using System.Text.RegularExpressions;

namespace Neyman.Cli.Commands;

/// <summary>The shapes of the settings checks' messages that the command line rewrites as expectations.</summary>
internal static partial class ExpectationPattern
{
    /// <summary>.NET's range checks: "Name ('value') must be ...".</summary>
    [GeneratedRegex(@"^\w+ \('[^']*'\) must be (?<rest>.*?)\.?$")]
    public static partial Regex FrameworkMessage();

    /// <summary>The libraries' own: "Must be ..." or "Name must be ...".</summary>
    [GeneratedRegex(@"^(?:\w+ )?[Mm]ust be (?<rest>.*?)\.?$")]
    public static partial Regex SettingMessage();
}
