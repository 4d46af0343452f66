using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Neyman.Core;

namespace Neyman.Learning.Trees;

/// <summary>
/// Reads a model saved by XGBoost's <c>Booster.save_model("m.json")</c> (JSON format of XGBoost 1.x and 2.x, numerical
/// splits) so that it runs here. XGBoost sends a value left when <c>(float)x &lt; split_condition</c>; the imported
/// threshold is the largest float below the condition, so float32 inputs take exactly XGBoost's path.
/// Supported objectives: binary:logistic, binary:logitraw, reg:squarederror, reg:pseudohubererror,
/// multi:softprob and multi:softmax.
/// </summary>
public static class XGBoostModelImporter
{
    /// <summary>True when a JSON document looks like an XGBoost model (it has a top-level "learner" object).</summary>
    /// <param name="json">The root node.</param>
    public static bool IsXGBoostModel(JsonNode? json) => json is JsonObject root && root["learner"] is JsonObject;

    /// <summary>Reads an XGBoost JSON model file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="featureNames">Names for the features when the file has none (XGBoost trained on bare arrays); null uses f0, f1, ...</param>
    /// <exception cref="InputException">The file is not an XGBoost JSON model or uses an unsupported feature.</exception>
    public static BoostedTreesModel Import(string path, IReadOnlyList<string>? featureNames = null)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (FileNotFoundException)
        {
            throw new InputException("the model file does not exist", path);
        }
        catch (JsonException e)
        {
            throw InputException.InvalidJson(e, path, "a valid JSON model file");
        }

        if (root is not JsonObject obj)
        {
            throw new InputException("expected a JSON object", path, "$");
        }

        return Import(obj, path, featureNames);
    }

    /// <summary>Converts a parsed XGBoost JSON model.</summary>
    /// <param name="json">The root object.</param>
    /// <param name="source">The file, for messages.</param>
    /// <param name="featureNames">Names for the features when the model has none; null uses f0, f1, ...</param>
    public static BoostedTreesModel Import(JsonObject json, string source, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var read = new JsonFields(source);
        var learner = read.Object(json, "learner", "$");
        var parameters = read.Object(learner, "learner_model_param", "$.learner");
        var featureCount = ParseInt(read, parameters, "num_feature", "$.learner.learner_model_param");
        var classCount = ParseInt(read, parameters, "num_class", "$.learner.learner_model_param");
        var baseScore = ParseDouble(read, parameters, "base_score", "$.learner.learner_model_param");
        var objectiveName = read.String(read.Object(learner, "objective", "$.learner"), "name", "$.learner.objective");
        var (objective, margin) = objectiveName switch
        {
            "binary:logistic" => (BoostingObjectiveKind.Logistic, Math.Log(baseScore / (1 - baseScore))),
            "binary:logitraw" => (BoostingObjectiveKind.Logistic, baseScore),
            "reg:squarederror" or "reg:pseudohubererror" => (BoostingObjectiveKind.Squared, baseScore),
            "multi:softprob" or "multi:softmax" => (BoostingObjectiveKind.Softmax, baseScore),
            _ => throw new InputException(
                $"unsupported XGBoost objective '{objectiveName}'; expected binary:logistic, binary:logitraw, reg:squarederror, reg:pseudohubererror, multi:softprob or multi:softmax",
                source, "$.learner.objective.name"),
        };
        var outputs = objective == BoostingObjectiveKind.Softmax ? classCount : 1;
        if (outputs < 1)
        {
            throw new InputException($"num_class {classCount} does not fit {objectiveName}", source, "$.learner.learner_model_param.num_class");
        }

        var names = NamesOf(read, learner, featureCount, featureNames, source);
        var booster = read.Object(learner, "gradient_booster", "$.learner");
        var boosterName = read.String(booster, "name", "$.learner.gradient_booster");
        if (boosterName != "gbtree")
        {
            throw new InputException($"unsupported booster '{boosterName}'; only gbtree models can be imported", source, "$.learner.gradient_booster.name");
        }

        var model = read.Object(booster, "model", "$.learner.gradient_booster");
        var treeArray = read.Array(model, "trees", "$.learner.gradient_booster.model");
        var treeInfo = read.Ints(model, "tree_info", "$.learner.gradient_booster.model");
        var perClass = Enumerable.Range(0, outputs).Select(_ => new List<RegressionTree>()).ToArray();
        for (var t = 0; t < treeArray.Count; t++)
        {
            var path = $"$.learner.gradient_booster.model.trees[{t}]";
            var entry = treeArray[t] as JsonObject ?? throw new InputException("expected an object", source, path);
            var output = t < treeInfo.Length ? treeInfo[t] : -1;
            if (output < 0 || output >= outputs)
            {
                throw new InputException($"tree {t} belongs to class {output}; expected 0 to {outputs - 1}", source, "$.learner.gradient_booster.model.tree_info");
            }

            perClass[output].Add(ReadTree(read, entry, path, featureCount));
        }

        if (perClass.Any(list => list.Count != perClass[0].Count))
        {
            throw new InputException("every class needs the same number of trees", source, "$.learner.gradient_booster.model.tree_info");
        }

        var trees = new List<RegressionTree>();
        for (var round = 0; round < perClass[0].Count; round++)
        {
            trees.AddRange(perClass.Select(list => list[round]));
        }

        return new BoostedTreesModel(objective, names, Enumerable.Repeat(margin, outputs).ToArray(), trees, []);
    }

    private static IReadOnlyList<string> NamesOf(JsonFields read, JsonObject learner, int featureCount, IReadOnlyList<string>? given, string source)
    {
        var stored = learner["feature_names"] is JsonArray ? read.Strings(learner, "feature_names", "$.learner") : [];
        var names = stored.Length > 0 ? stored : given?.ToArray() ?? [.. Enumerable.Range(0, featureCount).Select(i => $"f{i}")];
        if (names.Length != featureCount)
        {
            throw new InputException($"the model has {featureCount} features but {names.Length} names were given", source, "$.learner.feature_names");
        }

        return names;
    }

    private static RegressionTree ReadTree(JsonFields read, JsonObject entry, string path, int featureCount)
    {
        var left = read.Ints(entry, "left_children", path);
        var right = read.Ints(entry, "right_children", path);
        var feature = read.Ints(entry, "split_indices", path);
        var condition = read.Doubles(entry, "split_conditions", path);
        var defaultLeft = read.Flags(entry, "default_left", path);
        var hessian = entry["sum_hessian"] is JsonArray ? read.Doubles(entry, "sum_hessian", path) : new double[left.Length];
        var gain = entry["loss_changes"] is JsonArray ? read.Doubles(entry, "loss_changes", path) : new double[left.Length];
        if (entry["split_type"] is JsonArray && read.Ints(entry, "split_type", path).Any(t => t != 0))
        {
            throw new InputException("categorical splits are not supported", read.Source, $"{path}.split_type");
        }

        var n = left.Length;
        if (n == 0 || right.Length != n || feature.Length != n || condition.Length != n || defaultLeft.Length != n || hessian.Length != n || gain.Length != n)
        {
            throw new InputException("the node arrays must be non-empty and of equal length", read.Source, path);
        }

        // Renumber breadth-first so that children follow their parent, as RegressionTree requires.
        var order = new List<int> { 0 };
        var index = new int[n];
        Array.Fill(index, -1);
        index[0] = 0;
        for (var q = 0; q < order.Count; q++)
        {
            var node = order[q];
            if (left[node] == -1)
            {
                continue;
            }

            foreach (var child in (ReadOnlySpan<int>)[left[node], right[node]])
            {
                if (child <= 0 || child >= n || index[child] >= 0)
                {
                    throw new InputException($"child index {child} of node {node} does not form a tree", read.Source, $"{path}.left_children");
                }

                index[child] = order.Count;
                order.Add(child);
            }
        }

        var nodes = new TreeNode[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var node = order[i];
            if (left[node] == -1)
            {
                nodes[i] = new TreeNode(-1, 0, 0, false, -1, -1, condition[node], 0, hessian[node]);
                continue;
            }

            if (feature[node] < 0 || feature[node] >= featureCount)
            {
                throw new InputException($"feature index {feature[node]} is out of range (0 to {featureCount - 1})", read.Source, $"{path}.split_indices[{node}]");
            }

            var threshold = (double)MathF.BitDecrement((float)condition[node]);
            nodes[i] = new TreeNode(feature[node], 0, threshold, defaultLeft[node], index[left[node]], index[right[node]], 0, gain[node], hessian[node]);
        }

        return RegressionTree.FromNodes(nodes);
    }

    private static int ParseInt(JsonFields read, JsonObject parent, string name, string path) =>
        int.TryParse(read.String(parent, name, path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InputException("expected an integer in a string", read.Source, $"{path}.{name}");

    private static double ParseDouble(JsonFields read, JsonObject parent, string name, string path)
    {
        // XGBoost 2 writes base_score as "[5E-1]"; 1.x as "5E-1".
        var text = read.String(parent, name, path).Trim('[', ']');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InputException("expected a number in a string", read.Source, $"{path}.{name}");
    }
}
