using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

/// <summary>The leaves of a grown tree: plain leaves and unpartitioned splits at the depth limit, applied and summed.</summary>
public sealed class GrownRowsTests
{
    // 12 events: leaf node 3 holds rows {0, 5, 9}, leaf node 4 rows {2, 7}; a deferred split (left node 5, right 6) holds
    // the other seven, sent left when their bin is at most 1.
    private static readonly int[] Rows = [0, 5, 9, 2, 7, 1, 3, 4, 6, 8, 10, 11];
    private static readonly byte[] Column = [9, 0, 9, 2, 1, 9, 3, 9, 2, 9, 1, 0];
    private static readonly int[] ExpectedLeaf = [3, 5, 4, 6, 5, 3, 6, 4, 6, 3, 5, 5];
    private static readonly double[] Values = [0, 0, 0, 0.5, -0.25, 2, -3];

    private static GrownRows Grown(int rowCount) =>
        new(Rows, rowCount, [new GrownLeaf(3, 0, 3), new GrownLeaf(4, 3, 2)],
            [new DeferredSplit(5, 7, Column, [1, 1, 0, 0, 0, 0, 0, 0, 0, 0], 5)], new byte[12]);

    [Fact]
    public void Every_event_gets_its_leaf_value_in_row_order_and_by_scatter()
    {
        using var team = new WorkerTeam(new ParallelOptions { MaxDegreeOfParallelism = 2 });
        var scores = Enumerable.Range(0, 12).Select(i => 0.125 * i).ToArray();
        var expected = scores.Select((s, i) => s + Values[ExpectedLeaf[i]]).ToArray();

        Grown(12).AddValues(scores, 1, 0, Values, team);
        Assert.Equal(expected, scores);

        // Two outputs per event take the scattered path; only output 1 changes.
        var pairs = new double[24];
        Grown(12).AddValues(pairs, 2, 1, Values, team);
        Assert.Equal(ExpectedLeaf.Select(l => Values[l]), pairs.Where((_, i) => i % 2 == 1));
        Assert.All(pairs.Where((_, i) => i % 2 == 0), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Leaf_of_each_event_and_exact_sums_per_leaf()
    {
        using var team = new WorkerTeam(new ParallelOptions { MaxDegreeOfParallelism = 2 });
        var grown = Grown(12);
        var leafOf = new int[12];
        grown.FillLeafOf(leafOf);
        Assert.Equal(ExpectedLeaf, leafOf);

        var gradient = Enumerable.Range(0, 12).Select(i => (float)(i - 5.5)).ToArray();
        var hessian = Enumerable.Range(0, 12).Select(i => (float)(1 + i)).ToArray();
        var sums = grown.LeafSums(gradient, hessian, team);
        Assert.Equal(4, grown.LeafCount);
        foreach (var (node, g, h) in sums)
        {
            var rows = Enumerable.Range(0, 12).Where(r => ExpectedLeaf[r] == node).ToArray();
            Assert.Equal(rows.Sum(r => (double)gradient[r]), g);
            Assert.Equal(rows.Sum(r => (double)hessian[r]), h);
        }

        Assert.Equal([3, 4, 5, 6], sums.Select(s => s.Node).Order());
    }
}
