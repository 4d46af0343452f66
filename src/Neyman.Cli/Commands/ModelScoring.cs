using Neyman.Core;
using Neyman.Events.Tables;
using Neyman.Learning.Models;

namespace Neyman.Cli.Commands;

/// <summary>Scoring events with a saved model for the commands that do it (predict, evaluate, compare).</summary>
internal static class ModelScoring
{
    /// <summary>The model's outputs for <paramref name="events"/>; a problem with the events names their file.</summary>
    /// <exception cref="InputException">A feature is missing or unusable; the message names <paramref name="dataPath"/>.</exception>
    public static EventTable Predict(IEventModel model, EventTable events, string dataPath)
    {
        try
        {
            return model.Predict(events);
        }
        catch (InputException e) when (e.Source is null)
        {
            throw new InputException(e.Problem, dataPath, e.Location, e);
        }
    }

    /// <summary>Checks that the model is a binary classifier with the output column <paramref name="output"/>.</summary>
    /// <exception cref="InputException">It has no such output; the message lists the ones it has.</exception>
    public static void RequireOutput(IEventModel model, string output, string modelPath)
    {
        if (!model.OutputNames.Contains(output))
        {
            throw new InputException(
                $"the model's outputs are {string.Join(", ", model.OutputNames)}; expected a binary classifier with the output '{output}'", modelPath);
        }
    }
}
