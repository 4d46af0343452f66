namespace Neyman.Events.Tables;

/// <summary>The storage type of an event-table column.</summary>
public enum ColumnType
{
    /// <summary>IEEE single precision (float32), the usual type of detector-level features.</summary>
    Float32,

    /// <summary>IEEE double precision (float64), for weights and precise derived quantities.</summary>
    Float64,
}
