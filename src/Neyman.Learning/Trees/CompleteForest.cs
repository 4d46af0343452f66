using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Neyman.Learning.Trees;

/// <summary>
/// Shallow trees padded to complete binary trees of one depth, for branch-free prediction on float32 features: slot
/// <c>s</c> has children <c>2s + 1</c> and <c>2s + 2</c>, so a step down is <c>2s + 1 + (x &gt; threshold)</c> and
/// every event takes exactly <see cref="Depth"/> steps. A leaf above the last level becomes a chain of dummy nodes
/// whose threshold is +infinity (everything goes left) ending in copies of its value. Events are read from blocks
/// of <see cref="FlatForest.RowsPerBlock"/> rows stored feature by feature. Missing values (NaN) are not handled
/// here: blocks that hold one go through <see cref="FlatForest"/>. The sums per event are added in tree order, as
/// there, so both give the same bits.
/// </summary>
internal sealed class CompleteForest
{
    /// <summary>The deepest tree padded; deeper ensembles keep the node-by-node walk.</summary>
    public const int MaxDepth = 8;

    private const int Stride = FlatForest.RowsPerBlock;

    // Per tree: (2^depth - 1) feature offsets (feature * Stride) and thresholds, then 2^depth leaf values; padded at
    // the end so a 16-wide load at the last level of the last tree stays inside the arrays.
    private readonly int[] offsets;
    private readonly float[] thresholds;
    private readonly double[] leaves;
    private readonly int[] outputOfTree;
    private readonly int inner;

    private CompleteForest(int depth, int treeCount, int outputCount)
    {
        Depth = depth;
        OutputCount = outputCount;
        inner = (1 << depth) - 1;
        offsets = new int[(treeCount * inner) + 32];
        thresholds = new float[(treeCount * inner) + 32];
        leaves = new double[treeCount << depth];
        outputOfTree = new int[treeCount];
    }

    /// <summary>The number of steps from the root to a leaf.</summary>
    public int Depth { get; }

    /// <summary>The number of raw scores per event.</summary>
    public int OutputCount { get; }

    /// <summary>The padded forest, or null when a tree is deeper than <see cref="MaxDepth"/>.</summary>
    /// <param name="trees">The trees, round-major.</param>
    /// <param name="outputCount">The number of raw scores per event.</param>
    /// <param name="featureCount">The number of features.</param>
    public static CompleteForest? TryCreate(IReadOnlyList<RegressionTree> trees, int outputCount, int featureCount)
    {
        if (trees.Count == 0 || (long)featureCount * Stride > int.MaxValue)
        {
            return null;
        }

        var depth = 1;
        foreach (var tree in trees)
        {
            var d = DepthOf(tree);
            if (d > MaxDepth)
            {
                return null;
            }

            depth = Math.Max(depth, d);
        }

        var forest = new CompleteForest(depth, trees.Count, outputCount);
        for (var t = 0; t < trees.Count; t++)
        {
            forest.outputOfTree[t] = t % outputCount;
            forest.Fill(trees[t], t, node: 0, slot: 0, level: 0);
        }

        return forest;
    }

    /// <summary>Adds every tree's output to the block's raw scores.</summary>
    /// <param name="block">Feature values, feature-major: feature f of row r at <c>f * RowsPerBlock + r</c>.</param>
    /// <param name="rows">The rows of the block (at most <see cref="FlatForest.RowsPerBlock"/>).</param>
    /// <param name="raw">
    /// The raw scores, output-major: output k of row r at <c>k * RowsPerBlock + r</c>. The entries of rows past
    /// <paramref name="rows"/> may be overwritten with meaningless sums.
    /// </param>
    public void Accumulate(ReadOnlySpan<float> block, int rows, Span<double> raw)
    {
        // The 16-lane kernel where the processor has AVX-512, else the scalar one; both give the same bits.
        if (Avx512F.IsSupported)
        {
            AccumulateVector(block, rows, raw);
        }
        else
        {
            AccumulateScalar(block, rows, raw);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AccumulateScalar(ReadOnlySpan<float> block, int rows, Span<double> raw)
    {
        ref var x = ref MemoryMarshal.GetReference(block);
        ref var offset0 = ref MemoryMarshal.GetArrayDataReference(offsets);
        ref var threshold0 = ref MemoryMarshal.GetArrayDataReference(thresholds);
        ref var leaf0 = ref MemoryMarshal.GetArrayDataReference(leaves);
        var depth = Depth;
        for (var t = 0; t < outputOfTree.Length; t++)
        {
            ref var offset = ref Unsafe.Add(ref offset0, t * inner);
            ref var threshold = ref Unsafe.Add(ref threshold0, t * inner);
            ref var leaf = ref Unsafe.Add(ref leaf0, t << depth);
            var sums = raw.Slice(outputOfTree[t] * Stride, rows);
            var r = 0;
            // Four events at a time: their chains of loads are independent, so their latencies overlap.
            for (; r + 4 <= rows; r += 4)
            {
                int a = 0, b = 0, c = 0, d = 0;
                for (var level = 0; level < depth; level++)
                {
                    a = (2 * a) + 1 + (Unsafe.Add(ref x, Unsafe.Add(ref offset, a) + r) > Unsafe.Add(ref threshold, a) ? 1 : 0);
                    b = (2 * b) + 1 + (Unsafe.Add(ref x, Unsafe.Add(ref offset, b) + r + 1) > Unsafe.Add(ref threshold, b) ? 1 : 0);
                    c = (2 * c) + 1 + (Unsafe.Add(ref x, Unsafe.Add(ref offset, c) + r + 2) > Unsafe.Add(ref threshold, c) ? 1 : 0);
                    d = (2 * d) + 1 + (Unsafe.Add(ref x, Unsafe.Add(ref offset, d) + r + 3) > Unsafe.Add(ref threshold, d) ? 1 : 0);
                }

                sums[r] += Unsafe.Add(ref leaf, a - inner);
                sums[r + 1] += Unsafe.Add(ref leaf, b - inner);
                sums[r + 2] += Unsafe.Add(ref leaf, c - inner);
                sums[r + 3] += Unsafe.Add(ref leaf, d - inner);
            }

            for (; r < rows; r++)
            {
                var a = 0;
                for (var level = 0; level < depth; level++)
                {
                    a = (2 * a) + 1 + (Unsafe.Add(ref x, Unsafe.Add(ref offset, a) + r) > Unsafe.Add(ref threshold, a) ? 1 : 0);
                }

                sums[r] += Unsafe.Add(ref leaf, a - inner);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal unsafe void AccumulateVector(ReadOnlySpan<float> block, int rows, Span<double> raw)
    {
        // Sixteen events per group, one 512-bit register of slots.
        var depth = Depth;
        var groups = (rows + 15) / 16;
        var lane = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        fixed (float* x = block)
        fixed (int* offset0 = offsets)
        fixed (float* threshold0 = thresholds)
        fixed (double* leaf0 = leaves)
        fixed (double* sum0 = raw)
        {
            for (var t = 0; t < outputOfTree.Length; t++)
            {
                var offset = offset0 + (t * inner);
                var threshold = threshold0 + (t * inner);
                var leaf = leaf0 + ((long)t << depth);
                var sums = sum0 + (outputOfTree[t] * Stride);
                var g = 0;
                // Four groups at a time: their gathers are independent, so their latencies overlap.
                for (; g + 4 <= groups; g += 4)
                {
                    var row0 = lane + Vector512.Create(g * 16);
                    var row1 = row0 + Vector512.Create(16);
                    var row2 = row0 + Vector512.Create(32);
                    var row3 = row0 + Vector512.Create(48);
                    Vector512<int> s0 = default, s1 = default, s2 = default, s3 = default;
                    for (var level = 0; level < depth; level++)
                    {
                        var first = (1 << level) - 1;
                        var offsetLow = Vector512.Load(offset + first);
                        var offsetHigh = Vector512.Load(offset + first + 16);
                        var thresholdLow = Vector512.Load(threshold + first);
                        var thresholdHigh = Vector512.Load(threshold + first + 16);
                        s0 = Descend(x, offset, threshold, level, offsetLow, offsetHigh, thresholdLow, thresholdHigh, s0, row0);
                        s1 = Descend(x, offset, threshold, level, offsetLow, offsetHigh, thresholdLow, thresholdHigh, s1, row1);
                        s2 = Descend(x, offset, threshold, level, offsetLow, offsetHigh, thresholdLow, thresholdHigh, s2, row2);
                        s3 = Descend(x, offset, threshold, level, offsetLow, offsetHigh, thresholdLow, thresholdHigh, s3, row3);
                    }

                    AddLeaves(leaf, s0 - Vector512.Create(inner), sums + (g * 16));
                    AddLeaves(leaf, s1 - Vector512.Create(inner), sums + (g * 16) + 16);
                    AddLeaves(leaf, s2 - Vector512.Create(inner), sums + (g * 16) + 32);
                    AddLeaves(leaf, s3 - Vector512.Create(inner), sums + (g * 16) + 48);
                }

                for (; g < groups; g++)
                {
                    var row = lane + Vector512.Create(g * 16);
                    var slot = Vector512<int>.Zero;
                    for (var level = 0; level < depth; level++)
                    {
                        var first = (1 << level) - 1;
                        slot = Descend(
                            x, offset, threshold, level, Vector512.Load(offset + first), Vector512.Load(offset + first + 16),
                            Vector512.Load(threshold + first), Vector512.Load(threshold + first + 16), slot, row);
                    }

                    AddLeaves(leaf, slot - Vector512.Create(inner), sums + (g * 16));
                }
            }
        }
    }

    // One step down for sixteen events. The nodes of levels 0-4 (at most 16) are picked out of a register by a
    // permutation, level 5 (32 nodes) out of two, deeper levels by gathers; the feature values are always gathered.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<int> Descend(
        float* x, int* offset, float* threshold, int level, Vector512<int> offsetLow, Vector512<int> offsetHigh,
        Vector512<float> thresholdLow, Vector512<float> thresholdHigh, Vector512<int> slot, Vector512<int> row)
    {
        var local = slot - Vector512.Create((1 << level) - 1);
        Vector512<int> o;
        Vector512<float> h;
        if (level <= 4)
        {
            o = Avx512F.PermuteVar16x32(offsetLow, local);
            h = Avx512F.PermuteVar16x32(thresholdLow, local);
        }
        else if (level == 5)
        {
            o = Avx512F.PermuteVar16x32x2(offsetLow, local, offsetHigh);
            h = Avx512F.PermuteVar16x32x2(thresholdLow, local, thresholdHigh);
        }
        else
        {
            o = Gather(offset, slot);
            h = Gather(threshold, slot);
        }

        var right = Vector512.GreaterThan(Gather(x, o + row), h).AsInt32();
        return slot + slot + Vector512<int>.One - right;
    }

    // Adds the values of the leaves reached by sixteen events to their sums.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void AddLeaves(double* leaf, Vector512<int> reached, double* sum)
    {
        var low = reached.GetLower();
        var high = reached.GetUpper();
        var first8 = Vector512.Create(Avx2.GatherVector256(leaf, low.GetLower(), 8), Avx2.GatherVector256(leaf, low.GetUpper(), 8));
        var last8 = Vector512.Create(Avx2.GatherVector256(leaf, high.GetLower(), 8), Avx2.GatherVector256(leaf, high.GetUpper(), 8));
        Vector512.Store(Vector512.Load(sum) + first8, sum);
        Vector512.Store(Vector512.Load(sum + 8) + last8, sum + 8);
    }

    // .NET has no 512-bit gather: two 256-bit ones.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<int> Gather(int* source, Vector512<int> index) =>
        Vector512.Create(Avx2.GatherVector256(source, index.GetLower(), 4), Avx2.GatherVector256(source, index.GetUpper(), 4));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> Gather(float* source, Vector512<int> index) =>
        Vector512.Create(Avx2.GatherVector256(source, index.GetLower(), 4), Avx2.GatherVector256(source, index.GetUpper(), 4));

    private void Fill(RegressionTree tree, int t, int node, int slot, int level)
    {
        if (level == Depth)
        {
            leaves[(t << Depth) + slot - inner] = tree.Values[node];
            return;
        }

        var at = (t * inner) + slot;
        var feature = tree.Features[node];
        if (feature < 0)
        {
            // A leaf above the last level: everything goes left, both subtrees end in its value.
            offsets[at] = 0;
            thresholds[at] = float.PositiveInfinity;
            Fill(tree, t, node, (2 * slot) + 1, level + 1);
            Fill(tree, t, node, (2 * slot) + 2, level + 1);
            return;
        }

        offsets[at] = feature * Stride;
        thresholds[at] = FlatForest.FloatThreshold(tree.Thresholds[node]);
        Fill(tree, t, tree.LeftChildren[node], (2 * slot) + 1, level + 1);
        Fill(tree, t, tree.RightChildren[node], (2 * slot) + 2, level + 1);
    }

    private static int DepthOf(RegressionTree tree)
    {
        // Breadth-first with levels, so a long chain cannot exhaust the stack; stops once past MaxDepth.
        var level = new List<int> { 0 };
        var depth = 0;
        while (true)
        {
            var next = new List<int>();
            foreach (var n in level)
            {
                if (tree.Features[n] >= 0)
                {
                    next.Add(tree.LeftChildren[n]);
                    next.Add(tree.RightChildren[n]);
                }
            }

            if (next.Count == 0 || depth > MaxDepth)
            {
                return depth;
            }

            depth++;
            level = next;
        }
    }
}
