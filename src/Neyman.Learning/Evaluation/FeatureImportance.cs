namespace Neyman.Learning.Evaluation;

/// <summary>How much the AUC drops when one feature is shuffled among the events.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="AucDecrease">The mean over repeats of (AUC with the data as it is) - (AUC with the feature shuffled).</param>
/// <param name="StandardDeviation">The spread of the decrease over repeats (0 for a single repeat).</param>
public readonly record struct FeatureImportance(string Feature, double AucDecrease, double StandardDeviation);
