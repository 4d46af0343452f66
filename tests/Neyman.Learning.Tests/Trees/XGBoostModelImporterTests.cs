using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class XGBoostModelImporterTests
{
    // Two trees in XGBoost 1.7's layout. Tree 0: a < 0.5 (missing left) ? -0.4 : 0.6. Tree 1 stores its right
    // leaf before its left one: b < 2 (missing right) ? 0.1 : -0.2. base_score 0.5 is a margin of 0.
    private const string Model = """
        {"learner": {"attributes": {}, "feature_names": ["a", "b"], "feature_types": [],
          "gradient_booster": {"model": {"gbtree_model_param": {"num_parallel_tree": "1", "num_trees": "2"}, "tree_info": [0, 0],
            "trees": [
              {"base_weights": [0, -0.4, 0.6], "default_left": [1, 0, 0], "id": 0, "left_children": [1, -1, -1],
               "loss_changes": [3.5, 0, 0], "right_children": [2, -1, -1], "split_conditions": [0.5, -0.4, 0.6],
               "split_indices": [0, 0, 0], "split_type": [0, 0, 0], "sum_hessian": [10, 4, 6]},
              {"base_weights": [0, -0.2, 0.1], "default_left": [0, 0, 0], "id": 1, "left_children": [2, -1, -1],
               "loss_changes": [1.5, 0, 0], "right_children": [1, -1, -1], "split_conditions": [2.0, -0.2, 0.1],
               "split_indices": [1, 0, 0], "split_type": [0, 0, 0], "sum_hessian": [9, 5, 4]}]},
            "name": "gbtree"},
          "learner_model_param": {"base_score": "5E-1", "num_class": "0", "num_feature": "2", "num_target": "1"},
          "objective": {"name": "binary:logistic", "reg_loss_param": {"scale_pos_weight": "1"}}},
         "version": [1, 7, 4]}
        """;

    [Fact]
    public void ImportedTreesFollowXGBoostsStrictLessThanAndDefaultDirections()
    {
        var model = XGBoostModelImporter.Import(JsonNode.Parse(Model)!.AsObject(), "m.json");
        Assert.Equal(["a", "b"], model.FeatureNames);
        // The last event sits one float below both split conditions: strictly less, so it goes left twice.
        var events = TreeTestData.Table(
            ("a", [0.5, 0.4, double.NaN, MathF.BitDecrement(0.5f)]), ("b", [1.0, double.NaN, 2.0, MathF.BitDecrement(2f)]));
        var raw = model.PredictRaw(events, new ParallelOptions());
        double[] expected = [0.6 + 0.1, -0.4 - 0.2, -0.4 - 0.2, -0.4 + 0.1];
        Assert.Equal(expected, raw, (x, y) => Math.Abs(x - y) < 1e-12);
        var floats = new Events.Tables.EventTable([
            Events.Tables.EventColumn.Float32("a", [0.5f, 0.4f, float.NaN, MathF.BitDecrement(0.5f)]),
            Events.Tables.EventColumn.Float32("b", [1f, float.NaN, 2f, MathF.BitDecrement(2f)])]);
        Assert.Equal(raw, model.PredictRaw(floats, new ParallelOptions()));
        var score = model.Predict(events)["score"];
        Assert.Equal(LogisticObjective.Probability(0.7), score[0], 6);
        Assert.Equal([3.5], model.Importance().Where(i => i.Feature == "a").Select(i => i.Gain));
    }

    [Fact]
    public void ImportedModelSurvivesNeymansOwnFormat()
    {
        var model = XGBoostModelImporter.Import(JsonNode.Parse(Model)!.AsObject(), "m.json");
        var again = BoostedTreesModelFile.FromJson(BoostedTreesModelFile.ToJson(model), "again.json");
        var events = TreeTestData.Table(("a", [0.5, 0.1]), ("b", [3.0, 1.0]));
        Assert.Equal(model.PredictRaw(events, new ParallelOptions()), again.PredictRaw(events, new ParallelOptions()));
    }

    [Fact]
    public void UnsupportedObjectiveIsNamed()
    {
        var json = JsonNode.Parse(Model.Replace("binary:logistic", "rank:pairwise", StringComparison.Ordinal))!.AsObject();
        var e = Assert.Throws<InputException>(() => XGBoostModelImporter.Import(json, "m.json"));
        Assert.Equal("$.learner.objective.name", e.Location);
    }

    [Fact]
    public void CategoricalSplitsAreRefused()
    {
        var json = JsonNode.Parse(Model.Replace("\"split_type\": [0, 0, 0], \"sum_hessian\": [10", "\"split_type\": [1, 0, 0], \"sum_hessian\": [10", StringComparison.Ordinal))!.AsObject();
        var e = Assert.Throws<InputException>(() => XGBoostModelImporter.Import(json, "m.json"));
        Assert.Contains("categorical", e.Problem);
    }
}
