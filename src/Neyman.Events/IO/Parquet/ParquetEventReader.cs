using Neyman.Core;
using Neyman.Events.Tables;
using Parquet;
using Parquet.Schema;

namespace Neyman.Events.IO.Parquet;

/// <summary>
/// Reads a Parquet event file one row group at a time. FLOAT columns become float32, DOUBLE and
/// INT64 columns float64, and INT32/INT16/INT8/BOOLEAN columns float32 (so integer labels from pandas
/// work). Nulls in optional columns become NaN, that is missing values.
/// </summary>
public sealed class ParquetEventReader : IEventReader
{
    private readonly string _path;
    private readonly EventReadOptions _options;
    private readonly ParquetReader _reader;
    private readonly DataField[] _fields;
    private int _nextGroup;
    private long _rowsRead;
    private bool _emittedAny;

    /// <summary>Opens the file and reads its footer.</summary>
    public ParquetEventReader(string path, EventReadOptions options)
    {
        _path = path;
        _options = options;
        try
        {
            _reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new InputException($"cannot read the file as Parquet: {e.Message}", path, inner: e);
        }
        try
        {
            var all = _reader.Schema.GetDataFields();
            var indices = EventSchema.Select(all.Select(f => f.Name).ToArray(), options.Columns, path);
            _fields = indices.Select(i => all[i]).ToArray();
            Schema = _fields.Select(f => (f.Name, TypeOf(f, path))).ToArray();
            RowCount = _reader.RowGroups.Sum(g => g.RowCount);
        }
        catch
        {
            _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
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
        if (_nextGroup >= _reader.RowGroupCount)
        {
            if (_emittedAny)
            {
                return null;
            }
            _emittedAny = true;
            return new EventTable(Schema.Select(c => EventColumn.Zeros(c.Name, c.Type, 0)));
        }
        using var group = _reader.OpenRowGroupReader(_nextGroup++);
        var rows = checked((int)group.RowCount);
        var columns = new EventColumn[_fields.Length];
        for (var c = 0; c < _fields.Length; c++)
        {
            try
            {
                columns[c] = ReadColumn(group, _fields[c], rows);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or NotSupportedException)
            {
                throw new InputException($"cannot read the column: {e.Message}", _path, $"row group {_nextGroup}, column '{_fields[c].Name}'", e);
            }
        }
        var chunk = new EventTable(columns);
        EventSchema.CheckFinite(chunk, _rowsRead, _options, _path);
        _rowsRead += rows;
        _emittedAny = true;
        return chunk;
    }

    private static ColumnType TypeOf(DataField field, string path)
    {
        if (field.IsArray)
        {
            throw new InputException($"column '{field.Name}' holds lists; expected one number per event", path);
        }
        var type = field.ClrType;
        if (type == typeof(float) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte)
            || type == typeof(byte) || type == typeof(ushort) || type == typeof(bool))
        {
            return ColumnType.Float32;
        }
        if (type == typeof(double) || type == typeof(long) || type == typeof(uint) || type == typeof(ulong))
        {
            return ColumnType.Float64;
        }
        throw new InputException(
            $"column '{field.Name}' has type {FriendlyName(type)}; expected a numeric column (select numeric columns explicitly)", path);
    }

    private static string FriendlyName(Type type) =>
        type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? "string"
        : type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) ? "bytes"
        : type.Name;

    private static EventColumn ReadColumn(ParquetRowGroupReader group, DataField field, int rows)
    {
        var type = field.ClrType;
        if (type == typeof(float))
        {
            return EventColumn.Float32(field.Name, Read<float>(group, field, rows, v => v, float.NaN));
        }
        if (type == typeof(double))
        {
            return EventColumn.Float64(field.Name, Read<double>(group, field, rows, v => v, double.NaN));
        }
        if (type == typeof(long))
        {
            return EventColumn.Float64(field.Name, Read<long, double>(group, field, rows, v => v, double.NaN));
        }
        if (type == typeof(ulong))
        {
            return EventColumn.Float64(field.Name, Read<ulong, double>(group, field, rows, v => v, double.NaN));
        }
        if (type == typeof(uint))
        {
            return EventColumn.Float64(field.Name, Read<uint, double>(group, field, rows, v => v, double.NaN));
        }
        if (type == typeof(int))
        {
            return EventColumn.Float32(field.Name, Read<int, float>(group, field, rows, v => v, float.NaN));
        }
        if (type == typeof(short))
        {
            return EventColumn.Float32(field.Name, Read<short, float>(group, field, rows, v => v, float.NaN));
        }
        if (type == typeof(ushort))
        {
            return EventColumn.Float32(field.Name, Read<ushort, float>(group, field, rows, v => v, float.NaN));
        }
        if (type == typeof(sbyte))
        {
            return EventColumn.Float32(field.Name, Read<sbyte, float>(group, field, rows, v => v, float.NaN));
        }
        if (type == typeof(byte))
        {
            return EventColumn.Float32(field.Name, Read<byte, float>(group, field, rows, v => v, float.NaN));
        }
        return EventColumn.Float32(field.Name, Read<bool, float>(group, field, rows, v => v ? 1f : 0f, float.NaN));
    }

    private static T[] Read<T>(ParquetRowGroupReader group, DataField field, int rows, Func<T, T> convert, T missing)
        where T : struct => Read<T, T>(group, field, rows, convert, missing);

    private static TOut[] Read<TIn, TOut>(ParquetRowGroupReader group, DataField field, int rows, Func<TIn, TOut> convert, TOut missing)
        where TIn : struct
    {
        var result = new TOut[rows];
        if (field.IsNullable)
        {
            var values = new TIn?[rows];
            group.ReadAsync(field, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            for (var i = 0; i < rows; i++)
            {
                result[i] = values[i] is { } v ? convert(v) : missing;
            }
            return result;
        }
        if (typeof(TIn) == typeof(TOut))
        {
            group.ReadAsync(field, ((TIn[])(object)result).AsMemory()).AsTask().GetAwaiter().GetResult();
            return result;
        }
        var raw = new TIn[rows];
        group.ReadAsync(field, raw.AsMemory()).AsTask().GetAwaiter().GetResult();
        for (var i = 0; i < rows; i++)
        {
            result[i] = convert(raw[i]);
        }
        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
