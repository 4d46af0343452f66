using Neyman.Events.Tables;

namespace Neyman.Events.IO;

/// <summary>Reads an event file chunk by chunk, so files larger than memory can be processed.</summary>
public interface IEventReader : IDisposable
{
    /// <summary>The columns that <see cref="ReadChunk"/> returns, in order.</summary>
    IReadOnlyList<(string Name, ColumnType Type)> Schema { get; }

    /// <summary>The number of rows in the file when the format knows it without a full pass (not CSV).</summary>
    long? RowCount { get; }

    /// <summary>The next chunk of rows, or null at the end of the file.</summary>
    /// <exception cref="Neyman.Core.InputException">The file content is malformed.</exception>
    EventTable? ReadChunk();
}
