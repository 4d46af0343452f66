namespace Neyman.Learning.Trees;

/// <summary>One node of a <see cref="RegressionTree"/>, as a value (used to save, load and import trees).</summary>
/// <param name="Feature">The split feature, or -1 for a leaf.</param>
/// <param name="Bin">The last value bin that goes left (0 for leaves and imported trees).</param>
/// <param name="Threshold">Values at most this go left.</param>
/// <param name="DefaultLeft">Whether missing values go left.</param>
/// <param name="Left">The left child, or -1.</param>
/// <param name="Right">The right child, or -1.</param>
/// <param name="Value">The leaf value.</param>
/// <param name="Gain">The split gain.</param>
/// <param name="Cover">The summed training hessian.</param>
public readonly record struct TreeNode(
    int Feature, int Bin, double Threshold, bool DefaultLeft, int Left, int Right, double Value, double Gain, double Cover);
