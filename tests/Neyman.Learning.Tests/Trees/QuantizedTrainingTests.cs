using Neyman.Events.Tables;
using Neyman.Learning.Training;
using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class QuantizedTrainingTests
{
    [Fact]
    public void RoundingIsUnbiasedAndWithinTheLevels()
    {
        const int N = 200_000;
        var gradient = new float[N];
        var hessian = new float[N];
        var random = new Core.RandomStream(3);
        for (var i = 0; i < N; i++)
        {
            gradient[i] = (float)random.NextUniform(-0.7, 0.7);
            hessian[i] = (float)random.NextUniform(0.0, 0.25);
        }

        gradient[0] = 0.75f;
        hessian[0] = 0.25f;
        var rows = Enumerable.Range(0, N).ToArray();
        using var team = new WorkerTeam(new ParallelOptions { MaxDegreeOfParallelism = 2 });
        var q = new QuantizedGradients(4, N, seed: 9);
        q.Quantize(gradient, hessian, rows, 0, team);
        Assert.Equal(0.75 / 2, q.GradientScale, 12);
        Assert.Equal(0.25 / 4, q.HessianScale, 12);
        Assert.Equal(0, q.HessianOffset);
        double exactGradient = 0, exactHessian = 0, roundedGradient = 0, roundedHessian = 0;
        for (var i = 0; i < N; i++)
        {
            var word = q.WordOf(i);
            Assert.Equal(1, QuantizedGradients.Count(word));
            Assert.InRange(q.GradientUnits(word), -2, 2);
            Assert.InRange(q.HessianUnits(word), 0, 4);
            // Rounded to a neighbouring level of the exact value.
            Assert.InRange(q.GradientUnits(word) - (gradient[i] / q.GradientScale), -1.0000001, 1.0000001);
            exactGradient += gradient[i];
            exactHessian += hessian[i];
            roundedGradient += q.GradientUnits(word) * q.GradientScale;
            roundedHessian += q.HessianUnits(word) * q.HessianScale;
        }

        // Unbiased: the sums agree within a few standard deviations of the rounding noise (at most scale/2 per event).
        Assert.InRange(roundedGradient - exactGradient, -5 * q.GradientScale / 2 * Math.Sqrt(N), 5 * q.GradientScale / 2 * Math.Sqrt(N));
        Assert.InRange(roundedHessian - exactHessian, -5 * q.HessianScale / 2 * Math.Sqrt(N), 5 * q.HessianScale / 2 * Math.Sqrt(N));
    }

    [Fact]
    public void VectorAndOneByOneRoundingGiveTheSameWords()
    {
        // All rows (contiguous: whole vectors) against all rows but one (one event at a time); the scales are the
        // same because the left-out row holds neither extreme.
        const int N = 1001;
        var random = new Core.RandomStream(12);
        var gradient = Enumerable.Range(0, N).Select(_ => (float)random.NextUniform(-1, 1)).ToArray();
        var hessian = Enumerable.Range(0, N).Select(_ => (float)random.NextUniform(-0.1, 0.3)).ToArray();
        (gradient[5], hessian[5]) = (0f, 0.1f);
        using var team = new WorkerTeam(new ParallelOptions { MaxDegreeOfParallelism = 2 });
        var all = new QuantizedGradients(8, N, seed: 4);
        all.Quantize(gradient, hessian, [.. Enumerable.Range(0, N)], 3, team);
        var most = new QuantizedGradients(8, N, seed: 4);
        most.Quantize(gradient, hessian, [.. Enumerable.Range(0, N).Where(i => i != 5)], 3, team);
        Assert.Equal(all.GradientScale, most.GradientScale);
        Assert.Equal(all.HessianScale, most.HessianScale);
        Assert.Equal(8, all.HessianOffset);
        for (var i = 0; i < N; i++)
        {
            Assert.Equal(i == 5 ? 0 : all.Codes[i], most.Codes[i]);
        }

        // Another tree of the same seed draws other uniforms.
        var next = new QuantizedGradients(8, N, seed: 4);
        next.Quantize(gradient, hessian, [.. Enumerable.Range(0, N)], 4, team);
        Assert.NotEqual(all.Codes, next.Codes);
    }

    [Fact]
    public void NegativeHessiansGetAnOffsetAndPackedSumsUnpackExactly()
    {
        float[] gradient = [0.5f, -0.5f, 0.25f, -0.1f];
        float[] hessian = [0.2f, -0.2f, 0.1f, 0.0f];
        using var team = new WorkerTeam(new ParallelOptions { MaxDegreeOfParallelism = 1 });
        var q = new QuantizedGradients(64, 4, seed: 1);
        q.Quantize(gradient, hessian, [0, 1, 2, 3], 7, team);
        Assert.Equal(64, q.HessianOffset);
        Assert.Equal(32, q.GradientOffset);
        Assert.Equal(32, q.GradientUnits(q.WordOf(0)));
        Assert.Equal(-32, q.GradientUnits(q.WordOf(1)));
        Assert.Equal(64, q.HessianUnits(q.WordOf(0)));
        Assert.Equal(-64, q.HessianUnits(q.WordOf(1)));
        // A sum of words unpacks into the sums of the fields.
        var words = Enumerable.Range(0, 4).Select(q.WordOf).ToArray();
        var sum = words.Sum();
        Assert.Equal(4, QuantizedGradients.Count(sum));
        Assert.Equal(words.Sum(w => q.GradientUnits(w)), q.GradientUnits(sum));
        Assert.Equal(words.Sum(w => q.HessianUnits(w)), q.HessianUnits(sum));
        Assert.True(q.ChunkRows * 2L * 64 < 1L << 22);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void PackedHistogramHoldsTheRoundedSumsOverManyChunks(int featureCount)
    {
        // 160,000 of 240,000 rows at 64 levels: three chunks of at most 65,535 rows.
        const int N = 240_000;
        var random = new Core.RandomStream(4);
        var gradient = Enumerable.Range(0, N).Select(_ => (float)random.NextGaussian(0, 1)).ToArray();
        var hessian = Enumerable.Range(0, N).Select(_ => (float)random.NextUniform(0, 1)).ToArray();
        var columns = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, N).Select(_ => (byte)random.NextInt(256)).ToArray()).ToArray();
        var rows = Enumerable.Range(0, N).Where(i => i % 3 != 1).ToArray();
        using var team = new WorkerTeam(new ParallelOptions { MaxDegreeOfParallelism = 1 });
        var q = new QuantizedGradients(64, N, seed: 2);
        q.Quantize(gradient, hessian, rows, 0, team);
        Assert.True(rows.Length > 2 * q.ChunkRows);
        var histogram = new GradientHistogram(4);
        var features = Enumerable.Range(0, featureCount).ToArray();
        histogram.AccumulatePacked(features, columns, rows, q.Codes, q);
        foreach (var f in features)
        {
            var expectedGradient = new long[256];
            var expectedHessian = new long[256];
            var expectedCount = new long[256];
            foreach (var r in rows)
            {
                expectedGradient[columns[f][r]] += q.GradientUnits(q.WordOf(r));
                expectedHessian[columns[f][r]] += q.HessianUnits(q.WordOf(r));
                expectedCount[columns[f][r]]++;
            }

            for (var bin = 0; bin < 256; bin++)
            {
                Assert.Equal(expectedCount[bin], histogram.Count(f, bin));
                Assert.Equal(expectedGradient[bin] * q.GradientScale, histogram.Gradient(f, bin), 9);
                Assert.Equal(expectedHessian[bin] * q.HessianScale, histogram.Hessian(f, bin), 9);
            }
        }
    }

    [Fact]
    public void QuantizedTrainingGivesTheSameBitsOnAnyThreadCountAndLearnsAsWell()
    {
        // 70,000 events: the root and its children are partitioned and accumulated on several threads.
        var training = TreeTestData.Gaussians(70_000, 14);
        var test = TreeTestData.Gaussians(20_000, 15);
        var options = new BoostingOptions { TreeCount = 30, MaxDepth = 3, LearningRate = 0.2, GradientLevels = 4, Seed = 5 };
        var serial = GradientBoosting.Train(training, options with { Threads = 1 }).Model;
        var json = BoostedTreesModelFile.ToJson(serial).ToJsonString();
        Assert.Equal(json, BoostedTreesModelFile.ToJson(GradientBoosting.Train(training, options with { Threads = 2 }).Model).ToJsonString());
        Assert.Equal(json, BoostedTreesModelFile.ToJson(GradientBoosting.Train(training, options with { Threads = 3 }).Model).ToJsonString());
        Assert.NotEqual(json, BoostedTreesModelFile.ToJson(GradientBoosting.Train(training, options with { Seed = 6 }).Model).ToJsonString());

        var exact = GradientBoosting.Train(training, options with { GradientLevels = 0 }).Model;
        var quantizedAuc = Auc(serial, test);
        var exactAuc = Auc(exact, test);
        Assert.InRange(quantizedAuc, exactAuc - 0.002, exactAuc + 0.002);
    }

    [Fact]
    public void SubsampledRowsAndFeaturesGiveTheSameBitsOnAnyThreadCount()
    {
        // Row subsampling takes the one-event-at-a-time rounding and the gathered root; column subsampling leaves
        // feature groups that are not the whole set. Softmax grows one quantized tree per class each round.
        var training = TreeTestData.Gaussians(40_000, 16);
        var options = new BoostingOptions
        {
            TreeCount = 6, MaxDepth = 4, GradientLevels = 8, RowSubsample = 0.7, ColumnSubsample = 0.67, Seed = 9,
        };
        var one = BoostedTreesModelFile.ToJson(GradientBoosting.Train(training, options with { Threads = 1 }).Model).ToJsonString();
        Assert.Equal(one, BoostedTreesModelFile.ToJson(GradientBoosting.Train(training, options with { Threads = 3 }).Model).ToJsonString());

        var label = training["label"].Float32Values.Select((v, i) => v == 1 ? (i % 4 == 1 ? 2f : 1f) : 0f).ToArray();
        var three = training.Without("label").WithColumn(EventColumn.Float32("label", label));
        var softmax = options with { Objective = BoostingObjectiveKind.Softmax, RowSubsample = 1, ColumnSubsample = 1 };
        var serial = BoostedTreesModelFile.ToJson(GradientBoosting.Train(three, softmax with { Threads = 1 }).Model).ToJsonString();
        Assert.Equal(serial, BoostedTreesModelFile.ToJson(GradientBoosting.Train(three, softmax with { Threads = 2 }).Model).ToJsonString());
    }

    [Fact]
    public void RenewedLeafValuesComeFromTheExactGradients()
    {
        // One stump on squared loss without penalty: each leaf's value is the shrunk mean residual of its events,
        // exactly, although the split was chosen on rounded gradients.
        var (x, y, table, options) = Stump();
        var model = GradientBoosting.Train(table, options with { RenewQuantizedLeaves = true }).Model;
        var tree = model.Trees[0];
        var baseScore = model.BaseScores[0];
        var leftRows = x.Where(v => v <= tree.Thresholds[0]).Select(v => (int)v).ToArray();
        var rightRows = x.Where(v => v > tree.Thresholds[0]).Select(v => (int)v).ToArray();
        // Gradients are kept as float32: the means agree to float precision, while a leaf value from rounded
        // gradients (units of max|g| / 1 here) would be off by up to half a unit.
        Assert.Equal(leftRows.Average(i => y[i] - baseScore), tree.Values[tree.LeftChildren[0]], 6);
        Assert.Equal(rightRows.Average(i => y[i] - baseScore), tree.Values[tree.RightChildren[0]], 6);
    }

    [Fact]
    public void WithoutRenewalLeafValuesAreTheRoundedMeans()
    {
        // The same stump with leaf values from the rounded sums: the hessians (1 each) round exactly, the gradients
        // (units of max|g| here) without bias, so each leaf's mean is off by a few hundredths of a unit (~0.5 / sqrt(500)),
        // and never by a whole unit.
        var (x, y, table, options) = Stump();
        var model = GradientBoosting.Train(table, options).Model;
        var tree = model.Trees[0];
        var baseScore = model.BaseScores[0];
        var unit = y.Max(v => Math.Abs(v - baseScore));
        foreach (var (rows, value) in new[]
        {
            (x.Where(v => v <= tree.Thresholds[0]), tree.Values[tree.LeftChildren[0]]),
            (x.Where(v => v > tree.Thresholds[0]), tree.Values[tree.RightChildren[0]]),
        })
        {
            var exact = rows.Average(v => y[(int)v] - baseScore);
            Assert.NotEqual(exact, value, 6);
            Assert.InRange(value, exact - (0.1 * unit), exact + (0.1 * unit));
        }
    }

    private static (double[] X, double[] Y, EventTable Table, BoostingOptions Options) Stump()
    {
        var x = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();
        var y = x.Select(v => v < 500 ? 1.0 + (0.001 * v) : 3.0 - (0.002 * v)).ToArray();
        var options = new BoostingOptions
        {
            Objective = BoostingObjectiveKind.Squared, TreeCount = 1, MaxDepth = 1, LearningRate = 1, L2 = 0, MinChildWeight = 0, GradientLevels = 2,
        };
        return (x, y, TreeTestData.Table(("x", x), ("label", y)), options);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(66)]
    public void GradientLevelsMustBeEvenFromTwoTo64(int levels)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BoostingOptions { GradientLevels = levels }.Validate());
        Assert.Equal(nameof(BoostingOptions.GradientLevels), e.ParamName);
    }

    private static double Auc(BoostedTreesModel model, EventTable test)
    {
        var score = new double[test.RowCount];
        model.Predict(test)["score"].CopyTo(score);
        var label = new double[test.RowCount];
        test["label"].CopyTo(label);
        return ValidationMetrics.Auc(score, label, [.. Enumerable.Repeat(1.0, test.RowCount)]);
    }
}
