namespace Neyman.Events.IO.Hdf5;

/// <summary>
/// The documented HDF5 layout of an event file: a group <c>/events</c> holding one 1-D dataset per
/// column (float32 or float64, little-endian, one value per event, all of equal length), and on that
/// group a string-array attribute <c>columns</c> giving the column order. h5py reads a column as
/// <c>h5py.File(path)["events"]["m_bb"][:]</c>; pandas via
/// <c>pd.DataFrame({c: f["events"][c][:] for c in f["events"].attrs["columns"]})</c>.
/// </summary>
public static class Hdf5Layout
{
    /// <summary>The group that holds the column datasets.</summary>
    public const string Group = "events";

    /// <summary>The attribute on the group listing the columns in order.</summary>
    public const string ColumnOrderAttribute = "columns";

    /// <summary>The chunk length (in events) of the datasets Neyman writes.</summary>
    public const int ChunkLength = 1 << 16;
}
