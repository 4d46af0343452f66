using Neyman.Core;

namespace Neyman.Core.Tests;

public class PreconditionsTests
{
    [Fact]
    public void Checks_pass_good_values_through()
    {
        Assert.Equal(0.5, Preconditions.CheckRange(0.5, 0, 1));
        Assert.Equal(1.0, Preconditions.CheckRange(1.0, 0, 1));
        Assert.Equal(3, Preconditions.CheckPositive(3));
        Assert.Equal(-2.5, Preconditions.CheckFinite(-2.5));
        Preconditions.CheckArgument(true, "never thrown");
    }

    [Fact]
    public void Failures_name_the_argument_expression()
    {
        var width = double.NaN;
        var range = Assert.Throws<ArgumentOutOfRangeException>(() => Preconditions.CheckRange(width, 0, 1));
        Assert.Equal("width", range.ParamName);
        var bins = 0;
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => Preconditions.CheckPositive(bins)).ParamName);
        var scale = double.PositiveInfinity;
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => Preconditions.CheckFinite(scale)).ParamName);
        var count = -1;
        var argument = Assert.Throws<ArgumentException>(() => Preconditions.CheckArgument(count >= 0, "expected a count"));
        Assert.Contains("count >= 0", argument.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Preconditions.CheckRange(1.5, 0, 1));
    }
}
