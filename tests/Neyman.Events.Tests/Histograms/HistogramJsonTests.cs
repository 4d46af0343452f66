using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Events.Histograms;

namespace Neyman.Events.Tests.Histograms;

public class HistogramJsonTests
{
    private static Histogram Sample()
    {
        var h = new Histogram(new RegularAxis(3, -0.1, 0.7), new VariableAxis([0, 0.1, 1.0 / 3, 10]));
        var random = new RandomStream(77);
        for (var i = 0; i < 300; i++)
        {
            h.FillOne([random.NextUniform(-0.3, 0.9), random.NextExponential(2)], random.NextGaussian(1, 0.3));
        }
        return h;
    }

    [Fact]
    public void Round_trip_is_exact_including_non_finite_contents()
    {
        var h = Sample();
        var text = HistogramJson.Serialize(h);
        var back = HistogramJson.Deserialize(text);
        Assert.True(h.HasSameAxes(back));
        Assert.Equal(h.Values.ToArray(), back.Values.ToArray());
        Assert.Equal(h.Variances.ToArray(), back.Variances.ToArray());
        Assert.Equal(text, HistogramJson.Serialize(back));

        var odd = new Histogram(new RegularAxis(1, 0, 1));
        odd.Fill([0.5, 2.0, -1.0], [double.NaN, double.PositiveInfinity, double.NegativeInfinity]);
        var oddBack = HistogramJson.Deserialize(HistogramJson.Serialize(odd));
        Assert.Equal(odd.Values.ToArray(), oddBack.Values.ToArray());
        Assert.Equal(double.NegativeInfinity, oddBack.Value(0));
        Assert.True(double.IsNaN(oddBack.Value(1)));
    }

    [Fact]
    public void Document_follows_the_schema()
    {
        var h = new Histogram(new RegularAxis(2, 0, 1), new VariableAxis([0, 1, 4]));
        h.FillOne([0.25, 2], 1.5);
        var root = JsonNode.Parse(HistogramJson.Serialize(h))!;
        Assert.Equal("neyman-histogram", (string?)root["format"]);
        Assert.Equal(1, (int?)root["version"]);
        Assert.Equal("regular", (string?)root["axes"]![0]!["kind"]);
        Assert.Equal(2, (int?)root["axes"]![0]!["bins"]);
        Assert.Equal(1.0, (double?)root["axes"]![0]!["upper"]);
        Assert.Equal("variable", (string?)root["axes"]![1]!["kind"]);
        Assert.Equal(4.0, (double?)root["axes"]![1]!["edges"]![2]);
        var values = root["values"]!.AsArray();
        Assert.Equal(16, values.Count);
        // First axis fastest: bin (1, 2) sits at 1 + 2 * 4.
        Assert.Equal(1.5, (double?)values[9]);
        Assert.Equal(2.25, (double?)root["variances"]![9]);
    }

    [Fact]
    public void File_round_trip_is_written_atomically()
    {
        var directory = Directory.CreateTempSubdirectory("neyman-hist-");
        try
        {
            var path = Path.Combine(directory.FullName, "h.json");
            var h = Sample();
            HistogramJson.WriteFile(h, path);
            var back = HistogramJson.ReadFile(path);
            Assert.Equal(h.Values.ToArray(), back.Values.ToArray());
            Assert.Single(directory.GetFiles());
            var missing = Assert.Throws<InputException>(() => HistogramJson.ReadFile(Path.Combine(directory.FullName, "none.json")));
            Assert.EndsWith("none.json", missing.Source);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static TheoryData<string, string, string> BadDocuments => new()
    {
        { "{\"format\": \"other\"}", "$.format", "neyman-histogram" },
        { "{\"format\": \"neyman-histogram\", \"version\": 2}", "$.version", "version 1" },
        { "{\"format\": \"neyman-histogram\", \"version\": 1}", "$", "\"axes\"" },
        { "{\"format\": \"neyman-histogram\", \"version\": 1, \"axes\": []}", "$.axes", "at least one axis" },
        { "{\"format\": \"neyman-histogram\", \"version\": 1, \"axes\": [{\"kind\": \"circular\"}]}", "$.axes[0].kind", "\"regular\" or \"variable\"" },
        { "{\"format\": \"neyman-histogram\", \"version\": 1, \"axes\": [{\"kind\": \"regular\", \"bins\": 0, \"lower\": 0, \"upper\": 1}]}", "$.axes[0].bins", ">= 1" },
        { "{\"format\": \"neyman-histogram\", \"version\": 1, \"axes\": [{\"kind\": \"regular\", \"bins\": 2, \"lower\": 1, \"upper\": 0}]}", "$.axes[0]", "lower < upper" },
        { "{\"format\": \"neyman-histogram\", \"version\": 1, \"axes\": [{\"kind\": \"regular\", \"bins\": 2, \"lower\": \"a\", \"upper\": 1}]}", "$.axes[0].lower", "expected a number" },
        { "{\"format\": \"neyman-histogram\", \"version\": 1, \"axes\": [{\"kind\": \"regular\", \"bins\": 1, \"lower\": 0, \"upper\": 1}, {\"kind\": \"variable\", \"edges\": [0, 2, 2]}]}", "$.axes[1].edges[2]", "strictly increasing" },
        { "{\"format\": \"neyman-histogram\", \"version\": 1, \"axes\": [{\"kind\": \"variable\", \"edges\": [0]}]}", "$.axes[0].edges", "at least two edges" },
        { "{\"format\": \"neyman-histogram\", \"version\": 1, \"axes\": [{\"kind\": \"regular\", \"bins\": 1, \"lower\": 0, \"upper\": 1}], \"values\": [1, 2], \"variances\": [1, 2, 3]}", "$.values", "expected 3 numbers" },
        { "{\"format\": \"neyman-histogram\", \"version\": 1, \"axes\": [{\"kind\": \"regular\", \"bins\": 1, \"lower\": 0, \"upper\": 1}], \"values\": [1, 2, 3], \"variances\": [1, null, 3]}", "$.variances[1]", "expected a number" },
        { "[1, 2]", "$", "expected an object" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void Bad_documents_name_the_json_path_and_what_was_expected(string json, string path, string expected)
    {
        var e = Assert.Throws<InputException>(() => HistogramJson.Deserialize(json, "h.json"));
        Assert.Equal("h.json", e.Source);
        Assert.Equal(path, e.Location);
        Assert.Contains(expected, e.Problem);
    }

    [Fact]
    public void Malformed_json_reports_the_line()
    {
        var e = Assert.Throws<InputException>(() => HistogramJson.Deserialize("{\n  \"format\": ,\n}", "h.json"));
        Assert.StartsWith("line 2", e.Location);
    }
}
