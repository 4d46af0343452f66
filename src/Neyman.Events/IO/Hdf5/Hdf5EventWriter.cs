using System.Runtime.InteropServices;
using Neyman.Core;
using Neyman.Events.Tables;
using PureHDF;
using PureHDF.Selections;

namespace Neyman.Events.IO.Hdf5;

/// <summary>
/// Writes an HDF5 event file in the <see cref="Hdf5Layout"/>. HDF5 datasets need their length up
/// front, so chunks are first spooled column by column to temporary files beside the target; on
/// <see cref="Complete"/> the datasets are written slab by slab from them, so memory use stays
/// bounded whatever the number of events.
/// </summary>
public sealed class Hdf5EventWriter : IEventWriter
{
    private const int SlabRows = 1 << 20;
    private readonly string _path;
    private readonly string[] _spoolPaths;
    private readonly FileStream[] _spools;
    private bool _done;

    /// <summary>Prepares the spool files.</summary>
    public Hdf5EventWriter(string path, IReadOnlyList<(string Name, ColumnType Type)> schema)
    {
        EventSchema.Validate(schema, path);
        _path = path;
        Schema = schema.ToArray();
        _spoolPaths = new string[Schema.Count];
        _spools = new FileStream[Schema.Count];
        try
        {
            for (var c = 0; c < Schema.Count; c++)
            {
                _spoolPaths[c] = AtomicFile.PrepareTemporary(path) + ".col" + c;
                _spools[c] = new FileStream(_spoolPaths[c], FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                    FileOptions.DeleteOnClose);
            }
        }
        catch
        {
            DisposeSpools();
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
        for (var c = 0; c < Schema.Count; c++)
        {
            var column = chunk.Columns[c];
            var bytes = column.Type == ColumnType.Float32
                ? MemoryMarshal.AsBytes(column.Float32Values.AsSpan())
                : MemoryMarshal.AsBytes(column.Float64Values.AsSpan());
            _spools[c].Write(bytes);
        }
        RowsWritten += chunk.RowCount;
    }

    /// <inheritdoc />
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        var temporary = AtomicFile.PrepareTemporary(_path);
        try
        {
            WriteFile(temporary);
            AtomicFile.Commit(temporary, _path);
        }
        catch
        {
            AtomicFile.TryDelete(temporary);
            throw;
        }
        finally
        {
            DisposeSpools();
        }
    }

    private void WriteFile(string temporary)
    {
        var rows = (ulong)RowsWritten;
        var group = new H5Group
        {
            Attributes = new() { [Hdf5Layout.ColumnOrderAttribute] = Schema.Select(c => c.Name).ToArray() },
        };
        var datasets = new object[Schema.Count];
        for (var c = 0; c < Schema.Count; c++)
        {
            if (rows == 0)
            {
                group[Schema[c].Name] = Schema[c].Type == ColumnType.Float32 ? Array.Empty<float>() : Array.Empty<double>();
                continue;
            }
            uint[] chunks = [(uint)Math.Min(rows, Hdf5Layout.ChunkLength)];
            datasets[c] = Schema[c].Type == ColumnType.Float32
                ? new H5Dataset<float[]>(fileDims: [rows], chunks: chunks)
                : new H5Dataset<double[]>(fileDims: [rows], chunks: chunks);
            group[Schema[c].Name] = datasets[c];
        }
        var file = new H5File { [Hdf5Layout.Group] = group };
        using var writer = file.BeginWrite(temporary);
        if (rows == 0)
        {
            return;
        }
        for (var c = 0; c < Schema.Count; c++)
        {
            var spool = _spools[c];
            spool.Flush();
            spool.Position = 0;
            for (ulong start = 0; start < rows; start += SlabRows)
            {
                var count = (int)Math.Min((ulong)SlabRows, rows - start);
                var selection = new HyperslabSelection(start, (ulong)count);
                if (datasets[c] is H5Dataset<float[]> singles)
                {
                    var slab = new float[count];
                    spool.ReadExactly(MemoryMarshal.AsBytes(slab.AsSpan()));
                    writer.Write(singles, slab, fileSelection: selection);
                }
                else
                {
                    var slab = new double[count];
                    spool.ReadExactly(MemoryMarshal.AsBytes(slab.AsSpan()));
                    writer.Write((H5Dataset<double[]>)datasets[c], slab, fileSelection: selection);
                }
            }
        }
    }

    private void DisposeSpools()
    {
        foreach (var spool in _spools)
        {
            spool?.Dispose();
        }
        foreach (var spoolPath in _spoolPaths)
        {
            if (spoolPath is not null)
            {
                AtomicFile.TryDelete(spoolPath);
            }
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
        DisposeSpools();
    }
}
