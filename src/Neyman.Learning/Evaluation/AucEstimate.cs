namespace Neyman.Learning.Evaluation;

/// <summary>An area under the ROC curve with its bootstrap standard deviation.</summary>
/// <param name="Auc">The weighted AUC of the full sample.</param>
/// <param name="Uncertainty">The standard deviation of the AUC over bootstrap replicas (0 when no replicas were drawn).</param>
/// <param name="Replicas">The number of bootstrap replicas.</param>
public readonly record struct AucEstimate(double Auc, double Uncertainty, int Replicas);
