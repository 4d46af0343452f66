namespace Neyman.Learning.Networks;

/// <summary>The training objectives of a network; each is a weighted mean over events.</summary>
public enum LossKind
{
    /// <summary>Binary cross-entropy on one logit per event, targets 0 or 1.</summary>
    BinaryCrossEntropy,

    /// <summary>Softmax cross-entropy on one logit per class, the target being the class index.</summary>
    SoftmaxCrossEntropy,

    /// <summary>Mean squared error, averaged over the outputs of each event.</summary>
    MeanSquaredError,

    /// <summary>Huber loss (quadratic within delta, linear beyond), averaged over the outputs of each event.</summary>
    Huber,
}
