using System.Text.Json;
using System.Text.Json.Nodes;
using Neyman.Core;

namespace Neyman.Learning.Trees;

/// <summary>
/// The versioned JSON form of a <see cref="BoostedTreesModel"/>: kind "bdt", <c>format_version</c>, objective,
/// feature names, base scores, the bin thresholds of each feature, and per tree the node arrays
/// (feature, bin, threshold, default_left, left, right, value, gain, cover). Numbers are written shortest
/// round-trip, so a loaded model predicts the same bits as the saved one.
/// </summary>
public static class BoostedTreesModelFile
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int FormatVersion = 1;

    private static readonly Dictionary<BoostingObjectiveKind, string> ObjectiveNames = new()
    {
        [BoostingObjectiveKind.Logistic] = "logistic",
        [BoostingObjectiveKind.Squared] = "squared",
        [BoostingObjectiveKind.Huber] = "huber",
        [BoostingObjectiveKind.Softmax] = "softmax",
        [BoostingObjectiveKind.Flat] = "flat",
        [BoostingObjectiveKind.AdaBoost] = "adaboost",
        [BoostingObjectiveKind.Bagging] = "bagging",
    };

    /// <summary>The file name of an objective ("logistic", "squared", "huber", "softmax").</summary>
    /// <param name="objective">The objective.</param>
    public static string NameOf(BoostingObjectiveKind objective) => ObjectiveNames[objective];

    /// <summary>Parses an objective name; null when unknown.</summary>
    /// <param name="name">The name.</param>
    public static BoostingObjectiveKind? ParseObjective(string name) =>
        ObjectiveNames.FirstOrDefault(p => p.Value == name) is { Value: not null } pair ? pair.Key : null;

    /// <summary>The JSON object of a model.</summary>
    /// <param name="model">The model.</param>
    public static JsonObject ToJson(BoostedTreesModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var trees = new JsonArray();
        foreach (var tree in model.Trees)
        {
            trees.Add((JsonNode)new JsonObject
            {
                ["feature"] = Array(tree.Features),
                ["bin"] = Array(tree.BinThresholds),
                ["threshold"] = Array(tree.Thresholds),
                ["default_left"] = Array(tree.DefaultLeft),
                ["left"] = Array(tree.LeftChildren),
                ["right"] = Array(tree.RightChildren),
                ["value"] = Array(tree.Values),
                ["gain"] = Array(tree.Gains),
                ["cover"] = Array(tree.Covers),
            });
        }

        return new JsonObject
        {
            ["kind"] = BoostedTreesModel.ModelKind,
            ["format_version"] = FormatVersion,
            ["objective"] = NameOf(model.Objective),
            ["feature_names"] = Array(model.FeatureNames),
            ["base_scores"] = Array(model.BaseScores),
            ["bins"] = new JsonArray([.. model.Mappers.Select(m => (JsonNode)new JsonObject { ["thresholds"] = Array(m.Thresholds) })]),
            ["trees"] = trees,
        };
    }

    /// <summary>Writes a model file atomically (complete or not at all).</summary>
    /// <param name="model">The model.</param>
    /// <param name="path">The file to write.</param>
    public static void Save(BoostedTreesModel model, string path) =>
        AtomicFile.WriteAllText(path, ToJson(model).ToJsonString(new JsonSerializerOptions { WriteIndented = false }));

    /// <summary>Rebuilds a model from its JSON object, checking every field and the tree structure.</summary>
    /// <param name="json">The root object.</param>
    /// <param name="source">The file, for messages.</param>
    /// <exception cref="InputException">A field is missing or mistyped, the version is not supported, or a tree is malformed.</exception>
    public static BoostedTreesModel FromJson(JsonObject json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        var read = new JsonFields(source);
        var version = read.Int(json, "format_version", "$");
        if (version != FormatVersion)
        {
            throw new InputException($"unsupported bdt format version {version}; this build reads version {FormatVersion}", source, "$.format_version");
        }

        var objectiveName = read.String(json, "objective", "$");
        var objective = ParseObjective(objectiveName)
            ?? throw new InputException($"unknown objective '{objectiveName}'; expected one of: {string.Join(", ", ObjectiveNames.Values)}", source, "$.objective");
        var features = read.Strings(json, "feature_names", "$");
        var baseScores = read.Doubles(json, "base_scores", "$");
        var outputsOk = objective == BoostingObjectiveKind.Softmax ? baseScores.Length >= 2 : baseScores.Length == 1;
        if (!outputsOk)
        {
            throw new InputException($"{baseScores.Length} base scores do not fit the {objectiveName} objective", source, "$.base_scores");
        }

        var bins = read.Array(json, "bins", "$");
        if (bins.Count != 0 && bins.Count != features.Length)
        {
            throw new InputException($"expected {features.Length} bin entries (one per feature), found {bins.Count}", source, "$.bins");
        }

        var mappers = new List<FeatureBinMapper>();
        for (var f = 0; f < bins.Count; f++)
        {
            var entry = bins[f] as JsonObject ?? throw new InputException("expected an object", source, $"$.bins[{f}]");
            var thresholds = read.Doubles(entry, "thresholds", $"$.bins[{f}]");
            try
            {
                mappers.Add(new FeatureBinMapper(thresholds));
            }
            catch (ArgumentException e)
            {
                throw new InputException("expected at most 254 ascending, distinct thresholds", source, $"$.bins[{f}].thresholds", e);
            }
        }

        var treeArray = read.Array(json, "trees", "$");
        if (treeArray.Count % baseScores.Length != 0)
        {
            throw new InputException($"{treeArray.Count} trees is not a multiple of the {baseScores.Length} outputs", source, "$.trees");
        }

        var trees = new List<RegressionTree>();
        for (var t = 0; t < treeArray.Count; t++)
        {
            var path = $"$.trees[{t}]";
            var entry = treeArray[t] as JsonObject ?? throw new InputException("expected an object", source, path);
            trees.Add(ReadTree(read, entry, path, features.Length));
        }

        return new BoostedTreesModel(objective, features, baseScores, trees, mappers);
    }

    private static RegressionTree ReadTree(JsonFields read, JsonObject entry, string path, int featureCount)
    {
        var feature = read.Ints(entry, "feature", path);
        var bin = read.Ints(entry, "bin", path);
        var threshold = read.Doubles(entry, "threshold", path);
        var defaultLeft = read.Bools(entry, "default_left", path);
        var left = read.Ints(entry, "left", path);
        var right = read.Ints(entry, "right", path);
        var value = read.Doubles(entry, "value", path);
        var gain = read.Doubles(entry, "gain", path);
        var cover = read.Doubles(entry, "cover", path);
        var n = feature.Length;
        if (n == 0)
        {
            throw new InputException("a tree needs at least one node", read.Source, $"{path}.feature");
        }

        foreach (var (name, length) in new[] { ("bin", bin.Length), ("threshold", threshold.Length), ("default_left", defaultLeft.Length), ("left", left.Length), ("right", right.Length), ("value", value.Length), ("gain", gain.Length), ("cover", cover.Length) })
        {
            if (length != n)
            {
                throw new InputException($"expected {n} entries (one per node), found {length}", read.Source, $"{path}.{name}");
            }
        }

        var nodes = new TreeNode[n];
        var parents = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (feature[i] >= featureCount || feature[i] < -1)
            {
                throw new InputException($"feature index {feature[i]} is out of range (-1 for a leaf, else 0 to {featureCount - 1})", read.Source, $"{path}.feature[{i}]");
            }

            if (feature[i] >= 0)
            {
                foreach (var (name, child) in new[] { ("left", left[i]), ("right", right[i]) })
                {
                    // Children come after their parent and have one parent each, so the nodes form a tree.
                    if (child <= i || child >= n || parents[child]++ > 0)
                    {
                        throw new InputException($"child index {child} does not form a tree (expected a unique node after {i}, below {n})", read.Source, $"{path}.{name}[{i}]");
                    }
                }
            }

            nodes[i] = new TreeNode(feature[i], bin[i], threshold[i], defaultLeft[i], feature[i] >= 0 ? left[i] : -1, feature[i] >= 0 ? right[i] : -1, value[i], gain[i], cover[i]);
        }

        for (var i = 1; i < n; i++)
        {
            if (parents[i] != 1)
            {
                throw new InputException($"node {i} is not reached from the root", read.Source, $"{path}.feature[{i}]");
            }
        }

        return RegressionTree.FromNodes(nodes);
    }

    // Typed overloads rather than JsonValue.Create<T>, which needs reflection (not available in a Native AOT build).
    private static JsonArray Array(IEnumerable<int> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonArray Array(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonArray Array(IEnumerable<bool> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
