using Neyman.Core;
using Neyman.Events.IO;
using Neyman.Events.Tables;

namespace Neyman.Events.Tests.IO;

public sealed class EventFileRoundTripTests
{
    public static TheoryData<string> Extensions => new() { ".csv", ".parquet", ".pq", ".h5", ".hdf5" };

    [Theory]
    [MemberData(nameof(Extensions))]
    public void Whole_table_round_trips_bit_for_bit(string extension)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("events" + extension);
        var table = SampleTables.Tricky(1000);

        EventFile.Write(path, table);
        var back = EventFile.Read(path);

        SampleTables.AssertIdentical(table, back);
        Assert.Equal(["events" + extension], folder.Entries());
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void Chunked_writing_and_reading_see_every_row_once_in_order(string extension)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("chunks" + extension);
        var table = SampleTables.Tricky(2500);
        using (var writer = EventFile.OpenWriter(path, EventSchema.Of(table)))
        {
            writer.WriteChunk(table.Slice(0, 1000));
            writer.WriteChunk(table.Slice(1000, 1000));
            writer.WriteChunk(table.Slice(2000, 500));
            Assert.Equal(2500, writer.RowsWritten);
            Assert.False(File.Exists(path));
            writer.Complete();
        }

        using var reader = EventFile.OpenReader(path, new EventReadOptions { ChunkRows = 1000 });
        var chunks = new List<EventTable>();
        while (reader.ReadChunk() is { } chunk)
        {
            chunks.Add(chunk);
        }

        // CSV and HDF5 cut chunks of ChunkRows; Parquet hands out its row groups, which were written as 1000/1000/500.
        Assert.Equal([1000, 1000, 500], chunks.Select(c => c.RowCount));
        SampleTables.AssertIdentical(table, EventTable.Concatenate(chunks));
        if (extension != ".csv")
        {
            Assert.Equal(2500, reader.RowCount);
        }
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void Selected_columns_come_back_in_the_requested_order(string extension)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("subset" + extension);
        var table = SampleTables.Tricky(50);
        EventFile.Write(path, table);

        var back = EventFile.Read(path, new EventReadOptions { Columns = ["weight", "lepton_pt"] });

        SampleTables.AssertIdentical(table.Select(["weight", "lepton_pt"]), back);
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void A_missing_required_column_names_the_column_and_the_file(string extension)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("missing" + extension);
        EventFile.Write(path, SampleTables.Tricky(10));

        var error = Assert.Throws<InputException>(() => EventFile.Read(path, new EventReadOptions { Columns = ["m_bb"] }));

        Assert.Contains("missing required column 'm_bb'", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Contains("lepton_pt", error.Message);
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void Non_finite_values_are_rejected_by_default_and_kept_on_request(string extension)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("nan" + extension);
        var pt = new float[] { 1, 2, float.NaN, 4 };
        var w = new double[] { 1, double.PositiveInfinity, 1, double.NegativeInfinity };
        EventFile.Write(path, new EventTable([EventColumn.Float32("pt", pt), EventColumn.Float64("weight", w)]));

        var error = Assert.Throws<InputException>(() => EventFile.Read(path));
        Assert.Contains("row 3, column 'pt'", error.Message);
        Assert.Contains("not a finite number", error.Message);

        var kept = EventFile.Read(path, new EventReadOptions { AllowNonFinite = true });
        Assert.True(float.IsNaN(kept["pt"].Float32Values[2]));
        Assert.Equal(double.PositiveInfinity, kept["weight"].Float64Values[1]);
        Assert.Equal(double.NegativeInfinity, kept["weight"].Float64Values[3]);
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void An_empty_table_keeps_its_schema(string extension)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("empty" + extension);
        var table = SampleTables.Tricky(0);

        EventFile.Write(path, table);
        var back = EventFile.Read(path);

        Assert.Equal(0, back.RowCount);
        Assert.Equal(table.ColumnNames, back.ColumnNames);
        Assert.Equal(table.Columns.Select(c => c.Type), back.Columns.Select(c => c.Type));
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void An_abandoned_writer_leaves_nothing_behind(string extension)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("abandoned" + extension);
        var table = SampleTables.Tricky(100);
        using (var writer = EventFile.OpenWriter(path, EventSchema.Of(table)))
        {
            writer.WriteChunk(table);
        }

        Assert.Empty(folder.Entries());
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void Writing_over_an_existing_file_replaces_it(string extension)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("again" + extension);
        EventFile.Write(path, SampleTables.Tricky(300, seed: 1));
        var second = SampleTables.Tricky(20, seed: 2);

        EventFile.Write(path, second);

        SampleTables.AssertIdentical(second, EventFile.Read(path));
    }
}
