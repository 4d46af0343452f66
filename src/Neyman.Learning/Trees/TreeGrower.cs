namespace Neyman.Learning.Trees;

/// <summary>
/// The second stage of boosting: grows one tree from per-event gradients and hessians. Node histograms are built
/// per feature over the node's rows in a fixed order (so the same data give the same bits whatever the thread
/// count); the larger child's histogram is the parent's minus the smaller child's. Grows depth-wise (every
/// gaining leaf of a level, up to <see cref="BoostingOptions.MaxDepth"/>) or leaf-wise (the leaf of largest gain
/// first, up to <see cref="BoostingOptions.MaxLeaves"/>).
/// </summary>
internal sealed class TreeGrower
{
    private const int ParallelRowThreshold = 8192;
    private const int ParallelPartitionRows = 32768;

    private readonly BinnedDataset data;
    private readonly BoostingOptions options;
    private readonly SplitConstraints constraints;
    private readonly ParallelOptions parallel;
    private readonly int[] rowBuffer;
    private readonly int[] scratch;
    private readonly float[] orderedGradient;
    private readonly float[] orderedHessian;
    private readonly Stack<GradientHistogram> pool = new();

    public TreeGrower(BinnedDataset data, BoostingOptions options, ParallelOptions parallel)
    {
        this.data = data;
        this.options = options;
        this.parallel = parallel;
        constraints = SplitConstraints.From(options);
        rowBuffer = new int[data.RowCount];
        scratch = new int[data.RowCount];
        orderedGradient = new float[data.RowCount];
        orderedHessian = new float[data.RowCount];
    }

    /// <summary>The rows of the last grown tree, grouped by leaf (see <see cref="GrownLeaf"/>).</summary>
    public ReadOnlySpan<int> Rows => rowBuffer;

    /// <summary>Grows a tree on the given rows (ascending) using only the features whose mask is set.</summary>
    public (RegressionTree Tree, List<GrownLeaf> Leaves, double[] FeatureGain) Grow(
        float[] gradient, float[] hessian, ReadOnlySpan<int> rows, int[] features)
    {
        rows.CopyTo(rowBuffer);
        double g = 0, h = 0;
        foreach (var r in rows)
        {
            g += gradient[r];
            h += hessian[r];
        }

        var tree = new RegressionTree(LeafValue(g, h), h);
        var root = new Node(0, 0, rows.Length, g, h, 0);
        var open = new List<Node>();
        var done = new List<Node>();
        if (CanSplit(root))
        {
            root.Histogram = Rent(features);
            Accumulate(root, root.Histogram, gradient, hessian, features);
            root.Best = FindBest(root, features);
        }

        Enqueue(root, open, done);
        var leaves = 1;
        var featureGain = new double[data.FeatureCount];
        while (open.Count > 0 && (options.MaxLeaves == 0 || leaves < options.MaxLeaves))
        {
            var node = TakeNext(open);
            var best = node.Best;
            var mapper = data.Mappers[best.Feature];
            var leftIndex = tree.Split(
                node.TreeIndex, best.Feature, best.Bin, best.Bin <= mapper.Thresholds.Count ? mapper.Thresholds[best.Bin - 1] : double.MaxValue, best.MissingGoesLeft, best.Gain,
                LeafValue(best.LeftGradient, best.LeftHessian), best.LeftHessian,
                LeafValue(best.RightGradient, best.RightHessian), best.RightHessian);
            featureGain[best.Feature] += best.Gain;
            leaves++;
            var leftCount = Partition(node, best);
            var leftNode = new Node(leftIndex, node.Start, leftCount, best.LeftGradient, best.LeftHessian, node.Depth + 1);
            var rightNode = new Node(leftIndex + 1, node.Start + leftCount, node.Count - leftCount, best.RightGradient, best.RightHessian, node.Depth + 1);
            BuildChildren(node, leftNode, rightNode, gradient, hessian, features);
            Enqueue(leftNode, open, done);
            Enqueue(rightNode, open, done);
        }

        foreach (var node in open)
        {
            done.Add(node);
            Return(node);
        }

        var result = done.Select(n => new GrownLeaf(n.TreeIndex, n.Start, n.Count)).OrderBy(l => l.Start).ToList();
        return (tree, result, featureGain);
    }

    private double LeafValue(double gradient, double hessian) =>
        hessian + options.L2 > 0 ? options.LearningRate * SplitMath.LeafValue(gradient, hessian, options.L2, options.L1) : 0.0;

    private bool CanSplit(Node node) =>
        (options.MaxDepth == 0 || node.Depth < options.MaxDepth) && node.Count >= 2 * options.MinSamplesLeaf;

    private void Enqueue(Node node, List<Node> open, List<Node> done)
    {
        if (node.Best.IsValid)
        {
            open.Add(node);
        }
        else
        {
            Return(node);
            done.Add(node);
        }
    }

    private Node TakeNext(List<Node> open)
    {
        var pick = 0;
        if (options.MaxLeaves > 0)
        {
            for (var i = 1; i < open.Count; i++)
            {
                if (open[i].Best.Gain > open[pick].Best.Gain)
                {
                    pick = i;
                }
            }
        }

        var node = open[pick];
        open.RemoveAt(pick);
        return node;
    }

    private int Partition(Node node, SplitCandidate split)
    {
        var chunks = Math.Min(node.Count / ParallelPartitionRows, parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : 8);
        return chunks >= 2 ? PartitionInParallel(node, split, chunks) : PartitionSerially(node, split);
    }

    /// <summary>
    /// The same stable partition on several threads: count each block's left rows, then let every block write its
    /// rows at offsets fixed by the counts of the blocks before it.
    /// </summary>
    private int PartitionInParallel(Node node, SplitCandidate split, int chunks)
    {
        var column = data.Columns[split.Feature];
        var (start, count) = (node.Start, node.Count);
        var leftCounts = new int[chunks];
        Parallel.For(0, chunks, parallel, c =>
        {
            var left = 0;
            for (var i = start + (count * c / chunks); i < start + (count * (c + 1) / chunks); i++)
            {
                left += GoesLeft(column[rowBuffer[i]], split) ? 1 : 0;
            }

            leftCounts[c] = left;
        });
        var totalLeft = leftCounts.Sum();
        Parallel.For(0, chunks, parallel, c =>
        {
            var blockStart = count * c / chunks;
            var leftBefore = leftCounts.AsSpan(0, c).ToArray().Sum();
            var nextLeft = start + leftBefore;
            var nextRight = start + totalLeft + (blockStart - leftBefore);
            for (var i = start + blockStart; i < start + (count * (c + 1) / chunks); i++)
            {
                var row = rowBuffer[i];
                if (GoesLeft(column[row], split))
                {
                    scratch[nextLeft++] = row;
                }
                else
                {
                    scratch[nextRight++] = row;
                }
            }
        });
        Array.Copy(scratch, start, rowBuffer, start, count);
        return totalLeft;
    }

    private static bool GoesLeft(byte bin, SplitCandidate split) =>
        bin == FeatureBinMapper.MissingBin ? split.MissingGoesLeft : bin <= split.Bin;

    private int PartitionSerially(Node node, SplitCandidate split)
    {
        var column = data.Columns[split.Feature];
        var rows = rowBuffer.AsSpan(node.Start, node.Count);
        var write = 0;
        var spill = 0;
        foreach (var row in rows)
        {
            var bin = column[row];
            var goLeft = bin == FeatureBinMapper.MissingBin ? split.MissingGoesLeft : bin <= split.Bin;
            if (goLeft)
            {
                rows[write++] = row;
            }
            else
            {
                scratch[spill++] = row;
            }
        }

        scratch.AsSpan(0, spill).CopyTo(rows[write..]);
        return write;
    }

    private void BuildChildren(Node parent, Node left, Node right, float[] gradient, float[] hessian, int[] features)
    {
        var parentHistogram = parent.Histogram!;
        parent.Histogram = null;
        var leftSplits = CanSplit(left);
        var rightSplits = CanSplit(right);
        if (!leftSplits && !rightSplits)
        {
            pool.Push(parentHistogram);
            return;
        }

        var (small, large) = left.Count <= right.Count ? (left, right) : (right, left);
        var smallHistogram = Rent(features);
        Accumulate(small, smallHistogram, gradient, hessian, features);
        foreach (var f in features)
        {
            parentHistogram.SetFeatureToDifference(f, parentHistogram, smallHistogram);
        }

        small.Histogram = smallHistogram;
        large.Histogram = parentHistogram;
        foreach (var child in (ReadOnlySpan<Node>)[left, right])
        {
            if (CanSplit(child))
            {
                child.Best = FindBest(child, features);
            }
        }
    }

    private void Accumulate(Node node, GradientHistogram histogram, float[] gradient, float[] hessian, int[] features)
    {
        var rows = rowBuffer.AsSpan(node.Start, node.Count);
        var g = orderedGradient.AsSpan(node.Start, node.Count);
        var h = orderedHessian.AsSpan(node.Start, node.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            g[i] = gradient[rows[i]];
            h[i] = hessian[rows[i]];
        }

        var chunks = Math.Min(features.Length, parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : 8);
        if (node.Count < ParallelRowThreshold || chunks < 2)
        {
            foreach (var f in features)
            {
                histogram.AccumulateFeature(f, data.Columns[f], rows, g, h);
            }

            return;
        }

        // One task per thread over a contiguous run of features: each feature's sums are formed by one thread in
        // row order, so the split of the work does not change any bit.
        var (start, count) = (node.Start, node.Count);
        Parallel.For(0, chunks, parallel, c =>
        {
            for (var j = features.Length * c / chunks; j < features.Length * (c + 1) / chunks; j++)
            {
                var f = features[j];
                histogram.AccumulateFeature(
                    f, data.Columns[f], rowBuffer.AsSpan(start, count), orderedGradient.AsSpan(start, count), orderedHessian.AsSpan(start, count));
            }
        });
    }

    private SplitCandidate FindBest(Node node, int[] features)
    {
        // Contiguous runs of features per task, reduced in run order: the same tie-breaking as one serial scan.
        var chunks = Math.Min(features.Length, parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : 8);
        if (chunks < 2)
        {
            return FindBestIn(node, features);
        }

        var best = new SplitCandidate[chunks];
        Parallel.For(0, chunks, parallel, c =>
        {
            var from = features.Length * c / chunks;
            best[c] = FindBestIn(node, features.AsSpan(from, (features.Length * (c + 1) / chunks) - from));
        });
        var result = SplitCandidate.None;
        foreach (var candidate in best)
        {
            result = SplitFinder.Better(result, candidate);
        }

        return result;
    }

    private SplitCandidate FindBestIn(Node node, ReadOnlySpan<int> features)
    {
        var histogram = node.Histogram!;
        var best = SplitCandidate.None;
        foreach (var f in features)
        {
            var candidate = SplitFinder.BestForFeature(
                histogram, f, data.Mappers[f].ValueBinCount, node.Gradient, node.Hessian, node.Count, constraints);
            best = SplitFinder.Better(best, candidate);
        }

        return best;
    }

    private GradientHistogram Rent(int[] features)
    {
        if (pool.Count == 0)
        {
            return new GradientHistogram(data.FeatureCount);
        }

        var histogram = pool.Pop();
        foreach (var f in features)
        {
            histogram.ClearFeature(f);
        }

        return histogram;
    }

    private void Return(Node node)
    {
        if (node.Histogram is { } histogram)
        {
            pool.Push(histogram);
            node.Histogram = null;
        }
    }

    private sealed class Node(int treeIndex, int start, int count, double gradient, double hessian, int depth)
    {
        public int TreeIndex { get; } = treeIndex;

        public int Start { get; } = start;

        public int Count { get; } = count;

        public double Gradient { get; } = gradient;

        public double Hessian { get; } = hessian;

        public int Depth { get; } = depth;

        public GradientHistogram? Histogram { get; set; }

        public SplitCandidate Best { get; set; } = SplitCandidate.None;
    }
}
