using System.CommandLine;
using Neyman.Cli.Commands;
namespace Neyman.Cli;

/// <summary>The table of the program's verbs. Each verb lives in its own file under Commands/.</summary>
public static class CommandCatalog
{
    /// <summary>Builds the root command with every verb.</summary>
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand(
            "Neyman: machine learning and statistical inference for particle physics.\n" +
            "Simulate events, train classifiers, evaluate them, and compute limits from HistFactory likelihoods.");
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new PrintVersionAction(context);
            }
        }
        foreach (var command in Verbs(context))
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    private static IEnumerable<Command> Verbs(CliContext context)
    {
        // One line per verb; keep them in the order 'neyman --help' should list them.
        yield return DemoCommand.Create(context);
        yield return GenerateCommand.Create(context);
        yield return Commands.Events.ShowCommand.Create(context);
        yield return Commands.Events.ConvertCommand.Create(context);
        yield return TrainCommand.Create(context);
        yield return PredictCommand.Create(context);
        yield return EvaluateCommand.Create(context);
        yield return CompareCommand.Create(context);
        yield return Commands.Stats.FitCommand.Create(context);
        yield return Commands.Stats.ClsCommand.Create(context);
        yield return Commands.Stats.UpperLimitCommand.Create(context);
        yield return Commands.Stats.SignificanceCommand.Create(context);
        yield return Commands.Stats.InspectCommand.Create(context);
        yield return Commands.Stats.PatchSetCommand.Create(context);
        yield return Commands.Stats.CombineCommand.Create(context);
        yield return Commands.Stats.PruneCommand.Create(context);
        yield return Commands.Stats.RenameCommand.Create(context);
    }
}
