using System.CommandLine;
using Neyman.Stats.Workspaces;

namespace Neyman.Cli.Commands.Stats;

/// <summary><c>neyman prune WORKSPACE</c>: remove channels, samples, modifiers, modifier types or measurements.</summary>
internal static class PruneCommand
{
    public static Command Create(CliContext context)
    {
        var input = new StatsInput();
        var channel = Repeatable("--channel", "channel to remove (with its observation)");
        var sample = Repeatable("--sample", "sample to remove from every channel");
        var modifier = Repeatable("--modifier", "modifier (parameter) name to remove");
        var modifierType = Repeatable("--modifier-type", "modifier type to remove");
        var measurement = Repeatable("--measurement", "measurement to remove");
        var command = new Command("prune", "Remove channels, samples, modifiers, modifier types or measurements from a workspace.");
        command.Arguments.Add(input.Workspace);
        foreach (var option in new[] { channel, sample, modifier, modifierType, measurement })
        {
            command.Options.Add(option);
        }
        command.Options.Add(input.OutputFile);
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var path = result.GetValue(input.Workspace)!;
            var workspace = Workspace.FromJson(StatsInput.ReadJson(path, context), path);
            var pruned = WorkspaceOperations.Prune(
                workspace, result.GetValue(channel), result.GetValue(sample), result.GetValue(modifier),
                result.GetValue(modifierType), result.GetValue(measurement));
            input.Write(result, context, pruned.ToJson());
            return NeymanApp.Success;
        }));
        return command;
    }

    internal static Option<string[]> Repeatable(string name, string description) =>
        new(name) { Description = description + " (repeatable)", AllowMultipleArgumentsPerToken = false };
}
