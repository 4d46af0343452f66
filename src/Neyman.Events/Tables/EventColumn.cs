namespace Neyman.Events.Tables;

/// <summary>
/// One named column of an <see cref="EventTable"/>: a float32 or float64 array, one value per event.
/// The column owns its array; callers that keep a column must not change the array behind it.
/// </summary>
public sealed class EventColumn
{
    private readonly float[]? _float32;
    private readonly double[]? _float64;

    private EventColumn(string name, float[]? float32, double[]? float64)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("a column needs a non-empty name", nameof(name));
        }
        Name = name;
        _float32 = float32;
        _float64 = float64;
    }

    /// <summary>A float32 column over <paramref name="values"/> (not copied).</summary>
    public static EventColumn Float32(string name, float[] values) => new(name, values ?? throw new ArgumentNullException(nameof(values)), null);

    /// <summary>A float64 column over <paramref name="values"/> (not copied).</summary>
    public static EventColumn Float64(string name, double[] values) => new(name, null, values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>An all-zero column of the given type and length.</summary>
    public static EventColumn Zeros(string name, ColumnType type, int length) =>
        type == ColumnType.Float32 ? Float32(name, new float[length]) : Float64(name, new double[length]);

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>The storage type.</summary>
    public ColumnType Type => _float32 is not null ? ColumnType.Float32 : ColumnType.Float64;

    /// <summary>The number of values (events).</summary>
    public int Length => _float32?.Length ?? _float64!.Length;

    /// <summary>The value of one event, widened to double.</summary>
    public double this[int row] => _float32 is not null ? _float32[row] : _float64![row];

    /// <summary>The float32 storage; throws if the column is float64.</summary>
    public float[] Float32Values => _float32 ?? throw new InvalidOperationException($"column '{Name}' is float64, not float32");

    /// <summary>The float64 storage; throws if the column is float32.</summary>
    public double[] Float64Values => _float64 ?? throw new InvalidOperationException($"column '{Name}' is float32, not float64");

    /// <summary>The raw array (float[] or double[]).</summary>
    public Array Values => (Array?)_float32 ?? _float64!;

    /// <summary>Copies the values, widened to double, into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<double> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("destination is shorter than the column", nameof(destination));
        }
        if (_float64 is not null)
        {
            _float64.CopyTo(destination);
            return;
        }
        var source = _float32!;
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    /// <summary>Copies the values, rounded to float, into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<float> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("destination is shorter than the column", nameof(destination));
        }
        if (_float32 is not null)
        {
            _float32.CopyTo(destination);
            return;
        }
        System.Numerics.Tensors.TensorPrimitives.ConvertTruncating<double, float>(_float64!, destination);
    }

    /// <summary>The values as a new double array.</summary>
    public double[] ToFloat64Array()
    {
        var result = new double[Length];
        CopyTo(result);
        return result;
    }

    /// <summary>The values as a new float array.</summary>
    public float[] ToFloat32Array()
    {
        var result = new float[Length];
        CopyTo(result);
        return result;
    }

    /// <summary>A copy of the rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>).</summary>
    public EventColumn Slice(int start, int count) => _float32 is not null
        ? Float32(Name, _float32.AsSpan(start, count).ToArray())
        : Float64(Name, _float64!.AsSpan(start, count).ToArray());

    /// <summary>A copy of the selected rows, in the order given.</summary>
    public EventColumn Take(ReadOnlySpan<int> rows)
    {
        if (_float32 is not null)
        {
            var values = new float[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                values[i] = _float32[rows[i]];
            }
            return Float32(Name, values);
        }
        var doubles = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            doubles[i] = _float64![rows[i]];
        }
        return Float64(Name, doubles);
    }

    /// <summary>The same values under another name (the array is shared).</summary>
    public EventColumn WithName(string name) => new(name, _float32, _float64);

    /// <summary>Index of the first NaN or infinite value, or -1 when all values are finite.</summary>
    public int IndexOfNonFinite()
    {
        if (_float32 is not null)
        {
            for (var i = 0; i < _float32.Length; i++)
            {
                if (!float.IsFinite(_float32[i]))
                {
                    return i;
                }
            }
            return -1;
        }
        var values = _float64!;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
