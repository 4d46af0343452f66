using System.Text.Json.Nodes;

namespace Neyman.Cli.Tests.Stats;

/// <summary>Locates ../shared/reference/histfactory for the statistics verb tests.</summary>
public static class StatsReference
{
    public const string Missing = "skipped: ../shared/reference/histfactory not found";

    private static readonly Lazy<string?> Root = new(() =>
        Locate(AppContext.BaseDirectory) ?? Locate(Directory.GetCurrentDirectory()) ?? Locate(ThisFolder()));

    public static string? Folder => Root.Value;

    public static string PathOf(string relative) => Path.Combine(Folder!, relative);

    public static JsonNode ReadJson(string relative) => JsonNode.Parse(File.ReadAllText(PathOf(relative)))!;

    private static string ThisFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? "";

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
