using System.CommandLine;
using Neyman.Core;
using Neyman.Stats.Workspaces;

namespace Neyman.Cli.Commands.Stats;

/// <summary><c>neyman rename WORKSPACE</c>: rename channels, samples, modifiers or measurements (OLD=NEW).</summary>
internal static class RenameCommand
{
    public static Command Create(CliContext context)
    {
        var input = new StatsInput();
        var channel = PruneCommand.Repeatable("--channel", "OLD=NEW channel rename");
        var sample = PruneCommand.Repeatable("--sample", "OLD=NEW sample rename");
        var modifier = PruneCommand.Repeatable("--modifier", "OLD=NEW modifier rename");
        var measurement = PruneCommand.Repeatable("--measurement", "OLD=NEW measurement rename");
        var command = new Command("rename", "Rename channels, samples, modifiers or measurements of a workspace.");
        command.Arguments.Add(input.Workspace);
        foreach (var option in new[] { channel, sample, modifier, measurement })
        {
            command.Options.Add(option);
        }
        command.Options.Add(input.OutputFile);
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var path = result.GetValue(input.Workspace)!;
            var workspace = Workspace.FromJson(StatsInput.ReadJson(path, context), path);
            var renamed = WorkspaceOperations.Rename(
                workspace, Pairs(result.GetValue(channel), "--channel"), Pairs(result.GetValue(sample), "--sample"),
                Pairs(result.GetValue(modifier), "--modifier"), Pairs(result.GetValue(measurement), "--measurement"));
            input.Write(result, context, renamed.ToJson());
            return NeymanApp.Success;
        }));
        return command;
    }

    private static Dictionary<string, string> Pairs(string[]? items, string option)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items ?? [])
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0 || !map.TryAdd(parts[0], parts[1]))
            {
                throw new InputException($"cannot read '{item}'; expected OLD=NEW, each OLD once", option);
            }
        }
        return map;
    }
}
