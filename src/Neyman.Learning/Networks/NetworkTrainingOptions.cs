namespace Neyman.Learning.Networks;

/// <summary>Everything that shapes a network training run; the command line reads its defaults from here.</summary>
public sealed record NetworkTrainingOptions
{
    /// <summary>Widths of the hidden layers.</summary>
    public IReadOnlyList<int> HiddenLayers { get; init; } = [300, 300, 300];

    /// <summary>Activation of the hidden layers.</summary>
    public ActivationKind Activation { get; init; } = ActivationKind.Tanh;

    /// <summary>Whether each hidden layer normalizes its pre-activations (layer normalization).</summary>
    public bool LayerNormalization { get; init; }

    /// <summary>
    /// Physics objects among the input columns (column prefixes, see <see cref="MomentumObject"/>) for an
    /// <see cref="InvariantMassLayer"/> in front of the network; null or empty for none.
    /// </summary>
    public IReadOnlyList<string>? MassObjects { get; init; }

    /// <summary>Outputs of the invariant-mass layer (learned combinations of the objects). Default 24.</summary>
    public int MassCombinations { get; init; } = 24;

    /// <summary>Weight initialization.</summary>
    public InitializationKind Initialization { get; init; } = InitializationKind.Automatic;

    /// <summary>The training objective.</summary>
    public LossKind Loss { get; init; } = LossKind.BinaryCrossEntropy;

    /// <summary>Transition point of the Huber loss.</summary>
    public double HuberDelta { get; init; } = 1.0;

    /// <summary>The update rule.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    /// <summary>Initial learning rate.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Initial momentum of SGD and Nesterov.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Momentum reached after <see cref="MomentumRampEpochs"/> epochs.</summary>
    public double FinalMomentum { get; init; } = 0.99;

    /// <summary>Epochs over which the momentum rises linearly to <see cref="FinalMomentum"/> (0: constant).</summary>
    public int MomentumRampEpochs { get; init; }

    /// <summary>Adam's first-moment decay.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's second-moment decay.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>AdamW's decoupled weight decay.</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>L2 penalty λ₂ on the weights (not the biases), adding λ₂·Σw² to the loss.</summary>
    public double L2 { get; init; }

    /// <summary>L1 penalty λ₁ on the weights (not the biases), adding λ₁·Σ|w| to the loss.</summary>
    public double L1 { get; init; }

    /// <summary>The learning-rate schedule.</summary>
    public LearningRateScheduleKind Schedule { get; init; } = LearningRateScheduleKind.Constant;

    /// <summary>Factor the rate is divided by after each batch under the exponential schedule (Baldi et al.: 1.0000002).</summary>
    public double DecayPerBatch { get; init; } = 1.0000002;

    /// <summary>Floor of the decaying schedules.</summary>
    public double MinimumLearningRate { get; init; } = 1e-6;

    /// <summary>Epochs between reductions under the step schedule.</summary>
    public int StepEpochs { get; init; } = 10;

    /// <summary>Factor of each reduction under the step schedule.</summary>
    public double StepFactor { get; init; } = 0.5;

    /// <summary>Epochs without improvement before a reduction under the plateau schedule.</summary>
    public int PlateauPatience { get; init; } = 3;

    /// <summary>Factor of each reduction under the plateau schedule.</summary>
    public double PlateauFactor { get; init; } = 0.5;

    /// <summary>Events per mini-batch.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Passes over the training events.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Stop after this many epochs without a better validation loss, keeping the best (0: never stop early).</summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>Probability of dropping each hidden unit during training (0: no dropout).</summary>
    public double Dropout { get; init; }

    /// <summary>Seed of the initialization, the shuffling and the dropout masks.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Worker threads of the matrix products; the result does not depend on it.</summary>
    public int Threads { get; init; } = 1;
}
