using Neyman.Learning.Training;

namespace Neyman.Learning.Trees;

/// <summary>
/// Every setting of histogram gradient boosting, documented once; the command line reads its defaults from here.
/// The defaults follow XGBoost's (100 trees, depth 6, learning rate 0.3, L2 = 1, min child weight 1).
/// </summary>
public sealed record BoostingOptions
{
    /// <summary>The loss to minimize.</summary>
    public BoostingObjectiveKind Objective { get; init; } = BoostingObjectiveKind.Logistic;

    /// <summary>The number of boosting rounds (trees per class).</summary>
    public int TreeCount { get; init; } = 100;

    /// <summary>The largest tree depth; 0 means unlimited (then <see cref="MaxLeaves"/> must be set).</summary>
    public int MaxDepth { get; init; } = 6;

    /// <summary>
    /// The most leaves per tree. 0 grows depth-wise (every node of a level is split while it gains);
    /// a positive value grows leaf-wise (the leaf of largest gain first) until this many leaves.
    /// </summary>
    public int MaxLeaves { get; init; }

    /// <summary>The shrinkage applied to every leaf value.</summary>
    public double LearningRate { get; init; } = 0.3;

    /// <summary>The least summed hessian (weighted) a child may have.</summary>
    public double MinChildWeight { get; init; } = 1.0;

    /// <summary>The least number of training events a leaf may hold.</summary>
    public int MinSamplesLeaf { get; init; } = 1;

    /// <summary>The L1 penalty on leaf values (alpha).</summary>
    public double L1 { get; init; }

    /// <summary>The L2 penalty on leaf values (lambda).</summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>The least loss reduction a split must bring (gamma).</summary>
    public double MinSplitGain { get; init; }

    /// <summary>The fraction of events drawn, without replacement, for each tree (1 uses all).</summary>
    public double RowSubsample { get; init; } = 1.0;

    /// <summary>The fraction of features drawn for each tree (1 uses all).</summary>
    public double ColumnSubsample { get; init; } = 1.0;

    /// <summary>The most value bins per feature (1 to 255); a separate bin holds missing values.</summary>
    public int MaxBins { get; init; } = 255;

    /// <summary>The flatness term of the <see cref="BoostingObjectiveKind.Flat"/> objective (required for it).</summary>
    public FlatnessOptions? Flatness { get; init; }

    /// <summary>The AdaBoost beta: the power of the boost weight and the factor of each tree's vote (TMVA's AdaBoostBeta).</summary>
    public double AdaBoostBeta { get; init; } = 0.5;

    /// <summary>The transition point of the Huber loss.</summary>
    public double HuberDelta { get; init; } = 1.0;

    /// <summary>Stop when the validation metric has not improved for this many rounds; 0 never stops early.</summary>
    public int EarlyStoppingRounds { get; init; }

    /// <summary>The validation metric watched for early stopping; null picks the objective's natural one.</summary>
    public ValidationMetric? Metric { get; init; }

    /// <summary>
    /// Quantized training: 0 builds the histograms from the exact gradients; an even L from 2 to 64 rounds each
    /// round's gradients stochastically (seeded) to integers in [-L/2, L/2] and hessians to [0, L], packed one 64-bit
    /// word per event, which makes the histograms about three times faster to build (LightGBM's
    /// <c>num_grad_quant_bins</c>). Split gains, the minimum child weight and the leaf values then use the rounded
    /// sums (unbiased estimates of the exact ones), unless <see cref="RenewQuantizedLeaves"/> is set. AdaBoost and
    /// bagging ignore it.
    /// </summary>
    public int GradientLevels { get; init; }

    /// <summary>
    /// With quantized training, set every leaf's value again from the exact gradients and hessians of its events
    /// (LightGBM's <c>quant_train_renew_leaf</c>, also off by default there): one more pass over the events per tree.
    /// </summary>
    public bool RenewQuantizedLeaves { get; init; }

    /// <summary>The seed of every random choice (row and column subsampling, gradient rounding).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The most threads to use; 0 lets the runtime choose. The model does not depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>Checks every setting; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TreeCount, 1, nameof(TreeCount));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxDepth, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxLeaves, nameof(MaxLeaves));
        if (MaxDepth == 0 && MaxLeaves == 0)
        {
            throw new ArgumentException("Either MaxDepth or MaxLeaves must be positive.", nameof(MaxDepth));
        }

        if (MaxLeaves == 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLeaves), MaxLeaves, "MaxLeaves must be 0 (depth-wise) or at least 2.");
        }

        CheckPositive(LearningRate, nameof(LearningRate));
        CheckNonNegative(MinChildWeight, nameof(MinChildWeight));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinSamplesLeaf, 1, nameof(MinSamplesLeaf));
        CheckNonNegative(L1, nameof(L1));
        CheckNonNegative(L2, nameof(L2));
        CheckNonNegative(MinSplitGain, nameof(MinSplitGain));
        CheckFraction(RowSubsample, nameof(RowSubsample));
        CheckFraction(ColumnSubsample, nameof(ColumnSubsample));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBins, 1, nameof(MaxBins));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBins, FeatureBinMapper.MaxValueBins, nameof(MaxBins));
        CheckPositive(HuberDelta, nameof(HuberDelta));
        CheckPositive(AdaBoostBeta, nameof(AdaBoostBeta));
        ArgumentOutOfRangeException.ThrowIfNegative(EarlyStoppingRounds, nameof(EarlyStoppingRounds));
        ArgumentOutOfRangeException.ThrowIfNegative(Threads, nameof(Threads));
        if (GradientLevels != 0 && (GradientLevels < 2 || GradientLevels > 64 || GradientLevels % 2 != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(GradientLevels), GradientLevels, "Must be 0 (exact) or an even number from 2 to 64.");
        }
        if (Objective == BoostingObjectiveKind.Flat)
        {
            (Flatness ?? throw new ArgumentException("The flat objective needs flatness settings.", nameof(Flatness))).Validate();
        }
    }

    private static void CheckPositive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a positive, finite number.");
        }
    }

    private static void CheckNonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a non-negative, finite number.");
        }
    }

    private static void CheckFraction(double value, string name)
    {
        if (!(value > 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a fraction in (0, 1].");
        }
    }
}
