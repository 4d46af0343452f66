using System.Diagnostics;

namespace Neyman.Events.Tests.IO;

/// <summary>A fact that runs /usr/bin/python3 with h5py (installed by .ci/run): reported as skipped, with the reason, where either is absent.</summary>
public sealed class H5pyFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(PythonImportsH5py);

    public H5pyFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "/usr/bin/python3 with h5py is not available (.ci/run installs Debian's python3-h5py)";
        }
    }

    private static bool PythonImportsH5py()
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            return false;
        }
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", "import h5py"]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
