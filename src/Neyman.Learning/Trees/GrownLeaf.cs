namespace Neyman.Learning.Trees;

/// <summary>A leaf of a freshly grown tree and the range of its training rows in the grower's row buffer.</summary>
/// <param name="Node">The leaf's node index in the tree.</param>
/// <param name="Start">The first position of its rows.</param>
/// <param name="Count">The number of its rows.</param>
internal readonly record struct GrownLeaf(int Node, int Start, int Count);
