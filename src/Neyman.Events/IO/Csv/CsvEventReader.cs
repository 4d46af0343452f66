using Neyman.Core;
using Neyman.Events.Tables;

namespace Neyman.Events.IO.Csv;

/// <summary>
/// Streams a CSV event file: a header row of column names, then one row per event, comma-separated,
/// invariant culture. The column <c>weight</c> is read as float64, every other column as float32.
/// Errors name the line (1 is the header) and the column.
/// </summary>
public sealed class CsvEventReader : IEventReader
{
    private readonly string _path;
    private readonly TextReader _text;
    private readonly EventReadOptions _options;
    private readonly string[] _header;
    private readonly int[] _selected;
    private readonly int[] _slotOfField;
    private long _line = 1;
    private long _rowsRead;
    private bool _finished;
    private bool _emittedAny;

    /// <summary>Opens <paramref name="path"/> and reads its header.</summary>
    public CsvEventReader(string path, EventReadOptions options)
        : this(path, OpenText(path), options)
    {
    }

    /// <summary>Reads CSV from an open text reader; <paramref name="path"/> names it in messages. The reader is disposed with this object.</summary>
    public CsvEventReader(string path, TextReader text, EventReadOptions options)
    {
        _path = path;
        _text = text;
        _options = options;
        var headerLine = text.ReadLine();
        if (headerLine is null || headerLine.Trim().Length == 0)
        {
            text.Dispose();
            throw new InputException("the file is empty; expected a header row of column names", path, "line 1");
        }
        _header = headerLine.TrimEnd('\r').Split(',').Select(h => CsvNumber.Unquote(h.Trim()).ToString()).ToArray();
        for (var i = 0; i < _header.Length; i++)
        {
            if (_header[i].Length == 0)
            {
                text.Dispose();
                throw new InputException($"header field {i + 1} is empty; expected a column name", path, "line 1");
            }
            if (Array.IndexOf(_header, _header[i]) != i)
            {
                text.Dispose();
                throw new InputException($"column '{_header[i]}' appears twice in the header", path, "line 1");
            }
        }
        try
        {
            _selected = EventSchema.Select(_header, options.Columns, path);
        }
        catch
        {
            text.Dispose();
            throw;
        }
        _slotOfField = Enumerable.Repeat(-1, _header.Length).ToArray();
        for (var s = 0; s < _selected.Length; s++)
        {
            _slotOfField[_selected[s]] = s;
        }
        Schema = _selected.Select(i => (_header[i], TypeOf(_header[i]))).ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyList<(string Name, ColumnType Type)> Schema { get; }

    /// <inheritdoc />
    public long? RowCount => null;

    /// <summary>The storage type a CSV column gets: float64 for <c>weight</c>, float32 otherwise.</summary>
    public static ColumnType TypeOf(string name) => name == EventTable.WeightColumn ? ColumnType.Float64 : ColumnType.Float32;

    /// <inheritdoc />
    public EventTable? ReadChunk()
    {
        if (_finished)
        {
            return null;
        }
        var capacity = Math.Max(1, _options.ChunkRows);
        var singles = new float[Schema.Count][];
        var doubles = new double[Schema.Count][];
        for (var s = 0; s < Schema.Count; s++)
        {
            if (Schema[s].Type == ColumnType.Float32)
            {
                singles[s] = new float[capacity];
            }
            else
            {
                doubles[s] = new double[capacity];
            }
        }
        var rows = 0;
        while (rows < capacity)
        {
            var line = _text.ReadLine();
            if (line is null)
            {
                _finished = true;
                break;
            }
            _line++;
            var span = line.AsSpan().TrimEnd('\r');
            if (span.Trim().IsEmpty)
            {
                continue;
            }
            ParseRow(span, rows, singles, doubles);
            rows++;
        }
        if (rows == 0 && _finished && _emittedAny)
        {
            return null;
        }
        var columns = new EventColumn[Schema.Count];
        for (var s = 0; s < Schema.Count; s++)
        {
            columns[s] = Schema[s].Type == ColumnType.Float32
                ? EventColumn.Float32(Schema[s].Name, rows == capacity ? singles[s] : singles[s][..rows])
                : EventColumn.Float64(Schema[s].Name, rows == capacity ? doubles[s] : doubles[s][..rows]);
        }
        var chunk = new EventTable(columns);
        EventSchema.CheckFinite(chunk, _rowsRead, _options, _path);
        _rowsRead += rows;
        _emittedAny = true; // a file with only a header yields one empty chunk, so callers see its schema
        return chunk;
    }

    private void ParseRow(ReadOnlySpan<char> line, int row, float[][] singles, double[][] doubles)
    {
        var field = 0;
        var rest = line;
        while (true)
        {
            var comma = rest.IndexOf(',');
            var text = comma < 0 ? rest : rest[..comma];
            if (field >= _header.Length)
            {
                throw Ragged(line);
            }
            var slot = _slotOfField[field];
            if (slot >= 0)
            {
                var ok = Schema[slot].Type == ColumnType.Float32
                    ? CsvNumber.TryParseSingle(text, out singles[slot][row])
                    : CsvNumber.TryParseDouble(text, out doubles[slot][row]);
                if (!ok)
                {
                    throw new InputException(
                        $"'{Shorten(text)}' is not a number", _path, $"line {_line}, column '{_header[field]}'");
                }
            }
            field++;
            if (comma < 0)
            {
                break;
            }
            rest = rest[(comma + 1)..];
        }
        if (field != _header.Length)
        {
            throw Ragged(line);
        }
    }

    private InputException Ragged(ReadOnlySpan<char> line)
    {
        var count = line.Count(',') + 1;
        return new InputException(
            $"found {count} fields, expected {_header.Length} as in the header", _path, $"line {_line}");
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : text[..40].ToString() + "...";

    private static TextReader OpenText(string path)
    {
        try
        {
            return new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot open the file: {e.Message}", path, inner: e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _text.Dispose();
}
