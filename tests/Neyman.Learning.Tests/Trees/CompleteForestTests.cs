using Neyman.Core;
using Neyman.Events.Tables;
using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class CompleteForestTests
{
    private const int Block = FlatForest.RowsPerBlock;

    [Theory]
    [InlineData(1, 1, 128)]
    [InlineData(3, 1, 77)]
    [InlineData(6, 1, 128)]
    [InlineData(6, 3, 100)]
    [InlineData(7, 1, 5)]
    [InlineData(8, 2, 128)]
    public void PaddedTreesGiveTheBitsOfTheNodeWalk(int maxDepth, int outputs, int rows)
    {
        var random = new RandomStream(11);
        const int Features = 5;
        var probes = Enumerable.Range(0, 12).Select(_ => random.NextGaussian(0, 1)).ToArray();
        var trees = Enumerable.Range(0, 7 * outputs).Select(_ => RandomTree(random, maxDepth, Features, probes)).ToList();
        var forest = CompleteForest.TryCreate(trees, outputs, Features);
        Assert.NotNull(forest);
        Assert.Equal(trees.Max(Depth), forest.Depth);

        // Feature values on, just below and just above every threshold (as floats), and far out.
        var block = new float[Block * Features];
        for (var i = 0; i < block.Length; i++)
        {
            var p = (float)probes[random.NextInt(probes.Length)];
            block[i] = (i % 5) switch
            {
                0 => p,
                1 => MathF.BitDecrement(p),
                2 => MathF.BitIncrement(p),
                3 => (float)random.NextGaussian(0, 1),
                _ => i % 2 == 0 ? float.PositiveInfinity : float.NegativeInfinity,
            };
        }

        var expected = Sums(outputs, r => new FlatForest(trees, outputs).Accumulate(block, rows, r));
        var scalar = Sums(outputs, r => forest.AccumulateScalar(block, rows, r));
        Assert.Equal(expected, scalar);
        var walked = Sums(outputs, _ => { });
        for (var r = 0; r < rows; r++)
        {
            var row = Enumerable.Range(0, Features).Select(f => (double)block[(f * Block) + r]).ToArray();
            for (var t = 0; t < trees.Count; t++)
            {
                walked[((t % outputs) * Block) + r] += trees[t].Values[trees[t].LeafOf(row)];
            }
        }

        Assert.Equal(walked, expected);
        if (System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
        {
            // The 16-lane kernel also fills the sums of the block's rows past the last one: only the first rows count.
            var vectorized = Sums(outputs, r => forest.AccumulateVector(block, rows, r));
            for (var k = 0; k < outputs; k++)
            {
                Assert.Equal(expected.AsSpan(k * Block, rows), vectorized.AsSpan(k * Block, rows));
            }
        }
    }

    [Fact]
    public void ScalarKernelMatchesTheVectorOne()
    {
        var random = new RandomStream(5);
        var probes = Enumerable.Range(0, 9).Select(_ => random.NextUniform(-1, 1)).ToArray();
        var trees = Enumerable.Range(0, 20).Select(_ => RandomTree(random, 6, 3, probes)).ToList();
        var forest = CompleteForest.TryCreate(trees, 1, 3)!;
        var block = Enumerable.Range(0, Block * 3).Select(_ => (float)random.NextUniform(-1.2, 1.2)).ToArray();
        var scalar = new double[Block];
        forest.AccumulateScalar(block, Block, scalar);
        var flat = new double[Block];
        new FlatForest(trees, 1).Accumulate(block, Block, flat);
        Assert.Equal(flat, scalar);
        Assert.Contains(scalar, s => s != scalar[0]);
    }

    [Fact]
    public void TreesDeeperThanTheLimitKeepTheNodeWalk()
    {
        // A chain of MaxDepth + 1 splits on one feature.
        var tree = new RegressionTree(0, 1);
        var node = 0;
        for (var d = 0; d <= CompleteForest.MaxDepth; d++)
        {
            node = tree.Split(node, 0, 1, d, missingGoesLeft: true, gain: 1, leftValue: -d, leftCover: 1, rightValue: d, rightCover: 1) + 1;
        }

        Assert.Null(CompleteForest.TryCreate([tree], 1, 1));
        var model = new BoostedTreesModel(BoostingObjectiveKind.Squared, ["a"], [0.5], [tree], []);
        var values = Enumerable.Range(0, 300).Select(i => (float)(i * 0.04)).ToArray();
        var raw = model.PredictRaw(new EventTable([EventColumn.Float32("a", values)]), new ParallelOptions());
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(0.5 + tree.Values[tree.LeafOf([values[i]])], raw[i]);
        }
    }

    [Fact]
    public void BlocksWithMissingValuesTakeTheDefaultWays()
    {
        var training = TreeTestData.Gaussians(3000, 31).Without("noise");
        var model = GradientBoosting.Train(training, new BoostingOptions { TreeCount = 8, MaxDepth = 5 }).Model;
        var x = training["x"].Float32Values.ToArray();
        var y = training["y"].Float32Values.ToArray();
        // One block all present, one with a single missing value, one with many.
        x[Block + 7] = float.NaN;
        for (var i = 2 * Block; i < 3 * Block; i += 3)
        {
            y[i] = float.NaN;
        }

        var asFloat = new EventTable([EventColumn.Float32("x", x), EventColumn.Float32("y", y)]);
        var asDouble = new EventTable([
            EventColumn.Float64("x", [.. x.Select(v => (double)v)]), EventColumn.Float64("y", [.. y.Select(v => (double)v)])]);
        Assert.Equal(model.PredictRaw(asDouble, new ParallelOptions()), model.PredictRaw(asFloat, new ParallelOptions { MaxDegreeOfParallelism = 2 }));
    }

    private static double[] Sums(int outputs, Action<double[]> accumulate)
    {
        var sums = new double[outputs * Block];
        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] = 0.25 * (i % 3);
        }

        accumulate(sums);
        return sums;
    }

    // A random tree no deeper than maxDepth whose leaves may stop early; thresholds are drawn from the probes.
    private static RegressionTree RandomTree(RandomStream random, int maxDepth, int features, double[] probes)
    {
        var tree = new RegressionTree(random.NextGaussian(0, 1), 1);
        var open = new List<(int Node, int Depth)> { (0, 0) };
        while (open.Count > 0)
        {
            var (node, depth) = open[^1];
            open.RemoveAt(open.Count - 1);
            if (depth == maxDepth || (depth > 0 && random.NextUniform(0, 1) < 0.25))
            {
                continue;
            }

            var left = tree.Split(
                node, random.NextInt(features), 1, probes[random.NextInt(probes.Length)], random.NextUniform(0, 1) < 0.5, 1,
                random.NextGaussian(0, 1), 1, random.NextGaussian(0, 1), 1);
            open.Add((left, depth + 1));
            open.Add((left + 1, depth + 1));
        }

        return tree;
    }

    private static int Depth(RegressionTree tree)
    {
        int Walk(int n) => tree.Features[n] < 0 ? 0 : 1 + Math.Max(Walk(tree.LeftChildren[n]), Walk(tree.RightChildren[n]));
        return Walk(0);
    }
}
