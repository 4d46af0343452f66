namespace Neyman.Learning.Trees;

/// <summary>
/// One binary regression tree in array form (node 0 is the root). An internal node sends an event left when its
/// feature value is at most <see cref="Thresholds"/>[node], right when above, and missing values (NaN) the
/// learned default way. Leaves carry the (already shrunk) value added to the raw score.
/// </summary>
public sealed class RegressionTree
{
    private readonly List<int> features = [];
    private readonly List<int> binThresholds = [];
    private readonly List<double> thresholds = [];
    private readonly List<bool> defaultLeft = [];
    private readonly List<int> left = [];
    private readonly List<int> right = [];
    private readonly List<double> values = [];
    private readonly List<double> gains = [];
    private readonly List<double> covers = [];

    /// <summary>Creates a tree that is a single leaf.</summary>
    /// <param name="value">The leaf value.</param>
    /// <param name="cover">The summed hessian of the leaf.</param>
    public RegressionTree(double value, double cover)
    {
        AddNode(-1, 0, 0, false, value, 0, cover);
    }

    /// <summary>The number of nodes.</summary>
    public int NodeCount => features.Count;

    /// <summary>The number of leaves.</summary>
    public int LeafCount => features.Count(f => f < 0);

    /// <summary>The split feature of each node; -1 marks a leaf.</summary>
    public IReadOnlyList<int> Features => features;

    /// <summary>The split bin of each internal node: bins 1..this go left (bin 0 is the missing bin).</summary>
    public IReadOnlyList<int> BinThresholds => binThresholds;

    /// <summary>The split value of each internal node: values at most this go left.</summary>
    public IReadOnlyList<double> Thresholds => thresholds;

    /// <summary>Whether missing values go left at each internal node.</summary>
    public IReadOnlyList<bool> DefaultLeft => defaultLeft;

    /// <summary>The left child of each internal node (-1 for leaves).</summary>
    public IReadOnlyList<int> LeftChildren => left;

    /// <summary>The right child of each internal node (-1 for leaves).</summary>
    public IReadOnlyList<int> RightChildren => right;

    /// <summary>The value of each leaf (and, for internal nodes, the value the node would have as a leaf).</summary>
    public IReadOnlyList<double> Values => values;

    /// <summary>The gain of each internal node's split (0 for leaves).</summary>
    public IReadOnlyList<double> Gains => gains;

    /// <summary>The summed training hessian of each node (its cover).</summary>
    public IReadOnlyList<double> Covers => covers;

    /// <summary>Turns a leaf into an internal node with two new leaf children; returns the left child's index.</summary>
    /// <param name="node">The leaf to split.</param>
    /// <param name="feature">The split feature.</param>
    /// <param name="bin">The last value bin that goes left.</param>
    /// <param name="threshold">The split value: values at most this go left.</param>
    /// <param name="missingGoesLeft">The default direction of missing values.</param>
    /// <param name="gain">The split gain.</param>
    /// <param name="leftValue">The left leaf value.</param>
    /// <param name="leftCover">The left leaf cover.</param>
    /// <param name="rightValue">The right leaf value.</param>
    /// <param name="rightCover">The right leaf cover.</param>
    public int Split(
        int node, int feature, int bin, double threshold, bool missingGoesLeft, double gain,
        double leftValue, double leftCover, double rightValue, double rightCover)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(feature);
        if (features[node] >= 0)
        {
            throw new InvalidOperationException("Only a leaf can be split.");
        }

        var leftChild = AddNode(-1, 0, 0, false, leftValue, 0, leftCover);
        var rightChild = AddNode(-1, 0, 0, false, rightValue, 0, rightCover);
        features[node] = feature;
        binThresholds[node] = bin;
        thresholds[node] = threshold;
        defaultLeft[node] = missingGoesLeft;
        gains[node] = gain;
        left[node] = leftChild;
        right[node] = rightChild;
        return leftChild;
    }

    /// <summary>Rebuilds a tree from its arrays (as read from a model file); the caller has checked them.</summary>
    /// <param name="nodes">The nodes in index order.</param>
    public static RegressionTree FromNodes(IReadOnlyList<TreeNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var tree = new RegressionTree(0, 0);
        tree.features.Clear();
        tree.binThresholds.Clear();
        tree.thresholds.Clear();
        tree.defaultLeft.Clear();
        tree.left.Clear();
        tree.right.Clear();
        tree.values.Clear();
        tree.gains.Clear();
        tree.covers.Clear();
        foreach (var n in nodes)
        {
            tree.AddNode(n.Feature, n.Bin, n.Threshold, n.DefaultLeft, n.Value, n.Gain, n.Cover);
            tree.left[^1] = n.Left;
            tree.right[^1] = n.Right;
        }

        return tree;
    }

    /// <summary>Replaces the value of a leaf (used by the voting ensembles to turn purities into votes).</summary>
    /// <param name="node">The leaf.</param>
    /// <param name="value">The new value.</param>
    internal void SetValue(int node, double value) => values[node] = value;

    /// <summary>The node at an index, as a value.</summary>
    /// <param name="node">The node index.</param>
    public TreeNode Node(int node) => new(
        features[node], binThresholds[node], thresholds[node], defaultLeft[node], left[node], right[node], values[node], gains[node], covers[node]);

    /// <summary>The leaf an event with these binned features reaches.</summary>
    /// <param name="columns">The binned feature columns.</param>
    /// <param name="row">The event.</param>
    public int LeafOfBinned(IReadOnlyList<byte[]> columns, int row)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var node = 0;
        while (features[node] >= 0)
        {
            var bin = columns[features[node]][row];
            var goLeft = bin == FeatureBinMapper.MissingBin ? defaultLeft[node] : bin <= binThresholds[node];
            node = goLeft ? left[node] : right[node];
        }

        return node;
    }

    /// <summary>The leaf an event with these raw feature values reaches.</summary>
    /// <param name="row">The event's feature values, in the model's feature order.</param>
    public int LeafOf(ReadOnlySpan<double> row)
    {
        var node = 0;
        while (features[node] >= 0)
        {
            var x = row[features[node]];
            var goLeft = double.IsNaN(x) ? defaultLeft[node] : x <= thresholds[node];
            node = goLeft ? left[node] : right[node];
        }

        return node;
    }

    private int AddNode(int feature, int bin, double threshold, bool missingLeft, double value, double gain, double cover)
    {
        features.Add(feature);
        binThresholds.Add(bin);
        thresholds.Add(threshold);
        defaultLeft.Add(missingLeft);
        left.Add(-1);
        right.Add(-1);
        values.Add(value);
        gains.Add(gain);
        covers.Add(cover);
        return features.Count - 1;
    }
}
