namespace Neyman.Cli.Tests.Evaluation;

/// <summary>A fact that drives headless Chromium (installed by .ci/run): reported as skipped, with the reason, where it is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"{Chromium} is not installed (.ci/run installs Debian's chromium)";
        }
    }
}
