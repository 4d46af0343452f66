namespace Neyman.Learning.Trees;

/// <summary>
/// Settings of the flatness term of uniform gradient boosting (<see cref="BoostingObjectiveKind.Flat"/>), after
/// hep_ml's UGradientBoostingClassifier: the efficiency of a cut on the score, for events of class
/// <see cref="UniformLabel"/>, should not depend on <see cref="UniformFeatures"/>.
/// </summary>
public sealed record FlatnessOptions
{
    /// <summary>The columns the efficiency should be flat in (for example a mass); they need not be features.</summary>
    public IReadOnlyList<string> UniformFeatures { get; init; } = [];

    /// <summary>The class whose efficiency is made flat (0: background, the usual case against mass sculpting).</summary>
    public int UniformLabel { get; init; }

    /// <summary>The power p of the distance |F_local - F_global|^p between local and global score distributions.</summary>
    public double Power { get; init; } = 2.0;

    /// <summary>The weight of the flatness term relative to the logistic loss.</summary>
    public double Coefficient { get; init; } = 1.0;

    /// <summary>Bin-based term: equal-weight bins per uniform feature (their product forms the groups).</summary>
    public int BinCount { get; init; } = 10;

    /// <summary>kNN-based term when positive: each event is compared with its this many nearest neighbours in one uniform feature.</summary>
    public int Neighbors { get; init; }

    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (UniformFeatures.Count == 0)
        {
            throw new ArgumentException("The flat objective needs at least one uniform feature.", nameof(UniformFeatures));
        }

        if (!(Power >= 1) || !double.IsFinite(Power))
        {
            throw new ArgumentOutOfRangeException(nameof(Power), Power, "Must be at least 1.");
        }

        if (!(Coefficient >= 0) || !double.IsFinite(Coefficient))
        {
            throw new ArgumentOutOfRangeException(nameof(Coefficient), Coefficient, "Must be a non-negative, finite number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BinCount, 1, nameof(BinCount));
        ArgumentOutOfRangeException.ThrowIfNegative(Neighbors, nameof(Neighbors));
        if (Neighbors > 0 && UniformFeatures.Count != 1)
        {
            throw new ArgumentException("The kNN flatness term takes exactly one uniform feature.", nameof(Neighbors));
        }
    }
}
