using System.Text;
using Neyman.Core;
using Neyman.Events.Tables;

namespace Neyman.Events.IO.Csv;

/// <summary>
/// Writes a CSV event file chunk by chunk to a temporary name, renamed on <see cref="Complete"/>.
/// Numbers are written in shortest round-trip form, so float32 and float64 values read back exactly.
/// </summary>
public sealed class CsvEventWriter : IEventWriter
{
    private readonly string _path;
    private readonly string _temporary;
    private readonly StreamWriter _text;
    private readonly char[] _buffer = new char[64];
    private bool _done;

    /// <summary>Creates the temporary file and writes the header.</summary>
    public CsvEventWriter(string path, IReadOnlyList<(string Name, ColumnType Type)> schema)
    {
        EventSchema.Validate(schema, path);
        foreach (var (name, _) in schema)
        {
            if (name.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                throw new InputException($"column name '{name}' cannot be written to CSV (it contains a comma, quote or line break)", path);
            }
        }
        _path = path;
        Schema = schema.ToArray();
        _temporary = AtomicFile.PrepareTemporary(path);
        _text = new StreamWriter(new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16),
            new UTF8Encoding(false), 1 << 16);
        _text.NewLine = "\n";
        _text.WriteLine(string.Join(",", Schema.Select(c => c.Name)));
    }

    /// <inheritdoc />
    public IReadOnlyList<(string Name, ColumnType Type)> Schema { get; }

    /// <inheritdoc />
    public long RowsWritten { get; private set; }

    /// <inheritdoc />
    public void WriteChunk(EventTable chunk)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        EventSchema.CheckChunk(Schema, chunk, _path);
        var columns = chunk.Columns;
        for (var row = 0; row < chunk.RowCount; row++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    _text.Write(',');
                }
                var column = columns[c];
                int written;
                if (column.Type == ColumnType.Float32)
                {
                    CsvNumber.TryFormat(column.Float32Values[row], _buffer, out written);
                }
                else
                {
                    CsvNumber.TryFormat(column.Float64Values[row], _buffer, out written);
                }
                _text.Write(_buffer, 0, written);
            }
            _text.Write('\n');
        }
        RowsWritten += chunk.RowCount;
    }

    /// <inheritdoc />
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        try
        {
            _text.Dispose();
            AtomicFile.Commit(_temporary, _path);
        }
        catch
        {
            AtomicFile.TryDelete(_temporary);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_done)
        {
            return;
        }
        _done = true;
        _text.Dispose();
        AtomicFile.TryDelete(_temporary);
    }
}
