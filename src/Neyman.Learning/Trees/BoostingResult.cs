using Neyman.Learning.Training;

namespace Neyman.Learning.Trees;

/// <summary>The outcome of training: the model and the history of the figures of merit.</summary>
/// <param name="Model">The trained model, truncated to the best round when early stopping is on.</param>
/// <param name="Metric">The validation metric that was watched.</param>
/// <param name="TrainingLoss">The mean weighted training loss after each round (the weighted training error for AdaBoost and bagging).</param>
/// <param name="ValidationHistory">The validation metric after each round (empty without a validation set).</param>
/// <param name="BestRound">The number of rounds kept in the model.</param>
public sealed record BoostingResult(
    BoostedTreesModel Model,
    ValidationMetric Metric,
    IReadOnlyList<double> TrainingLoss,
    IReadOnlyList<double> ValidationHistory,
    int BestRound);
