using Neyman.Events.Tables;

namespace Neyman.Events.IO;

/// <summary>
/// Writes an event file chunk by chunk. The file appears under its name only when
/// <see cref="Complete"/> succeeds; disposing without completing removes everything written.
/// </summary>
public interface IEventWriter : IDisposable
{
    /// <summary>The columns every chunk must have, in order.</summary>
    IReadOnlyList<(string Name, ColumnType Type)> Schema { get; }

    /// <summary>The number of rows written so far.</summary>
    long RowsWritten { get; }

    /// <summary>Appends rows; the chunk's columns must match <see cref="Schema"/>.</summary>
    void WriteChunk(EventTable chunk);

    /// <summary>Finishes the file and moves it to its final name.</summary>
    void Complete();
}
