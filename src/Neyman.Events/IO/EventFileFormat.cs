namespace Neyman.Events.IO;

/// <summary>The event-file formats Neyman reads and writes, chosen by file extension.</summary>
public enum EventFileFormat
{
    /// <summary>Comma-separated values with a header row (<c>.csv</c>).</summary>
    Csv,

    /// <summary>Apache Parquet, one row group per chunk (<c>.parquet</c>, <c>.pq</c>).</summary>
    Parquet,

    /// <summary>HDF5 with one 1-D dataset per column in the group <c>/events</c> (<c>.h5</c>, <c>.hdf5</c>).</summary>
    Hdf5,
}
