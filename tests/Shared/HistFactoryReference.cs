namespace Neyman.Tests.Shared;

/// <summary>
/// Finds ../shared/reference/histfactory (the pyhf and ROOT reference numbers) beside the repository.
/// Compiled into every test project that reads it; tests that need it use the attributes below, so a
/// clone without the folder reports them as skipped, with the reason.
/// </summary>
public static class HistFactoryReference
{
    /// <summary>The skip reason where the folder is absent.</summary>
    public const string Missing = "../shared/reference/histfactory not found";

    private static readonly Lazy<string?> Root = new(() =>
        Locate(AppContext.BaseDirectory) ?? Locate(Directory.GetCurrentDirectory()) ?? Locate(ThisFolder()));

    /// <summary>The folder, or null when absent.</summary>
    public static string? Folder => Root.Value;

    private static string ThisFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? "";

    private static string? Locate(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Neyman.slnx")))
            {
                var shared = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared", "reference", "histfactory");
                return Directory.Exists(shared) ? shared : null;
            }
        }
        return null;
    }
}

/// <summary>A fact that needs ../shared/reference/histfactory: skipped, with the reason, where it is absent.</summary>
public sealed class SharedReferenceFactAttribute : FactAttribute
{
    public SharedReferenceFactAttribute()
    {
        if (HistFactoryReference.Folder is null)
        {
            Skip = HistFactoryReference.Missing;
        }
    }
}

/// <summary>A theory that needs ../shared/reference/histfactory: skipped, with the reason, where it is absent.</summary>
public sealed class SharedReferenceTheoryAttribute : TheoryAttribute
{
    public SharedReferenceTheoryAttribute()
    {
        if (HistFactoryReference.Folder is null)
        {
            Skip = HistFactoryReference.Missing;
        }
    }
}
