using Neyman.Events.Tables;

namespace Neyman.Learning.Trees;

/// <summary>Which columns of an event table are the features, the label and the weight.</summary>
/// <param name="Features">The feature columns, in order; null takes every column except the label and weight.</param>
/// <param name="Label">The label column.</param>
/// <param name="Weight">The weight column; null means unit weights (a column named by default must exist only if named explicitly).</param>
public sealed record BoostingColumns(IReadOnlyList<string>? Features = null, string Label = EventTable.LabelColumn, string? Weight = null)
{
    /// <summary>The feature names for a table: <see cref="Features"/>, or every column but the label and weight.</summary>
    /// <param name="table">The event table.</param>
    public IReadOnlyList<string> FeaturesOf(EventTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Features ?? [.. table.ColumnNames.Where(n => n != Label && n != Weight && n != EventTable.LabelColumn && n != EventTable.WeightColumn)];
    }
}
