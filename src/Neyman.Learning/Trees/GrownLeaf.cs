namespace Neyman.Learning.Trees;

/// <summary>A leaf of a freshly grown tree and the range of its training rows in the grower's row buffer.</summary>
/// <param name="Node">The leaf's node index in the tree.</param>
/// <param name="Start">The first position of its rows.</param>
/// <param name="Count">The number of its rows.</param>
internal readonly record struct GrownLeaf(int Node, int Start, int Count);

/// <summary>
/// A split into two leaves whose rows were not partitioned: the range of the parent's rows in the row buffer and the
/// rule that sends each of them to the left or right leaf. When neither child can split (depth limit, too few events)
/// nothing below needs the children's rows side by side, so the last pass over them can apply the leaf values directly.
/// </summary>
/// <param name="Start">The first position of the parent's rows.</param>
/// <param name="Count">The number of the parent's rows.</param>
/// <param name="Column">The bins of the split's feature, indexed by row.</param>
/// <param name="GoesLeft">1 for the bins that go left, 0 for the others.</param>
/// <param name="LeftNode">The left leaf's node index; the right leaf's is one more.</param>
internal readonly record struct DeferredSplit(int Start, int Count, byte[] Column, byte[] GoesLeft, int LeftNode)
{
    /// <summary>The node index of the leaf that <paramref name="row"/> goes to.</summary>
    public int LeafOf(int row) => LeftNode + 1 - GoesLeft[Column[row]];
}
