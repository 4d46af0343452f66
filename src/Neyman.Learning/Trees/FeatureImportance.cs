namespace Neyman.Learning.Trees;

/// <summary>How much one feature is used by an ensemble.</summary>
/// <param name="Feature">The feature name.</param>
/// <param name="Gain">The summed gain of the splits on it.</param>
/// <param name="Cover">The summed hessian (cover) of the nodes split on it.</param>
/// <param name="SplitCount">The number of splits on it.</param>
public readonly record struct FeatureImportance(string Feature, double Gain, double Cover, int SplitCount);
