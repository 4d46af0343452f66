using System.CommandLine;
using Neyman.Learning.Networks;

namespace Neyman.Cli.Commands;

/// <summary>
/// <c>neyman train autoencoder --data FILE --output model.json ...</c>: a dense autoencoder whose score is the
/// reconstruction error (large for events unlike the training events).
/// </summary>
internal static class TrainAutoencoderCommand
{
    public static Command Create(CliContext context)
    {
        var options = new NetworkCommandOptions(new NetworkTrainingOptions
        {
            HiddenLayers = [32, 8, 32], Activation = ActivationKind.Elu, Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, BatchSize = 256, Epochs = 20,
        });
        var command = new Command("autoencoder", "Train a dense autoencoder; predict scores events by their reconstruction error.");
        options.AddTo(command);
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
            options.Run(context, result, NetworkTask.Autoencoder, null, o => o)));
        return command;
    }
}
