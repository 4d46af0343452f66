namespace Neyman.Learning.Networks;

/// <summary>The outcome of <see cref="NetworkTrainer.Train"/>.</summary>
/// <param name="Network">The trained network (the best epoch's parameters when early stopping is on).</param>
/// <param name="History">One entry per completed epoch.</param>
/// <param name="BestEpoch">The epoch whose parameters were kept, from 1.</param>
/// <param name="StoppedEarly">Whether early stopping ended the run before the last epoch.</param>
/// <param name="MassLayer">The trained invariant-mass layer in front of the network, if there is one.</param>
public sealed record NetworkTrainingResult(MultilayerPerceptron Network, IReadOnlyList<NetworkEpoch> History, int BestEpoch, bool StoppedEarly,
    InvariantMassLayer? MassLayer = null);
