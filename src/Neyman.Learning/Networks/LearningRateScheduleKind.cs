namespace Neyman.Learning.Networks;

/// <summary>How the learning rate changes during training.</summary>
public enum LearningRateScheduleKind
{
    /// <summary>The initial rate throughout.</summary>
    Constant,

    /// <summary>Divided by a fixed factor after every mini-batch, down to a floor (Baldi, Sadowski and Whiteson 2014).</summary>
    Exponential,

    /// <summary>Multiplied by a factor every fixed number of epochs.</summary>
    Step,

    /// <summary>Cosine annealing from the initial rate to the floor over all epochs.</summary>
    Cosine,

    /// <summary>Multiplied by a factor when the validation loss has not improved for a number of epochs.</summary>
    ReduceOnPlateau,
}
