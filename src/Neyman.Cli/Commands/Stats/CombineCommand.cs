using System.CommandLine;
using Neyman.Stats.Workspaces;

namespace Neyman.Cli.Commands.Stats;

/// <summary><c>neyman combine LEFT RIGHT</c>: one workspace from two with disjoint channels.</summary>
internal static class CombineCommand
{
    public static Command Create(CliContext context)
    {
        var input = new StatsInput();
        var right = new Argument<string>("OTHER") { Description = "second workspace JSON file" };
        var command = new Command("combine", "Combine two pyhf workspaces with disjoint channels.");
        command.Arguments.Add(input.Workspace);
        command.Arguments.Add(right);
        command.Options.Add(input.OutputFile);
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var leftPath = result.GetValue(input.Workspace)!;
            var rightPath = result.GetValue(right)!;
            var left = Workspace.FromJson(StatsInput.ReadJson(leftPath, context), leftPath);
            var other = Workspace.FromJson(StatsInput.ReadJson(rightPath, context), rightPath);
            input.Write(result, context, WorkspaceOperations.Combine(left, other).ToJson());
            return NeymanApp.Success;
        }));
        return command;
    }
}
