using Neyman.Core;

namespace Neyman.Core.Tests;

public class InputExceptionTests
{
    [Fact]
    public void Message_names_source_and_location_before_the_problem()
    {
        Assert.Equal("h.json, $.axes[0]: expected an object", new InputException("expected an object", "h.json", "$.axes[0]").Message);
        Assert.Equal("h.json: unreadable", new InputException("unreadable", "h.json").Message);
        Assert.Equal("line 3: bad", new InputException("bad", null, "line 3").Message);
        Assert.Equal("bad", new InputException("bad").Message);
        var e = new InputException("bad", "f", "l");
        Assert.Equal("bad", e.Problem);
        Assert.Equal("f", e.Source);
        Assert.Equal("l", e.Location);
    }
}
