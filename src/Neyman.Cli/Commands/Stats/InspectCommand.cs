using System.CommandLine;
using Neyman.Stats.Workspaces;

namespace Neyman.Cli.Commands.Stats;

/// <summary><c>neyman inspect WORKSPACE</c>: a summary of channels, samples, parameters and measurements.</summary>
internal static class InspectCommand
{
    public static Command Create(CliContext context)
    {
        var input = new StatsInput();
        var command = new Command("inspect", "Summarise a pyhf workspace: channels, samples, parameters, modifiers, measurements.");
        input.AddTo(command);
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var workspace = input.LoadWorkspace(result, context);
            input.Write(result, context, WorkspaceSummary.Describe(workspace, input.ModelOptions(result)));
            return NeymanApp.Success;
        }));
        return command;
    }
}
