using System.Diagnostics;
using Neyman.Core;
using Neyman.Events.IO;
using Neyman.Events.Tables;
using PureHDF;

namespace Neyman.Events.Tests.IO;

public sealed class Hdf5EventFileTests
{
    [Fact]
    public void A_file_without_the_events_group_is_rejected_with_the_layout()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("other.h5");
        new H5File { ["data"] = new float[] { 1, 2 } }.Write(path);

        var error = Assert.Throws<InputException>(() => EventFile.Read(path));

        Assert.Contains("no group '/events'", error.Message);
    }

    [Fact]
    public void Columns_of_different_lengths_are_rejected()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("ragged.h5");
        new H5File { ["events"] = new H5Group { ["a"] = new float[] { 1, 2 }, ["b"] = new float[] { 1 } } }.Write(path);

        var error = Assert.Throws<InputException>(() => EventFile.Read(path));

        Assert.Contains("has 1 values but other columns have 2", error.Message);
    }

    [Fact]
    public void Integer_datasets_are_read_as_numbers_and_link_order_is_used_without_the_attribute()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("ints.h5");
        new H5File { ["events"] = new H5Group { ["label"] = new long[] { 0, 1, 1 }, ["n_jets"] = new int[] { 4, 5, 6 } } }.Write(path);

        var table = EventFile.Read(path);

        Assert.Equal(ColumnType.Float64, table["label"].Type);
        Assert.Equal([0.0, 1.0, 1.0], table["label"].Float64Values);
        Assert.Equal([4f, 5f, 6f], table["n_jets"].Float32Values);
    }

    [H5pyFact]
    public void H5py_reads_the_same_numbers_and_column_order()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("events.h5");
        var table = SampleTables.Tricky(70_000); // more than one HDF5 chunk
        EventFile.Write(path, table);
        var script = $$"""
            import h5py, numpy as np
            f = h5py.File("{{path}}", "r")
            g = f["events"]
            cols = [c.decode() if isinstance(c, bytes) else str(c) for c in g.attrs["columns"]]
            print(",".join(cols))
            for c in cols:
                a = g[c][:]
                print(c, a.dtype, a.shape[0], repr(float(a[5])), repr(float(a[69999])), repr(float(np.sum(a[20:], dtype=np.float64))))
            """;

        var lines = RunPython(script);

        Assert.Equal("lepton_pt,lepton_eta,label,weight", lines[0]);
        for (var c = 0; c < 4; c++)
        {
            var column = table.Columns[c];
            var parts = lines[c + 1].Split(' ');
            Assert.Equal(column.Name, parts[0]);
            Assert.Equal(column.Type == ColumnType.Float32 ? "float32" : "float64", parts[1]);
            Assert.Equal("70000", parts[2]);
            Assert.Equal(column[5], double.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(column[69999], double.Parse(parts[4], System.Globalization.CultureInfo.InvariantCulture));
            var sum = 0.0;
            for (var i = 20; i < column.Length; i++)
            {
                sum += column[i];
            }
            Assert.Equal(sum, double.Parse(parts[5], System.Globalization.CultureInfo.InvariantCulture), Math.Abs(sum) * 1e-12 + 1e-300);
        }
    }

    [H5pyFact]
    public void A_file_written_by_h5py_is_read()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("from-h5py.h5");
        RunPython($$"""
            import h5py, numpy as np
            with h5py.File("{{path}}", "w") as f:
                g = f.create_group("events")
                g.create_dataset("m_bb", data=np.arange(10, dtype=np.float32) * 12.5, chunks=(4,), compression="gzip")
                g.create_dataset("label", data=np.array([0, 1] * 5, dtype=np.int64))
                g.attrs["columns"] = ["m_bb", "label"]
            """);

        var table = EventFile.Read(path, new EventReadOptions { ChunkRows = 3 });

        Assert.Equal(["m_bb", "label"], table.ColumnNames);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 12.5f), table["m_bb"].Float32Values);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)(i % 2)), table["label"].Float64Values);
    }

    private static string[] RunPython(string script)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("python failed: " + stderr);
        }
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
