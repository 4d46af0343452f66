using Neyman.Events.Tables;

namespace Neyman.Events.Tests.IO;

/// <summary>Event tables with values that are hard to round-trip.</summary>
internal static class SampleTables
{
    /// <summary>Float32 features with extreme values, a label and a float64 weight with negative entries.</summary>
    public static EventTable Tricky(int rows, int seed = 7)
    {
        var random = new Random(seed);
        var pt = new float[rows];
        var eta = new float[rows];
        var label = new float[rows];
        var weight = new double[rows];
        float[] specials = [0f, -0f, float.Epsilon, float.MaxValue, -float.MaxValue, 0.1f, 1f / 3f, 1e-38f, 123456.79f];
        for (var i = 0; i < rows; i++)
        {
            pt[i] = i < specials.Length ? specials[i] : (float)(random.NextDouble() * 500);
            eta[i] = (float)(random.NextDouble() * 5 - 2.5);
            label[i] = i % 2;
            weight[i] = i % 5 == 0 ? -1.0 / 3.0 : random.NextDouble() * 1e-3 + double.Epsilon * i;
        }
        return new EventTable([
            EventColumn.Float32("lepton_pt", pt),
            EventColumn.Float32("lepton_eta", eta),
            EventColumn.Float32("label", label),
            EventColumn.Float64("weight", weight),
        ]);
    }

    /// <summary>Asserts that two tables have the same columns, types and bit-identical values.</summary>
    public static void AssertIdentical(EventTable expected, EventTable actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.RowCount, actual.RowCount);
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            var e = expected.Columns[c];
            var a = actual.Columns[c];
            Assert.Equal(e.Type, a.Type);
            for (var i = 0; i < e.Length; i++)
            {
                if (BitConverter.DoubleToInt64Bits(e[i]) != BitConverter.DoubleToInt64Bits(a[i]))
                {
                    Assert.Fail($"column '{e.Name}', row {i}: expected {e[i]:R}, got {a[i]:R}");
                }
            }
        }
    }
}
