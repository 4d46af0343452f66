using Neyman.Core;
using Neyman.Events.IO;
using Neyman.Events.Tables;

namespace Neyman.Events.Tests.IO;

public sealed class EventFileErrorTests
{
    [Theory]
    [InlineData("events.root")]
    [InlineData("events")]
    [InlineData("events.json")]
    public void Unknown_extensions_are_rejected_with_the_supported_list(string name)
    {
        var error = Assert.Throws<InputException>(() => EventFile.FormatOf(name));

        Assert.Contains("expected .csv, .parquet, .pq, .h5 or .hdf5", error.Message);
        Assert.StartsWith(name, error.Message);
    }

    [Theory]
    [InlineData("a.CSV", EventFileFormat.Csv)]
    [InlineData("dir.x/a.Parquet", EventFileFormat.Parquet)]
    [InlineData("a.pq", EventFileFormat.Parquet)]
    [InlineData("a.H5", EventFileFormat.Hdf5)]
    [InlineData("a.hdf5", EventFileFormat.Hdf5)]
    public void Formats_follow_the_extension_in_any_case(string name, EventFileFormat expected) =>
        Assert.Equal(expected, EventFile.FormatOf(name));

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    [InlineData(".h5")]
    public void Writing_into_a_missing_folder_is_an_input_error(string extension)
    {
        using var folder = new ScratchFolder();
        var path = Path.Combine(folder.Path, "no-such-folder", "events" + extension);

        var error = Assert.Throws<InputException>(() => EventFile.Write(path, SampleTables.Tricky(5)));

        Assert.Contains("does not exist", error.Message);
        Assert.Empty(folder.Entries());
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData(".parquet")]
    [InlineData(".h5")]
    public void Reading_a_missing_file_names_it(string extension)
    {
        var error = Assert.Throws<InputException>(() => EventFile.Read("/nonexistent/events" + extension));

        Assert.Equal("/nonexistent/events" + extension + ": the file does not exist", error.Message);
    }

    [Theory]
    [InlineData(".parquet", "as Parquet")]
    [InlineData(".h5", "as HDF5")]
    public void A_corrupt_binary_file_is_an_input_error(string extension, string expected)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("corrupt" + extension);
        File.WriteAllText(path, "label,weight\n1,1\n");

        var error = Assert.Throws<InputException>(() => EventFile.Read(path));

        Assert.Contains(expected, error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Duplicate_column_names_cannot_be_written()
    {
        using var folder = new ScratchFolder();
        var schema = new[] { ("pt", ColumnType.Float32), ("pt", ColumnType.Float64) };

        var error = Assert.Throws<InputException>(() => EventFile.OpenWriter(folder.File("x.parquet"), schema));

        Assert.Contains("unique", error.Message);
    }

    [Fact]
    public void A_chunk_with_other_columns_than_the_schema_is_a_programming_error()
    {
        using var folder = new ScratchFolder();
        using var writer = EventFile.OpenWriter(folder.File("x.csv"), [("pt", ColumnType.Float32)]);

        Assert.Throws<ArgumentException>(() => writer.WriteChunk(new EventTable([EventColumn.Float64("pt", [1.0])])));
    }
}
