using Neyman.Core;
using Neyman.Events.Tables;
using PureHDF;
using PureHDF.Selections;

namespace Neyman.Events.IO.Hdf5;

/// <summary>
/// Reads an HDF5 event file in the <see cref="Hdf5Layout"/> in chunks of rows through hyperslab
/// selections. Without the <c>columns</c> attribute the datasets of <c>/events</c> are taken in link
/// order. float32 datasets stay float32; float64 and 64-bit integer datasets become float64; smaller
/// integers become float32.
/// </summary>
public sealed class Hdf5EventReader : IEventReader
{
    private readonly string _path;
    private readonly EventReadOptions _options;
    private readonly IDisposable _file;
    private readonly IH5Dataset[] _datasets;
    private readonly Hdf5ColumnKind[] _kinds;
    private long _nextRow;
    private bool _emittedAny;

    /// <summary>Opens the file and checks the layout.</summary>
    public Hdf5EventReader(string path, EventReadOptions options)
    {
        _path = path;
        _options = options;
        var file = Open(path);
        _file = file;
        try
        {
            var group = file.LinkExists(Hdf5Layout.Group)
                ? file.Group(Hdf5Layout.Group)
                : throw new InputException($"no group '/{Hdf5Layout.Group}'; expected Neyman's layout with one dataset per column in /{Hdf5Layout.Group}", path);
            var names = ColumnOrder(group);
            var indices = EventSchema.Select(names, options.Columns, path);
            _datasets = new IH5Dataset[indices.Length];
            _kinds = new Hdf5ColumnKind[indices.Length];
            long? length = null;
            for (var i = 0; i < indices.Length; i++)
            {
                var name = names[indices[i]];
                _datasets[i] = group.Dataset(name);
                _kinds[i] = Hdf5ColumnKinds.Of(_datasets[i], path, name);
                var dims = _datasets[i].Space.Dimensions;
                if (dims.Length != 1)
                {
                    throw new InputException($"dataset has {dims.Length} dimensions; expected one value per event (1-D)", path, $"/{Hdf5Layout.Group}/{name}");
                }
                if (length is { } l && l != (long)dims[0])
                {
                    throw new InputException($"dataset has {dims[0]} values but other columns have {l}", path, $"/{Hdf5Layout.Group}/{name}");
                }
                length = (long)dims[0];
            }
            RowCount = length ?? 0;
            Schema = indices.Select((index, i) => (names[index], Hdf5ColumnKinds.ColumnTypeOf(_kinds[i]))).ToArray();
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<(string Name, ColumnType Type)> Schema { get; }

    /// <inheritdoc />
    public long? RowCount { get; }

    /// <inheritdoc />
    public EventTable? ReadChunk()
    {
        var total = RowCount!.Value;
        if (_nextRow >= total && _emittedAny)
        {
            return null;
        }
        var count = (int)Math.Min(Math.Max(1, _options.ChunkRows), total - _nextRow);
        var columns = new EventColumn[_datasets.Length];
        for (var c = 0; c < _datasets.Length; c++)
        {
            columns[c] = count == 0
                ? EventColumn.Zeros(Schema[c].Name, Schema[c].Type, 0)
                : Hdf5ColumnKinds.Read(_kinds[c], _datasets[c], Schema[c].Name, new HyperslabSelection((ulong)_nextRow, (ulong)count));
        }
        var chunk = new EventTable(columns);
        EventSchema.CheckFinite(chunk, _nextRow, _options, _path);
        _nextRow += count;
        _emittedAny = true;
        return chunk;
    }

    private static string[] ColumnOrder(IH5Group group)
    {
        if (group.AttributeExists(Hdf5Layout.ColumnOrderAttribute))
        {
            return group.Attribute(Hdf5Layout.ColumnOrderAttribute).Read<string[]>();
        }
        return group.Children().OfType<IH5Dataset>().Select(d => d.Name).ToArray();
    }

    private static PureHDF.VOL.Native.NativeFile Open(string path)
    {
        try
        {
            return H5File.OpenRead(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InputException($"cannot read the file as HDF5: {e.Message}", path, inner: e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
