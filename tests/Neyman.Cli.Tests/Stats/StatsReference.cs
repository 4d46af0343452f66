using System.Text.Json.Nodes;

namespace Neyman.Cli.Tests.Stats;

/// <summary>Reads ../shared/reference/histfactory (found by <see cref="HistFactoryReference"/>) for the statistics verb tests.</summary>
public static class StatsReference
{
    public static string? Folder => HistFactoryReference.Folder;

    public static string PathOf(string relative) => Path.Combine(Folder!, relative);

    public static JsonNode ReadJson(string relative) => JsonNode.Parse(File.ReadAllText(PathOf(relative)))!;
}
