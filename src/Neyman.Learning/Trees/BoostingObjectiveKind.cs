namespace Neyman.Learning.Trees;

/// <summary>The loss a boosted-tree ensemble minimizes.</summary>
public enum BoostingObjectiveKind
{
    /// <summary>Binary logistic loss (cross-entropy); labels 0 or 1, the score is the log-odds.</summary>
    Logistic,

    /// <summary>Squared error for regression (for example energy calibration).</summary>
    Squared,

    /// <summary>Huber loss: squared near zero, linear beyond <see cref="BoostingOptions.HuberDelta"/>.</summary>
    Huber,

    /// <summary>Multiclass softmax cross-entropy; labels are class indices 0..K-1, one score per class.</summary>
    Softmax,

    /// <summary>
    /// Uniform gradient boosting: the logistic loss plus a flatness term that keeps the selection efficiency of one
    /// class flat in chosen variables (see <see cref="FlatnessOptions"/>); labels and outputs as for logistic.
    /// </summary>
    Flat,

    /// <summary>
    /// TMVA-style discrete AdaBoost: depth-limited classification trees, each voting +-1 with weight
    /// beta ln((1 - err) / err); misclassified events are reweighted by ((1 - err) / err)^beta. The output is the
    /// weighted vote in [-1, 1]. Labels 0 or 1.
    /// </summary>
    AdaBoost,

    /// <summary>Bagged trees: each tree fits the signal purity on a seeded bootstrap sample; the output is the mean purity. Labels 0 or 1.</summary>
    Bagging,
}
