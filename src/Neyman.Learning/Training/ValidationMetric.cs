namespace Neyman.Learning.Training;

/// <summary>A figure of merit computed on held-out events, for early stopping and reports.</summary>
public enum ValidationMetric
{
    /// <summary>The mean weighted loss of the training objective (lower is better).</summary>
    Loss,

    /// <summary>The weighted area under the ROC curve of a binary classifier (higher is better).</summary>
    Auc,

    /// <summary>The weighted root-mean-square error of a regression (lower is better).</summary>
    Rmse,

    /// <summary>The weighted fraction of misclassified events (lower is better).</summary>
    Error,
}
