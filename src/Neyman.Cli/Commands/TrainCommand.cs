using System.CommandLine;

namespace Neyman.Cli.Commands;

/// <summary><c>neyman train KIND ...</c>: the parent of the training verbs, one subcommand per model kind.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("train", "Train a model on an event file (boosted trees, networks, autoencoders).");
        foreach (var subcommand in Subcommands(context))
        {
            command.Subcommands.Add(subcommand);
        }
        return command;
    }

    private static IEnumerable<Command> Subcommands(CliContext context)
    {
        // One line per model kind: yield return TrainXCommand.Create(context);
        yield return TrainBdtCommand.Create(context);
        yield return TrainDnnCommand.Create(context);
        yield return TrainAutoencoderCommand.Create(context);
    }
}
