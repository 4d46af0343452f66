using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Learning.Models;
using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class BoostedTreesModelFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("neyman-bdt-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void SavedAndLoadedModelPredictsTheSameBits()
    {
        var training = TreeTestData.Gaussians(1500, 21);
        var model = GradientBoosting.Train(training, new BoostingOptions { TreeCount = 6, MaxDepth = 0, MaxLeaves = 9 }).Model;
        var path = Path.Combine(folder, "m.json");
        BoostedTreesModelFile.Save(model, path);
        var loaded = Assert.IsType<BoostedTreesModel>(ModelFile.Load(path));
        Assert.Equal(model.FeatureNames, loaded.FeatureNames);
        Assert.Equal(model.Mappers.Select(m => m.Thresholds), loaded.Mappers.Select(m => m.Thresholds));
        Assert.Equal(model.PredictRaw(training, new ParallelOptions()), loaded.PredictRaw(training, new ParallelOptions()));
        Assert.Equal(BoostedTreesModelFile.ToJson(model).ToJsonString(), BoostedTreesModelFile.ToJson(loaded).ToJsonString());
    }

    [Fact]
    public void FlattenedPredictionAgreesWithTreeWalk()
    {
        var training = TreeTestData.Gaussians(800, 22);
        var model = GradientBoosting.Train(training, new BoostingOptions { TreeCount = 4, MaxDepth = 3 }).Model;
        var raw = model.PredictRaw(training, new ParallelOptions { MaxDegreeOfParallelism = 3 });
        var row = new double[3];
        for (var i = 0; i < training.RowCount; i++)
        {
            row[0] = training["x"][i];
            row[1] = training["y"][i];
            row[2] = training["noise"][i];
            var expected = model.BaseScores[0] + model.Trees.Sum(t => t.Values[t.LeafOf(row)]);
            Assert.Equal(expected, raw[i], 12);
        }
    }

    [Fact]
    public void Float32AndFloat64InputsTakeTheSamePaths()
    {
        var training = TreeTestData.Gaussians(1000, 25).Without("noise");
        var model = GradientBoosting.Train(training, new BoostingOptions { TreeCount = 5, MaxDepth = 4, MaxBins = 16 }).Model;
        // Probe every split threshold from both sides, as float32 columns (compact path) and float64 (double path).
        var probes = model.Trees.SelectMany(t => t.Thresholds.Where((_, n) => t.Features[n] >= 0))
            .SelectMany(v => new[] { (float)v, MathF.BitDecrement((float)v), MathF.BitIncrement((float)v), float.NaN }).ToArray();
        var asFloat = new Events.Tables.EventTable([Events.Tables.EventColumn.Float32("x", probes), Events.Tables.EventColumn.Float32("y", [.. probes.Reverse()])]);
        var asDouble = new Events.Tables.EventTable([
            Events.Tables.EventColumn.Float64("x", [.. probes.Select(p => (double)p)]), Events.Tables.EventColumn.Float64("y", [.. probes.Reverse().Select(p => (double)p)])]);
        Assert.Equal(model.PredictRaw(asDouble, new ParallelOptions()), model.PredictRaw(asFloat, new ParallelOptions()));
    }

    public static TheoryData<string, string, string> CorruptFiles() => new()
    {
        { "version", """{"kind":"bdt","format_version":99,"objective":"logistic"}""", "$.format_version: unsupported bdt format version 99" },
        { "objective", """{"kind":"bdt","format_version":1,"objective":"poisson"}""", "$.objective: unknown objective 'poisson'" },
        { "missing", """{"kind":"bdt","format_version":1,"objective":"logistic","feature_names":["x"]}""", "$.base_scores: missing field 'base_scores'" },
        { "type", """{"kind":"bdt","format_version":1,"objective":"logistic","feature_names":["x"],"base_scores":["a"]}""", "$.base_scores[0]: expected a finite number" },
        { "outputs", """{"kind":"bdt","format_version":1,"objective":"logistic","feature_names":["x"],"base_scores":[0,1]}""", "$.base_scores: 2 base scores do not fit" },
        { "cycle", Tree("[0,-1,-1]", "[2,-1,-1]", "[0,-1,-1]"), "$.trees[0].right[0]: child index 0 does not form a tree" },
        { "shared", Tree("[0,-1,-1]", "[1,-1,-1]", "[1,-1,-1]"), "$.trees[0].right[0]: child index 1 does not form a tree" },
        { "feature", Tree("[5,-1,-1]", "[1,-1,-1]", "[2,-1,-1]"), "$.trees[0].feature[0]: feature index 5 is out of range" },
        { "lengths", Tree("[0,-1,-1]", "[1,-1]", "[2,-1,-1]"), "$.trees[0].left: expected 3 entries (one per node), found 2" },
    };

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void CorruptModelFilesNameTheFieldAndWhatWasExpected(string name, string json, string message)
    {
        var path = Path.Combine(folder, name + ".json");
        File.WriteAllText(path, json);
        var e = Assert.Throws<InputException>(() => ModelFile.Load(path));
        Assert.Equal(path, e.Source);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void TruncatedFileIsNotValidJson()
    {
        var path = Path.Combine(folder, "cut.json");
        File.WriteAllText(path, """{"kind":"bdt","format_version":1,"obj""");
        var e = Assert.Throws<InputException>(() => ModelFile.Load(path));
        Assert.Equal("not a valid JSON model file: Expected end of string, but instead reached end of data.", e.Problem);
        Assert.Equal("line 1, column 38", e.Location);
    }

    [Fact]
    public void FeatureMissingAtPredictionTimeIsNamed()
    {
        var model = GradientBoosting.Train(TreeTestData.Gaussians(300, 23), new BoostingOptions { TreeCount = 2, MaxDepth = 2 }).Model;
        var events = TreeTestData.Gaussians(10, 24).Without("y");
        var e = Assert.Throws<InputException>(() => model.Predict(events));
        Assert.Equal("column 'y'", e.Location);
        Assert.Contains("needs feature column 'y'", e.Message);
    }

    private static string Tree(string feature, string left, string right) =>
        new JsonObject
        {
            ["kind"] = "bdt",
            ["format_version"] = 1,
            ["objective"] = "logistic",
            ["feature_names"] = new JsonArray("x"),
            ["base_scores"] = new JsonArray(0.0),
            ["bins"] = new JsonArray(),
            ["trees"] = new JsonArray(new JsonObject
            {
                ["feature"] = JsonNode.Parse(feature),
                ["bin"] = JsonNode.Parse("[1,0,0]"),
                ["threshold"] = JsonNode.Parse("[0.5,0,0]"),
                ["default_left"] = JsonNode.Parse("[true,false,false]"),
                ["left"] = JsonNode.Parse(left),
                ["right"] = JsonNode.Parse(right),
                ["value"] = JsonNode.Parse("[0,-1,1]"),
                ["gain"] = JsonNode.Parse("[1,0,0]"),
                ["cover"] = JsonNode.Parse("[2,1,1]"),
            }),
        }.ToJsonString();
}
