namespace Neyman.Learning.Networks;

/// <summary>What a network model predicts, which fixes its loss, output width and output columns.</summary>
public enum NetworkTask
{
    /// <summary>Signal probability from one logit, trained with binary cross-entropy; output column "score".</summary>
    BinaryClassifier,

    /// <summary>One value per event, trained with MSE or Huber; output column "prediction".</summary>
    Regressor,

    /// <summary>Reconstructs its inputs through a narrow layer; output column "score" is the reconstruction error.</summary>
    Autoencoder,
}
