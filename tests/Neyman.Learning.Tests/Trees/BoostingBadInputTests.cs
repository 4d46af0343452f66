using Neyman.Core;
using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class BoostingBadInputTests
{
    private static readonly BoostingOptions Options = new() { TreeCount = 2, MaxDepth = 2 };

    [Fact]
    public void NonBinaryLabelForLogisticNamesRowAndValue()
    {
        var table = TreeTestData.Table(("x", [1, 2, 3, 4]), ("label", [0, 1, 2, 0]));
        var e = Assert.Throws<InputException>(() => GradientBoosting.Train(table, Options));
        Assert.Equal("column 'label', row 3", e.Location);
        Assert.Contains("needs labels 0 or 1, found 2", e.Problem);
    }

    [Fact]
    public void SingleClassIsRefused()
    {
        var table = TreeTestData.Table(("x", [1, 2, 3]), ("label", [1, 1, 1]));
        var e = Assert.Throws<InputException>(() => GradientBoosting.Train(table, Options));
        Assert.Contains("needs both classes 0 and 1", e.Problem);
    }

    [Fact]
    public void SoftmaxNeedsIntegerClassIndices()
    {
        var table = TreeTestData.Table(("x", [1, 2, 3]), ("label", [0, 1.5, 2]));
        var e = Assert.Throws<InputException>(() => GradientBoosting.Train(table, Options with { Objective = BoostingObjectiveKind.Softmax }));
        Assert.Equal("column 'label', row 2", e.Location);
    }

    [Fact]
    public void NaNLabelIsRefused()
    {
        var table = TreeTestData.Table(("x", [1, 2, 3]), ("label", [0, double.NaN, 1]));
        var e = Assert.Throws<InputException>(() => GradientBoosting.Train(table, Options));
        Assert.Equal("column 'label', row 2", e.Location);
        Assert.Contains("non-finite", e.Problem);
    }

    [Fact]
    public void NaNWeightIsRefused()
    {
        var table = TreeTestData.Table(("x", [1, 2, 3]), ("label", [0, 1, 1]), ("w", [1, 1, double.NaN]));
        var e = Assert.Throws<InputException>(() => GradientBoosting.Train(table, Options, new BoostingColumns(Weight: "w")));
        Assert.Equal("column 'w', row 3", e.Location);
    }

    [Fact]
    public void MissingColumnsListTheAvailableOnes()
    {
        var table = TreeTestData.Table(("x", [1, 2, 3]), ("label", [0, 1, 1]));
        var e = Assert.Throws<InputException>(() => GradientBoosting.Train(table, Options, new BoostingColumns(["x", "pt"])));
        Assert.Equal("column 'pt'", e.Location);
        Assert.Contains("they have: x, label", e.Problem);
    }

    [Fact]
    public void ValidationLabelsAreCheckedToo()
    {
        var table = TreeTestData.Table(("x", [1, 2, 3, 4]), ("label", [0, 1, 1, 0]));
        var validation = TreeTestData.Table(("x", [1, 2]), ("label", [0, 3]));
        var e = Assert.Throws<InputException>(() => GradientBoosting.Train(table, Options, validation: validation));
        Assert.Equal("column 'label', row 2", e.Location);
    }

    [Fact]
    public void NonPositiveTotalWeightIsRefused()
    {
        var table = TreeTestData.Table(("x", [1, 2]), ("label", [0, 1]), ("w", [1, -2]));
        var e = Assert.Throws<InputException>(() => GradientBoosting.Train(table, Options, new BoostingColumns(Weight: "w")));
        Assert.Contains("positive total", e.Problem);
    }
}
