namespace Neyman.Learning.Networks;

/// <summary>What one training epoch achieved.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="TrainingLoss">Mean weighted training loss over the epoch's batches (before each update).</param>
/// <param name="ValidationLoss">Weighted validation loss after the epoch (NaN without validation events).</param>
/// <param name="ValidationAuc">Weighted validation AUC of a binary classifier (NaN otherwise).</param>
/// <param name="LearningRate">The learning rate of the epoch's last batch.</param>
public readonly record struct NetworkEpoch(int Epoch, double TrainingLoss, double ValidationLoss, double ValidationAuc, double LearningRate);
