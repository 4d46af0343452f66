using System.Runtime.InteropServices;

namespace Neyman.Learning.Trees;

/// <summary>
/// All trees of an ensemble in one array of 16-byte nodes, children of a node stored side by side so a step down
/// is <c>left + (goRight ? 1 : 0)</c>. A leaf has feature -1 and keeps its value in the threshold slot. Read-only
/// after construction, so any number of threads may predict at once.
/// </summary>
internal sealed class FlatForest
{
    private const int BlockRows = 128;

    private readonly FlatNode[] nodes;
    private readonly CompactNode[] compact;
    private readonly int[] roots;
    private readonly int[] outputOfTree;

    public FlatForest(IReadOnlyList<RegressionTree> trees, int outputCount)
    {
        var list = new List<FlatNode>();
        roots = new int[trees.Count];
        outputOfTree = new int[trees.Count];
        for (var t = 0; t < trees.Count; t++)
        {
            roots[t] = list.Count;
            outputOfTree[t] = t % outputCount;
            Flatten(trees[t], list);
        }

        nodes = [.. list];
        compact = [.. nodes.Select(Compact)];
        OutputCount = outputCount;
    }

    public int OutputCount { get; }

    /// <summary>Adds every tree's output to <paramref name="raw"/> (events x outputs) for row-major features.</summary>
    /// <param name="features">Feature values, row-major, <paramref name="featureCount"/> per event.</param>
    /// <param name="featureCount">The number of features.</param>
    /// <param name="raw">The raw scores to add to.</param>
    public void Accumulate(ReadOnlySpan<double> features, int featureCount, Span<double> raw)
    {
        var rows = features.Length / featureCount;
        var k = OutputCount;
        for (var t = 0; t < roots.Length; t++)
        {
            var root = roots[t];
            var output = outputOfTree[t];
            for (var r = 0; r < rows; r++)
            {
                var x = features.Slice(r * featureCount, featureCount);
                var i = root;
                ref readonly var node = ref nodes[i];
                while (node.Feature >= 0)
                {
                    var v = x[node.Feature];
                    var goRight = double.IsNaN(v) ? !node.DefaultLeft : v > node.Threshold;
                    i = node.Left + (goRight ? 1 : 0);
                    node = ref nodes[i];
                }

                raw[(r * k) + output] += node.Threshold;
            }
        }
    }

    /// <summary>
    /// Adds every tree's output to a block's raw scores for float32 features, on 12-byte nodes whose float threshold
    /// is <see cref="FloatThreshold"/> of the double one, so every float takes the same path.
    /// </summary>
    /// <param name="block">Feature values, feature-major: feature f of row r at <c>f * RowsPerBlock + r</c>.</param>
    /// <param name="rows">The rows of the block (at most <see cref="RowsPerBlock"/>).</param>
    /// <param name="raw">The raw scores, output-major: output k of row r at <c>k * RowsPerBlock + r</c>.</param>
    public void Accumulate(ReadOnlySpan<float> block, int rows, Span<double> raw)
    {
        // Eight events walk each tree in lockstep: their loads are independent, so their latencies overlap.
        const int Lanes = 8;
        Span<int> at = stackalloc int[Lanes];
        for (var t = 0; t < roots.Length; t++)
        {
            var root = roots[t];
            var sums = raw.Slice(outputOfTree[t] * BlockRows, rows);
            for (var r0 = 0; r0 < rows; r0 += Lanes)
            {
                var lanes = Math.Min(Lanes, rows - r0);
                at[..lanes].Fill(root);
                var moving = true;
                while (moving)
                {
                    moving = false;
                    for (var j = 0; j < lanes; j++)
                    {
                        var node = compact[at[j]];
                        if (node.Feature >= 0)
                        {
                            var v = block[(node.Feature * BlockRows) + r0 + j];
                            var goRight = float.IsNaN(v) ? !node.DefaultLeft : v > node.Threshold;
                            at[j] = node.Left + (goRight ? 1 : 0);
                            moving = true;
                        }
                    }
                }

                for (var j = 0; j < lanes; j++)
                {
                    sums[r0 + j] += nodes[at[j]].Threshold;
                }
            }
        }
    }

    /// <summary>The largest float not above a double threshold: for a float v, v &lt;= t exactly when v &lt;= it.</summary>
    /// <param name="threshold">The double threshold.</param>
    public static float FloatThreshold(double threshold)
    {
        var f = (float)threshold;
        return f > threshold ? MathF.BitDecrement(f) : f;
    }

    /// <summary>Rows predicted together: their features fit in a few kilobytes of cache.</summary>
    public const int RowsPerBlock = BlockRows;

    private static void Flatten(RegressionTree tree, List<FlatNode> list)
    {
        // Breadth-first re-layout so that the two children of every node are adjacent.
        var baseIndex = list.Count;
        var order = new List<int> { 0 };
        var position = new Dictionary<int, int> { [0] = 0 };
        for (var q = 0; q < order.Count; q++)
        {
            var n = order[q];
            if (tree.Features[n] >= 0)
            {
                position[tree.LeftChildren[n]] = order.Count;
                order.Add(tree.LeftChildren[n]);
                position[tree.RightChildren[n]] = order.Count;
                order.Add(tree.RightChildren[n]);
            }
        }

        foreach (var n in order)
        {
            list.Add(tree.Features[n] >= 0
                ? new FlatNode(tree.Features[n], baseIndex + position[tree.LeftChildren[n]], tree.Thresholds[n], tree.DefaultLeft[n])
                : new FlatNode(-1, -1, tree.Values[n], false));
        }
    }

    private static CompactNode Compact(FlatNode node)
    {
        if (node.Feature < 0)
        {
            return new CompactNode(-1, 0, -1, false);
        }

        return new CompactNode((short)node.Feature, FloatThreshold(node.Threshold), node.Left, node.DefaultLeft);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct FlatNode(int Feature, int Left, double Threshold, bool DefaultLeft);

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct CompactNode(short Feature, float Threshold, int Left, bool DefaultLeft);
}
