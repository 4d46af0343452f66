using Neyman.Core;
using Neyman.Events.Tables;
using PureHDF;
using PureHDF.Selections;

namespace Neyman.Events.IO.Hdf5;

/// <summary>The HDF5 element types an event column may have, and how each is read into a column.</summary>
internal enum Hdf5ColumnKind
{
    Float32,
    Float64,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
}

/// <summary>Reading of <see cref="Hdf5ColumnKind"/> columns.</summary>
internal static class Hdf5ColumnKinds
{
    public static Hdf5ColumnKind Of(IH5Dataset dataset, string path, string name)
    {
        var type = dataset.Type;
        var location = $"/{Hdf5Layout.Group}/{name}";
        switch (type.Class)
        {
            case H5DataTypeClass.FloatingPoint when type.Size == 4:
                return Hdf5ColumnKind.Float32;
            case H5DataTypeClass.FloatingPoint when type.Size == 8:
                return Hdf5ColumnKind.Float64;
            case H5DataTypeClass.FixedPoint:
                var signed = type.FixedPoint.IsSigned;
                return type.Size switch
                {
                    1 => signed ? Hdf5ColumnKind.Int8 : Hdf5ColumnKind.UInt8,
                    2 => signed ? Hdf5ColumnKind.Int16 : Hdf5ColumnKind.UInt16,
                    4 => signed ? Hdf5ColumnKind.Int32 : Hdf5ColumnKind.UInt32,
                    8 => signed ? Hdf5ColumnKind.Int64 : Hdf5ColumnKind.UInt64,
                    _ => throw Unsupported(path, location, type),
                };
            default:
                throw Unsupported(path, location, type);
        }
    }

    public static ColumnType ColumnTypeOf(Hdf5ColumnKind kind) => kind switch
    {
        Hdf5ColumnKind.Float64 or Hdf5ColumnKind.Int64 or Hdf5ColumnKind.UInt32 or Hdf5ColumnKind.UInt64 => ColumnType.Float64,
        _ => ColumnType.Float32,
    };

    public static EventColumn Read(Hdf5ColumnKind kind, IH5Dataset dataset, string name, Selection rows) => kind switch
    {
        Hdf5ColumnKind.Float32 => EventColumn.Float32(name, dataset.Read<float[]>(fileSelection: rows)),
        Hdf5ColumnKind.Float64 => EventColumn.Float64(name, dataset.Read<double[]>(fileSelection: rows)),
        Hdf5ColumnKind.Int8 => EventColumn.Float32(name, Array.ConvertAll(dataset.Read<sbyte[]>(fileSelection: rows), v => (float)v)),
        Hdf5ColumnKind.Int16 => EventColumn.Float32(name, Array.ConvertAll(dataset.Read<short[]>(fileSelection: rows), v => (float)v)),
        Hdf5ColumnKind.Int32 => EventColumn.Float32(name, Array.ConvertAll(dataset.Read<int[]>(fileSelection: rows), v => (float)v)),
        Hdf5ColumnKind.Int64 => EventColumn.Float64(name, Array.ConvertAll(dataset.Read<long[]>(fileSelection: rows), v => (double)v)),
        Hdf5ColumnKind.UInt8 => EventColumn.Float32(name, Array.ConvertAll(dataset.Read<byte[]>(fileSelection: rows), v => (float)v)),
        Hdf5ColumnKind.UInt16 => EventColumn.Float32(name, Array.ConvertAll(dataset.Read<ushort[]>(fileSelection: rows), v => (float)v)),
        Hdf5ColumnKind.UInt32 => EventColumn.Float64(name, Array.ConvertAll(dataset.Read<uint[]>(fileSelection: rows), v => (double)v)),
        _ => EventColumn.Float64(name, Array.ConvertAll(dataset.Read<ulong[]>(fileSelection: rows), v => (double)v)),
    };

    private static InputException Unsupported(string path, string location, IH5DataType type) =>
        new($"dataset has element type {type.Class} of {type.Size} bytes; expected float32, float64 or an integer", path, location);
}
