using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Modifiers;

/// <summary>The bin-count check shared by modifiers with per-bin data.</summary>
internal static class BinCheck
{
    public static void Require(JsonRead json, int found, int expected, string path)
    {
        if (found != expected)
        {
            throw json.Error(path, $"expected {expected} values (one per bin of the sample), found {found}");
        }
    }
}
