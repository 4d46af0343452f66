namespace Neyman.Learning.Trees;

/// <summary>Reported after every boosting round.</summary>
/// <param name="Round">The rounds done so far (1-based).</param>
/// <param name="TotalRounds">The rounds asked for.</param>
/// <param name="TrainingLoss">The mean weighted training loss after this round (the weighted training error for AdaBoost and bagging).</param>
/// <param name="ValidationValue">The validation metric after this round, when there is a validation set.</param>
public readonly record struct BoostingProgress(int Round, int TotalRounds, double TrainingLoss, double? ValidationValue);
