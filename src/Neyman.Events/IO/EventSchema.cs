using Neyman.Core;
using Neyman.Events.Tables;

namespace Neyman.Events.IO;

/// <summary>Helpers for the (name, type) column lists that describe an event file.</summary>
public static class EventSchema
{
    /// <summary>The schema of a table.</summary>
    public static IReadOnlyList<(string Name, ColumnType Type)> Of(EventTable table) =>
        table.Columns.Select(c => (c.Name, c.Type)).ToArray();

    /// <summary>
    /// Picks the requested columns out of a file's schema, in the requested order.
    /// </summary>
    /// <returns>Indices into <paramref name="available"/>.</returns>
    /// <exception cref="InputException">A requested column is not in the file, or is requested twice.</exception>
    public static int[] Select(IReadOnlyList<string> available, IReadOnlyList<string>? requested, string path)
    {
        if (requested is null)
        {
            return Enumerable.Range(0, available.Count).ToArray();
        }
        var indices = new int[requested.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < requested.Count; i++)
        {
            if (!seen.Add(requested[i]))
            {
                throw new InputException($"column '{requested[i]}' is requested twice", path);
            }
            var index = IndexOf(available, requested[i]);
            if (index < 0)
            {
                throw new InputException(
                    $"missing required column '{requested[i]}'; the file has: {string.Join(", ", available)}", path);
            }
            indices[i] = index;
        }
        return indices;
    }

    /// <summary>Checks a schema for writing: at least one column, unique non-empty names.</summary>
    public static void Validate(IReadOnlyList<(string Name, ColumnType Type)> schema, string path)
    {
        if (schema.Count == 0)
        {
            throw new InputException("cannot write an event file without columns", path);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in schema)
        {
            if (string.IsNullOrWhiteSpace(name) || !seen.Add(name))
            {
                throw new InputException($"column names must be unique and non-empty, got '{name}'", path);
            }
        }
    }

    /// <summary>Checks that a chunk has exactly the writer's columns, in order and with the same types.</summary>
    public static void CheckChunk(IReadOnlyList<(string Name, ColumnType Type)> schema, EventTable chunk, string path)
    {
        var ok = chunk.Columns.Count == schema.Count;
        for (var i = 0; ok && i < schema.Count; i++)
        {
            ok = chunk.Columns[i].Name == schema[i].Name && chunk.Columns[i].Type == schema[i].Type;
        }
        if (!ok)
        {
            throw new ArgumentException(
                $"{path}: chunk columns ({Describe(Of(chunk))}) do not match the writer's schema ({Describe(schema)})",
                nameof(chunk));
        }
    }

    /// <summary>Rejects NaN and infinities unless allowed.</summary>
    /// <param name="chunk">The chunk just read.</param>
    /// <param name="firstRow">The zero-based index of the chunk's first row in the file.</param>
    /// <param name="options">The read options.</param>
    /// <param name="path">The file, for the message.</param>
    public static void CheckFinite(EventTable chunk, long firstRow, EventReadOptions options, string path)
    {
        if (options.AllowNonFinite)
        {
            return;
        }
        foreach (var column in chunk.Columns)
        {
            var row = column.IndexOfNonFinite();
            if (row >= 0)
            {
                throw new InputException(
                    $"value {column[row].ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a finite number " +
                    "(NaN and infinities are rejected; allow them explicitly to keep them as missing values)",
                    path, $"row {firstRow + row + 1}, column '{column.Name}'");
            }
        }
    }

    /// <summary>A short description such as "pt:float32, weight:float64".</summary>
    public static string Describe(IReadOnlyList<(string Name, ColumnType Type)> schema) =>
        string.Join(", ", schema.Select(c => c.Name + ":" + (c.Type == ColumnType.Float32 ? "float32" : "float64")));

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }
        return -1;
    }
}
