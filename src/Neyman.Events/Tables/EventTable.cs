namespace Neyman.Events.Tables;

/// <summary>
/// A columnar table of events: named float32/float64 columns of equal length. By convention the
/// columns <c>label</c> (1 signal, 0 background, or a class index) and <c>weight</c> (event weight,
/// possibly negative) are not features. Tables are immutable: operations return new tables that may
/// share column arrays.
/// </summary>
public sealed class EventTable
{
    /// <summary>The conventional name of the class-label column.</summary>
    public const string LabelColumn = "label";

    /// <summary>The conventional name of the event-weight column.</summary>
    public const string WeightColumn = "weight";

    private readonly EventColumn[] _columns;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates a table; column names must be unique and lengths equal.</summary>
    public EventTable(IEnumerable<EventColumn> columns)
    {
        _columns = columns.ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _columns.Length; i++)
        {
            if (!_index.TryAdd(_columns[i].Name, i))
            {
                throw new ArgumentException($"duplicate column name '{_columns[i].Name}'", nameof(columns));
            }
            if (_columns[i].Length != _columns[0].Length)
            {
                throw new ArgumentException(
                    $"column '{_columns[i].Name}' has {_columns[i].Length} rows, column '{_columns[0].Name}' has {_columns[0].Length}",
                    nameof(columns));
            }
        }
    }

    /// <summary>An empty table with no columns.</summary>
    public static EventTable Empty { get; } = new([]);

    /// <summary>The number of events.</summary>
    public int RowCount => _columns.Length == 0 ? 0 : _columns[0].Length;

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<EventColumn> Columns => _columns;

    /// <summary>The column names in order.</summary>
    public IReadOnlyList<string> ColumnNames => _columns.Select(c => c.Name).ToArray();

    /// <summary>True when a column of that name exists.</summary>
    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>The column of that name.</summary>
    /// <exception cref="KeyNotFoundException">No such column; the message lists the available ones.</exception>
    public EventColumn this[string name] => _index.TryGetValue(name, out var i)
        ? _columns[i]
        : throw new KeyNotFoundException($"no column '{name}'; the table has: {string.Join(", ", ColumnNames)}");

    /// <summary>Looks up a column without throwing.</summary>
    public bool TryGetColumn(string name, out EventColumn column)
    {
        if (_index.TryGetValue(name, out var i))
        {
            column = _columns[i];
            return true;
        }
        column = null!;
        return false;
    }

    /// <summary>True when the table has a <c>label</c> column.</summary>
    public bool HasLabel => Contains(LabelColumn);

    /// <summary>True when the table has a <c>weight</c> column.</summary>
    public bool HasWeight => Contains(WeightColumn);

    /// <summary>The names of the feature columns: every column except <c>label</c> and <c>weight</c>.</summary>
    public IReadOnlyList<string> FeatureNames =>
        _columns.Select(c => c.Name).Where(n => n != LabelColumn && n != WeightColumn).ToArray();

    /// <summary>A table with the given column added (or replaced when the name exists).</summary>
    public EventTable WithColumn(EventColumn column)
    {
        if (_columns.Length > 0 && column.Length != RowCount)
        {
            throw new ArgumentException($"column '{column.Name}' has {column.Length} rows, the table has {RowCount}", nameof(column));
        }
        var list = _columns.ToList();
        if (_index.TryGetValue(column.Name, out var i))
        {
            list[i] = column;
        }
        else
        {
            list.Add(column);
        }
        return new EventTable(list);
    }

    /// <summary>A table with only the named columns, in the order given.</summary>
    public EventTable Select(IEnumerable<string> names) => new(names.Select(n => this[n]));

    /// <summary>A table without the named columns (missing names are ignored).</summary>
    public EventTable Without(params string[] names) => new(_columns.Where(c => !names.Contains(c.Name)));

    /// <summary>A copy of the rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>).</summary>
    public EventTable Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (start + count > RowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "slice goes past the last row");
        }
        return new EventTable(_columns.Select(c => c.Slice(start, count)));
    }

    /// <summary>A copy of the selected rows, in the order given.</summary>
    public EventTable Take(int[] rows) => new(_columns.Select(c => c.Take(rows)));

    /// <summary>Appends tables with the same column names and types, in order.</summary>
    public static EventTable Concatenate(IReadOnlyList<EventTable> tables)
    {
        if (tables.Count == 0)
        {
            return Empty;
        }
        var first = tables[0];
        foreach (var t in tables)
        {
            if (!t.ColumnNames.SequenceEqual(first.ColumnNames))
            {
                throw new ArgumentException("tables to concatenate must have the same columns in the same order");
            }
        }
        var total = tables.Sum(t => (long)t.RowCount);
        if (total > Array.MaxLength)
        {
            throw new ArgumentException("the concatenated table would exceed the maximum array length");
        }
        var columns = new List<EventColumn>();
        for (var c = 0; c < first._columns.Length; c++)
        {
            var template = first._columns[c];
            if (template.Type == ColumnType.Float32)
            {
                var values = new float[total];
                var offset = 0;
                foreach (var t in tables)
                {
                    var source = t._columns[c].Type == ColumnType.Float32 ? t._columns[c].Float32Values : t._columns[c].ToFloat32Array();
                    source.CopyTo(values, offset);
                    offset += source.Length;
                }
                columns.Add(EventColumn.Float32(template.Name, values));
            }
            else
            {
                var values = new double[total];
                var offset = 0;
                foreach (var t in tables)
                {
                    t._columns[c].CopyTo(values.AsSpan(offset));
                    offset += t.RowCount;
                }
                columns.Add(EventColumn.Float64(template.Name, values));
            }
        }
        return new EventTable(columns);
    }
}
