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

    [Theory]
    [InlineData("{\"a\": 1,\n  }", "line 2, column 3", "not valid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options.")]
    [InlineData("{\"a\":", "line 1, column 6", "not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.")]
    [InlineData("[1, 2]x", "line 1, column 7", "not valid JSON: 'x' is invalid after a single JSON value. Expected end of data.")]
    public void Invalid_json_is_reported_with_its_line_and_column_from_one(string text, string location, string problem)
    {
        var error = Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.Nodes.JsonNode.Parse(text));
        var e = InputException.InvalidJson(error, "w.json");
        Assert.Equal(problem, e.Problem);
        Assert.Equal(location, e.Location);
        Assert.Equal($"w.json, {location}: {problem}", e.Message);
        Assert.Same(error, e.InnerException);
        Assert.Equal("not a valid JSON model file", InputException.InvalidJson(error, "m.json", "a valid JSON model file").Problem.Split(':')[0]);
    }
}
