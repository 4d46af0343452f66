using Neyman.Core;
using Neyman.Events.IO.Csv;
using Neyman.Events.IO.Hdf5;
using Neyman.Events.IO.Parquet;
using Neyman.Events.Tables;

namespace Neyman.Events.IO;

/// <summary>
/// Reads and writes event tables as CSV, Parquet or HDF5, chosen by the file extension
/// (<c>.csv</c>; <c>.parquet</c>, <c>.pq</c>; <c>.h5</c>, <c>.hdf5</c>). Whole-table and chunked
/// forms; every write goes to a temporary name that is renamed only when the file is complete.
/// </summary>
public static class EventFile
{
    /// <summary>The format for a path, from its extension.</summary>
    /// <exception cref="InputException">The extension is none of the supported ones.</exception>
    public static EventFileFormat FormatOf(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" => EventFileFormat.Csv,
            ".parquet" or ".pq" => EventFileFormat.Parquet,
            ".h5" or ".hdf5" => EventFileFormat.Hdf5,
            _ => throw new InputException(
                $"unknown event-file extension '{extension}'; expected .csv, .parquet, .pq, .h5 or .hdf5", path),
        };
    }

    /// <summary>Reads a whole file into memory.</summary>
    /// <exception cref="InputException">The file is missing, malformed, lacks a requested column or holds non-finite values.</exception>
    public static EventTable Read(string path, EventReadOptions? options = null)
    {
        using var reader = OpenReader(path, options);
        var chunks = new List<EventTable>();
        while (reader.ReadChunk() is { } chunk)
        {
            chunks.Add(chunk);
        }
        return chunks.Count == 1 ? chunks[0] : EventTable.Concatenate(chunks);
    }

    /// <summary>Writes a whole table; the file appears only once it is complete.</summary>
    public static void Write(string path, EventTable table)
    {
        using var writer = OpenWriter(path, EventSchema.Of(table));
        writer.WriteChunk(table);
        writer.Complete();
    }

    /// <summary>Opens a file for reading chunk by chunk.</summary>
    /// <exception cref="InputException">The file does not exist, has an unknown extension or a bad header/layout.</exception>
    public static IEventReader OpenReader(string path, EventReadOptions? options = null)
    {
        var format = FormatOf(path);
        if (!File.Exists(path))
        {
            throw new InputException("the file does not exist", path);
        }
        options ??= EventReadOptions.Default;
        return format switch
        {
            EventFileFormat.Csv => new CsvEventReader(path, options),
            EventFileFormat.Parquet => new ParquetEventReader(path, options),
            _ => new Hdf5EventReader(RequireHdf5Support(path), options),
        };
    }

    /// <summary>Opens a file for writing chunk by chunk; see <see cref="IEventWriter"/>.</summary>
    /// <exception cref="InputException">Unknown extension, a missing or unwritable folder, or a bad schema.</exception>
    public static IEventWriter OpenWriter(string path, IReadOnlyList<(string Name, ColumnType Type)> schema) => FormatOf(path) switch
    {
        EventFileFormat.Csv => new CsvEventWriter(path, schema),
        EventFileFormat.Parquet => new ParquetEventWriter(path, schema),
        _ => new Hdf5EventWriter(RequireHdf5Support(path), schema),
    };

    /// <summary>
    /// The HDF5 library (PureHDF) builds its type handling through reflection at run time, which a
    /// Native AOT build of the program cannot do; such a build reports it instead of crashing.
    /// </summary>
    private static string RequireHdf5Support(string path) => System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported
        ? path
        : throw new InputException("HDF5 files need the regular build of neyman (this natively compiled build reads and writes CSV and Parquet)", path);
}
