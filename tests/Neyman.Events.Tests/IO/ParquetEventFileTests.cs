using Neyman.Events.IO;
using Neyman.Events.Tables;
using Parquet;
using Parquet.Schema;

namespace Neyman.Events.Tests.IO;

public sealed class ParquetEventFileTests
{
    [Fact]
    public async Task Optional_and_integer_columns_as_pandas_writes_them_are_read()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("pandas-like.parquet");
        var pt = new DataField<float?>("pt");
        var label = new DataField<long?>("label");
        var flag = new DataField<bool>("is_muon");
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(pt, label, flag), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(pt, new ReadOnlyMemory<float?>([1.5f, null, 3f]));
            await group.WriteAsync(label, new ReadOnlyMemory<long?>([1, 0, 1]));
            await group.WriteAsync(flag, new ReadOnlyMemory<bool>([true, false, true]));
            group.CompleteValidate();
        }

        var error = Assert.Throws<Neyman.Core.InputException>(() => EventFile.Read(path));
        Assert.Contains("row 2, column 'pt'", error.Message);

        var table = EventFile.Read(path, new EventReadOptions { AllowNonFinite = true });
        Assert.Equal(ColumnType.Float32, table["pt"].Type);
        Assert.True(float.IsNaN(table["pt"].Float32Values[1]));
        Assert.Equal(3f, table["pt"].Float32Values[2]);
        Assert.Equal([1.0, 0.0, 1.0], table["label"].Float64Values);
        Assert.Equal([1f, 0f, 1f], table["is_muon"].Float32Values);
    }

    [Fact]
    public async Task A_string_column_is_named_as_not_numeric()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("strings.parquet");
        var name = new DataField<string>("process");
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(name), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(name, ["ttbar", "higgs"]);
            group.CompleteValidate();
        }

        var error = Assert.Throws<Neyman.Core.InputException>(() => EventFile.Read(path));

        Assert.Equal($"{path}: column 'process' has type string; expected a numeric column (select numeric columns explicitly)", error.Message);
    }

    [Fact]
    public async Task Files_we_write_use_required_float_and_double_columns()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("schema.parquet");
        EventFile.Write(path, SampleTables.Tricky(10));

        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();

        Assert.Equal(["lepton_pt", "lepton_eta", "label", "weight"], fields.Select(f => f.Name));
        Assert.Equal([typeof(float), typeof(float), typeof(float), typeof(double)], fields.Select(f => f.ClrType));
        Assert.All(fields, f => Assert.False(f.IsNullable));
    }
}
