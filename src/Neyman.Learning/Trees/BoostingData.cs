using System.Globalization;
using Neyman.Core;
using Neyman.Events.Tables;

namespace Neyman.Learning.Trees;

/// <summary>The feature columns, labels and weights of one event table, checked against the objective.</summary>
internal sealed class BoostingData
{
    private BoostingData(IReadOnlyList<EventColumn> features, double[] labels, double[] weights)
    {
        Features = features;
        Labels = labels;
        Weights = weights;
    }

    public IReadOnlyList<EventColumn> Features { get; }

    public double[] Labels { get; }

    public double[] Weights { get; }

    public int RowCount => Labels.Length;

    /// <summary>Extracts and checks the columns; <paramref name="role"/> ("training", "validation") names the table in errors.</summary>
    /// <exception cref="InputException">A column is missing, a label or weight is not finite, or labels do not fit the objective.</exception>
    public static BoostingData From(EventTable table, IReadOnlyList<string> featureNames, BoostingColumns columns, string role)
    {
        if (table.RowCount == 0)
        {
            throw new InputException($"the {role} events are empty");
        }

        var features = featureNames.Select(name => Column(table, name, role)).ToArray();
        var labels = new double[table.RowCount];
        Column(table, columns.Label, role).CopyTo(labels);
        CheckFinite(labels, columns.Label, role);
        var weights = new double[table.RowCount];
        if (columns.Weight is { } weightName)
        {
            Column(table, weightName, role).CopyTo(weights);
            CheckFinite(weights, weightName, role);
        }
        else
        {
            weights.AsSpan().Fill(1.0);
        }

        if (!(weights.Sum() > 0))
        {
            throw new InputException($"the {role} event weights sum to {weights.Sum().ToString(CultureInfo.InvariantCulture)}; a positive total is required", location: $"column '{columns.Weight}'");
        }

        return new BoostingData(features, labels, weights);
    }

    /// <summary>Checks the labels for the objective and returns the number of outputs (classes for softmax, else 1).</summary>
    /// <param name="objective">The objective.</param>
    /// <param name="labelName">The label column name, for messages.</param>
    /// <param name="requireAllClasses">True for training data, where a single class is an error.</param>
    /// <param name="classCount">For softmax validation data: the class count of the training data.</param>
    public int CheckLabels(BoostingObjectiveKind objective, string labelName, bool requireAllClasses, int classCount = 0)
    {
        switch (objective)
        {
            case BoostingObjectiveKind.Logistic or BoostingObjectiveKind.Flat or BoostingObjectiveKind.AdaBoost or BoostingObjectiveKind.Bagging:
                for (var i = 0; i < Labels.Length; i++)
                {
                    if (Labels[i] is not (0.0 or 1.0))
                    {
                        throw new InputException(
                            $"the {BoostedTreesModelFile.NameOf(objective)} objective needs labels 0 or 1, found {Labels[i].ToString(CultureInfo.InvariantCulture)}",
                            location: $"column '{labelName}', row {i + 1}");
                    }
                }

                if (requireAllClasses && (Labels.All(l => l == 0) || Labels.All(l => l == 1)))
                {
                    throw new InputException(
                        $"every event has label {Labels[0].ToString(CultureInfo.InvariantCulture)}; the {BoostedTreesModelFile.NameOf(objective)} objective needs both classes 0 and 1",
                        location: $"column '{labelName}'");
                }

                return 1;
            case BoostingObjectiveKind.Softmax:
                var max = 0;
                for (var i = 0; i < Labels.Length; i++)
                {
                    var l = Labels[i];
                    if (l < 0 || l != Math.Floor(l) || l > 1000 || (classCount > 0 && l >= classCount))
                    {
                        var range = classCount > 0 ? $"0 to {classCount - 1}" : "0, 1, 2, ...";
                        throw new InputException(
                            $"the softmax objective needs class indices {range}, found {l.ToString(CultureInfo.InvariantCulture)}",
                            location: $"column '{labelName}', row {i + 1}");
                    }

                    max = Math.Max(max, (int)l);
                }

                if (requireAllClasses && max == 0)
                {
                    throw new InputException("every event has class 0; the softmax objective needs at least two classes", location: $"column '{labelName}'");
                }

                return classCount > 0 ? classCount : max + 1;
            default:
                return 1;
        }
    }

    /// <summary>The uniform-feature columns of the flat objective, widened to double.</summary>
    /// <exception cref="InputException">A column is missing or holds a non-finite value.</exception>
    public static double[][] UniformColumns(EventTable table, IReadOnlyList<string> names) =>
        [.. names.Select(name =>
        {
            var values = new double[table.RowCount];
            Column(table, name, "training").CopyTo(values);
            CheckFinite(values, name, "training");
            return values;
        })];

    private static EventColumn Column(EventTable table, string name, string role) =>
        table.TryGetColumn(name, out var column)
            ? column
            : throw new InputException(
                $"the {role} events have no column '{name}'; they have: {string.Join(", ", table.ColumnNames)}", location: $"column '{name}'");

    private static void CheckFinite(double[] values, string name, string role)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new InputException(
                    $"the {role} events have a non-finite value ({values[i].ToString(CultureInfo.InvariantCulture)}); {name} must be finite",
                    location: $"column '{name}', row {i + 1}");
            }
        }
    }
}
