namespace Neyman.Events.IO;

/// <summary>How an event file is read.</summary>
public sealed record EventReadOptions
{
    /// <summary>
    /// When false (the default) a NaN or infinite value in any column is an error naming the file,
    /// column and row. When true such values are kept (NaN means a missing value).
    /// </summary>
    public bool AllowNonFinite { get; init; }

    /// <summary>The columns to read, in this order; null reads all. A missing column is an error.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>The number of rows per chunk handed out by <see cref="IEventReader.ReadChunk"/>.</summary>
    public int ChunkRows { get; init; } = 1 << 20;

    /// <summary>The default options.</summary>
    public static EventReadOptions Default { get; } = new();
}
