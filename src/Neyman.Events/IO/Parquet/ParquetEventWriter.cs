using Neyman.Core;
using Neyman.Events.Tables;
using Parquet;
using Parquet.Schema;

namespace Neyman.Events.IO.Parquet;

/// <summary>
/// Writes a Parquet event file: one required FLOAT or DOUBLE column per event-table column, one
/// row group per chunk, Snappy compression. pandas and pyarrow read it with <c>read_parquet</c>.
/// The file is written to a temporary name and renamed on <see cref="Complete"/>.
/// </summary>
public sealed class ParquetEventWriter : IEventWriter
{
    private readonly string _path;
    private readonly string _temporary;
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;
    private bool _done;

    /// <summary>Creates the temporary file and the Parquet schema.</summary>
    public ParquetEventWriter(string path, IReadOnlyList<(string Name, ColumnType Type)> schema)
    {
        EventSchema.Validate(schema, path);
        _path = path;
        Schema = schema.ToArray();
        _fields = Schema.Select(c => c.Type == ColumnType.Float32
            ? (DataField)new DataField<float>(c.Name, false)
            : new DataField<double>(c.Name, false)).ToArray();
        _temporary = AtomicFile.PrepareTemporary(path);
        _stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        try
        {
            var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
            _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), new SynchronousStream(_stream), options).GetAwaiter().GetResult();
        }
        catch
        {
            _stream.Dispose();
            AtomicFile.TryDelete(_temporary);
            throw;
        }
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
        if (chunk.RowCount == 0)
        {
            return;
        }
        using var group = _writer.CreateRowGroup();
        for (var c = 0; c < _fields.Length; c++)
        {
            var column = chunk.Columns[c];
            var task = column.Type == ColumnType.Float32
                ? group.WriteAsync(_fields[c], new ReadOnlyMemory<float>(column.Float32Values))
                : group.WriteAsync(_fields[c], new ReadOnlyMemory<double>(column.Float64Values));
            task.GetAwaiter().GetResult();
        }
        group.CompleteValidate();
        RowsWritten += chunk.RowCount;
    }

    /// <inheritdoc />
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        try
        {
            _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _stream.Dispose();
            AtomicFile.Commit(_temporary, _path);
        }
        catch
        {
            _stream.Dispose();
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
        try
        {
            _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // the file is being abandoned; its content does not matter
        }
        _stream.Dispose();
        AtomicFile.TryDelete(_temporary);
    }
}
