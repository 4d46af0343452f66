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
    private const int ParallelRowThreshold = 512;

    private readonly BinnedDataset data;
    private readonly BoostingOptions options;
    private readonly SplitConstraints constraints;
    private readonly WorkerTeam team;
    private readonly int[] rowBuffer;
    private long[]? partSums;
    private byte[]? slotScratch;
    private readonly RowPartitioner partitioner;
    private float[]? orderedGradient;
    private float[]? orderedHessian;
    private QuantizedGradients? quantized;
    private readonly Stack<GradientHistogram> pool = new();

    public TreeGrower(BinnedDataset data, BoostingOptions options, WorkerTeam team)
    {
        this.data = data;
        this.options = options;
        this.team = team;
        constraints = SplitConstraints.From(options);
        rowBuffer = new int[data.RowCount];
        partitioner = new RowPartitioner(data.RowCount, team);
    }

    /// <summary>
    /// Grows a tree on the given rows (ascending) using only the given features; returns it with the leaf of every
    /// row (valid until the next call) and the gain of each feature. With quantized gradients the histograms, splits
    /// and node sums come from the packed integers; with <see cref="BoostingOptions.RenewQuantizedLeaves"/> each leaf's
    /// value is then set again from the exact gradients and hessians of its events.
    /// </summary>
    public (RegressionTree Tree, GrownRows Leaves, double[] FeatureGain) Grow(
        float[] gradient, float[] hessian, ReadOnlySpan<int> rows, int[] features, QuantizedGradients? quantizedGradients = null)
    {
        rows.CopyTo(rowBuffer);
        quantized = quantizedGradients;
        double g = 0, h = 0;
        if (quantized is null)
        {
            foreach (var r in rows)
            {
                g += gradient[r];
                h += hessian[r];
            }
        }
        else
        {
            // The histograms read each event's code where the quantizer wrote it; the node totals come from it too.
            var (gradientUnits, hessianUnits) = (quantized.TotalGradientUnits, quantized.TotalHessianUnits);
            (g, h) = (gradientUnits * quantized.GradientScale, hessianUnits * quantized.HessianScale);
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
        var deferred = new List<DeferredSplit>();
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
            if (!CanSplit(node.Depth + 1, best.LeftCount) && !CanSplit(node.Depth + 1, best.RightCount))
            {
                // Both children stay leaves (depth limit or too few events): their rows need not be partitioned.
                deferred.Add(new DeferredSplit(node.Start, node.Count, data.Columns[best.Feature], RowPartitioner.GoesLeftTable(best), leftIndex));
                Return(node);
                continue;
            }

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

        var grown = new GrownRows(
            rowBuffer, rows.Length, done.Select(n => new GrownLeaf(n.TreeIndex, n.Start, n.Count)).OrderBy(l => l.Start).ToList(), deferred,
            slotScratch ??= new byte[data.RowCount]);
        if (quantized is not null && options.RenewQuantizedLeaves)
        {
            foreach (var (leaf, leafGradient, leafHessian) in grown.LeafSums(gradient, hessian, team))
            {
                tree.SetValue(leaf, LeafValue(leafGradient, leafHessian));
            }
        }

        return (tree, grown, featureGain);
    }

    private double LeafValue(double gradient, double hessian) =>
        hessian + options.L2 > 0 ? options.LearningRate * SplitMath.LeafValue(gradient, hessian, options.L2, options.L1) : 0.0;

    private bool CanSplit(Node node) => CanSplit(node.Depth, node.Count);

    private bool CanSplit(int depth, long count) =>
        (options.MaxDepth == 0 || depth < options.MaxDepth) && count >= 2 * options.MinSamplesLeaf;

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

    private int Partition(Node node, SplitCandidate split) =>
        partitioner.Partition(data.Columns[split.Feature], split, rowBuffer, node.Start, node.Count);

    private void BuildChildren(Node parent, Node left, Node right, float[] gradient, float[] hessian, int[] features)
    {
        // At least one child can split: splits whose children cannot are deferred in Grow.
        var parentHistogram = parent.Histogram!;
        parent.Histogram = null;
        var (small, large) = left.Count <= right.Count ? (left, right) : (right, left);
        var smallHistogram = Rent(features);
        Accumulate(small, smallHistogram, gradient, hessian, features);
        small.Histogram = smallHistogram;
        // The larger child's histogram is the parent's minus the smaller one's, formed feature by feature on the
        // threads of its split search (and not at all when it cannot split).
        large.Histogram = parentHistogram;
        large.Subtrahend = smallHistogram;
        foreach (var child in (ReadOnlySpan<Node>)[left, right])
        {
            if (CanSplit(child))
            {
                child.Best = FindBest(child, features);
            }
        }

        large.Subtrahend = null;
    }

    private void Accumulate(Node node, GradientHistogram histogram, float[] gradient, float[] hessian, int[] features)
    {
        if (quantized is not null)
        {
            AccumulatePacked(node, histogram, features);
            return;
        }

        // Exact gradients gathered into row order (allocated on first use: quantized training never needs them).
        var (start, count) = (node.Start, node.Count);
        var (orderedG, orderedH) = (orderedGradient ??= new float[data.RowCount], orderedHessian ??= new float[data.RowCount]);
        var parts = count < 4 * ParallelRowThreshold ? 1 : 2 * team.Threads;
        team.For(0, parts, c =>
        {
            for (var i = start + (int)((long)count * c / parts); i < start + (int)((long)count * (c + 1) / parts); i++)
            {
                orderedG[i] = gradient[rowBuffer[i]];
                orderedH[i] = hessian[rowBuffer[i]];
            }
        });
        // One task per thread over a contiguous run of features: each feature's sums are formed by one thread in
        // row order, so the split of the work does not change any bit.
        var chunks = count < ParallelRowThreshold ? 1 : Math.Min(features.Length, team.Threads);
        team.For(0, chunks, c =>
        {
            for (var j = features.Length * c / chunks; j < features.Length * (c + 1) / chunks; j++)
            {
                var f = features[j];
                histogram.AccumulateFeature(
                    f, data.Columns[f], rowBuffer.AsSpan(start, count), orderedG.AsSpan(start, count), orderedH.AsSpan(start, count));
            }
        });
    }

    // The same with packed quantized gradients, four features per pass over the rows. Groups are spread over the
    // threads; when their number does not divide evenly, the last ones are split by rows into one part per thread, whose
    // integer sums are merged before unpacking (the same sums, so the same bits), so that every thread gets the same work.
    private void AccumulatePacked(Node node, GradientHistogram histogram, int[] features)
    {
        var (start, count) = (node.Start, node.Count);
        var codes = quantized!.Codes;
        var consecutive = node.Depth == 0 && count == data.RowCount;
        var groups = (features.Length + 3) / 4;
        if (count < ParallelRowThreshold)
        {
            for (var q = 0; q < groups; q++)
            {
                Whole(q);
            }

            return;
        }

        const int Size = 4 * GradientHistogram.BinsPerFeature;
        var threads = team.Threads;
        var split = count >= 4 * ParallelRowThreshold && count <= quantized.ChunkRows ? groups % threads : 0;
        var whole = groups - split;
        var partCount = split * threads;
        if (partSums is null || partSums.Length < partCount * Size)
        {
            partSums = new long[partCount * Size];
        }

        var parts = partSums;
        team.For(0, whole + partCount, unit =>
        {
            if (unit < whole)
            {
                Whole(unit);
                return;
            }

            var (s, part) = Math.DivRem(unit - whole, threads);
            var (from, to) = ((int)((long)count * part / threads), (int)((long)count * (part + 1) / threads));
            var sums = parts.AsSpan((unit - whole) * Size, Size);
            sums.Clear();
            PackedHistogramKernels.AddPacked(
                Group(whole + s), data.Columns, consecutive ? [] : rowBuffer.AsSpan(start + from, to - from), from, to - from,
                consecutive ? codes.AsSpan(from) : codes, sums);
        });
        for (var s = 0; s < split; s++)
        {
            var merged = parts.AsSpan(s * threads * Size, Size);
            for (var part = 1; part < threads; part++)
            {
                var other = parts.AsSpan(((s * threads) + part) * Size, Size);
                for (var i = 0; i < Size; i++)
                {
                    merged[i] += other[i];
                }
            }

            histogram.AddUnpacked(Group(whole + s), merged, quantized);
        }

        ReadOnlySpan<int> Group(int q) => features.AsSpan(4 * q, Math.Min(4, features.Length - (4 * q)));

        void Whole(int q)
        {
            if (consecutive)
            {
                // The root over all events: rows 0..n-1, bins and codes read in order.
                histogram.AccumulatePackedConsecutive(Group(q), data.Columns, 0, codes.AsSpan(0, count), quantized);
            }
            else
            {
                histogram.AccumulatePacked(Group(q), data.Columns, rowBuffer.AsSpan(start, count), codes, quantized);
            }
        }
    }

    private SplitCandidate FindBest(Node node, int[] features)
    {
        // Contiguous runs of features per task, reduced in run order: the same tie-breaking as one serial scan.
        var chunks = Math.Min(features.Length, team.Threads);
        if (chunks < 2)
        {
            return FindBestIn(node, features);
        }

        var best = new SplitCandidate[chunks];
        team.For(0, chunks, c =>
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
            if (node.Subtrahend is { } subtrahend)
            {
                histogram.SetFeatureToDifference(f, histogram, subtrahend);
            }

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

        /// <summary>Set while <see cref="Histogram"/> still holds the parent's: the sibling's, to subtract per feature.</summary>
        public GradientHistogram? Subtrahend { get; set; }
    }
}
