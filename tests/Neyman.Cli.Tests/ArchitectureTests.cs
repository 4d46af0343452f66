using System.Reflection;

namespace Neyman.Cli.Tests;

/// <summary>Dependencies flow one way: Core -> Events -> Learning -> Stats -> ... -> Cli.</summary>
public class ArchitectureTests
{
    private static readonly string[] Layers =
    [
        "Neyman.Core", "Neyman.Events", "Neyman.Learning", "Neyman.Stats", "Neyman.Unfolding",
        "Neyman.Publishing", "Neyman.Workflows", "neyman",
    ];

    [Fact]
    public void NoLibraryReferencesALaterLayer()
    {
        var folder = Path.GetDirectoryName(typeof(NeymanApp).Assembly.Location)!;
        var checkedAny = 0;
        for (var i = 0; i < Layers.Length; i++)
        {
            var file = Path.Combine(folder, Layers[i] + ".dll");
            if (!File.Exists(file))
            {
                continue;
            }
            checkedAny++;
            var references = AssemblyName.GetAssemblyName(file) is { } ? Assembly.LoadFrom(file).GetReferencedAssemblies() : [];
            foreach (var reference in references)
            {
                var layer = Array.IndexOf(Layers, reference.Name);
                Assert.True(layer < i, $"{Layers[i]} must not reference {reference.Name} (a later or equal layer)");
            }
        }
        Assert.True(checkedAny >= 4, "expected to find the library assemblies beside the CLI");
    }

    [Fact]
    public void LibrariesDoNotTouchTheConsole()
    {
        var folder = Path.GetDirectoryName(typeof(NeymanApp).Assembly.Location)!;
        foreach (var name in Layers.Where(n => n != "neyman"))
        {
            var file = Path.Combine(folder, name + ".dll");
            if (!File.Exists(file))
            {
                continue;
            }
            var assembly = Assembly.LoadFrom(file);
            var bytes = File.ReadAllBytes(file);
            // The member reference table names System.Console when a library calls it.
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            Assert.False(text.Contains("\0Console\0", StringComparison.Ordinal), $"{assembly.GetName().Name} references System.Console");
        }
    }
}
