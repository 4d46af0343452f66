using Neyman.Events.Tables;

namespace Neyman.Learning.Models;

/// <summary>
/// A trained model that scores events: boosted trees, a network, an autoencoder. The command-line
/// <c>predict</c> verb serves every kind through this interface.
/// </summary>
public interface IEventModel
{
    /// <summary>The model kind as written in its file ("bdt", "dnn", "autoencoder", ...).</summary>
    string Kind { get; }

    /// <summary>The input feature names, in the order the model expects them.</summary>
    IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The names of the output columns: "score" for a binary classifier, "score_0".."score_k" for k classes.</summary>
    IReadOnlyList<string> OutputNames { get; }

    /// <summary>
    /// Scores every event of <paramref name="events"/> (which must contain the feature columns by name)
    /// and returns a table with one float32 column per output name.
    /// </summary>
    /// <exception cref="Core.InputException">A feature column is missing or holds non-finite values.</exception>
    EventTable Predict(EventTable events);
}
