namespace Neyman.Learning.Trees;

/// <summary>
/// A loss bound to the labels and weights of one set of events. Immutable: the boosting loop holds the scores,
/// the objective only turns them into per-event gradients and hessians. Scores are laid out event-major:
/// event i, output k at <c>i * OutputCount + k</c>.
/// </summary>
public interface IBoostingObjective
{
    /// <summary>The number of raw scores per event (1, or the number of classes for softmax).</summary>
    int OutputCount { get; }

    /// <summary>The number of events.</summary>
    int EventCount { get; }

    /// <summary>The constant raw score(s) that minimize the loss before any tree, one per output.</summary>
    double[] InitialScores();

    /// <summary>Fills the first and second derivatives of the weighted loss with respect to each raw score.</summary>
    /// <param name="score">Raw scores, <see cref="EventCount"/> x <see cref="OutputCount"/>.</param>
    /// <param name="gradient">Receives the gradients, same layout.</param>
    /// <param name="hessian">Receives the hessians, same layout.</param>
    void ComputeGradients(ReadOnlySpan<double> score, Span<float> gradient, Span<float> hessian);

    /// <summary>The weighted mean loss, sum w L / sum w.</summary>
    /// <param name="score">Raw scores, <see cref="EventCount"/> x <see cref="OutputCount"/>.</param>
    double MeanLoss(ReadOnlySpan<double> score);
}
