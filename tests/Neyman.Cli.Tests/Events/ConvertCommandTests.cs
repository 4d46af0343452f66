using Neyman.Events.IO;
using Neyman.Events.Tables;

namespace Neyman.Cli.Tests.Events;

public sealed class ConvertCommandTests
{
    private static EventTable Sample(int rows)
    {
        var pt = new float[rows];
        var weight = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            pt[i] = 20f + i * 0.37f;
            weight[i] = i % 3 == 0 ? -0.5 : 1.0 / (i + 1);
        }
        return new EventTable([EventColumn.Float32("lepton_pt", pt), EventColumn.Float32("label", pt.Select((_, i) => (float)(i % 2)).ToArray()),
            EventColumn.Float64("weight", weight)]);
    }

    [Theory]
    [InlineData("in.csv", "out.parquet")]
    [InlineData("in.parquet", "out.h5")]
    [InlineData("in.h5", "out.csv")]
    public void Converts_between_formats_in_chunks_without_changing_values(string from, string to)
    {
        using var folder = new TemporaryFolder();
        var table = Sample(2345);
        EventFile.Write(folder.File(from), table);

        var result = CliRunner.Run("convert", folder.File(from), folder.File(to), "--chunk-rows", "1000");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"wrote 2345 events x 3 columns to {folder.File(to)}\n", result.Out.Replace("\r\n", "\n"));
        var back = EventFile.Read(folder.File(to));
        Assert.Equal(table.ColumnNames, back.ColumnNames);
        Assert.Equal(table["lepton_pt"].Float32Values, back["lepton_pt"].Float32Values);
        Assert.Equal(table["weight"].Float64Values, back["weight"].Float64Values);
    }

    [Fact]
    public void Keeps_only_the_requested_columns_in_order()
    {
        using var folder = new TemporaryFolder();
        EventFile.Write(folder.File("in.parquet"), Sample(10));

        var result = CliRunner.Run("convert", folder.File("in.parquet"), folder.File("out.csv"), "--columns", "weight,lepton_pt");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("weight,lepton_pt\n", File.ReadAllText(folder.File("out.csv")));
    }

    [Fact]
    public void A_ragged_csv_fails_with_exit_code_2_one_line_and_no_output_file()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("bad.csv"), "a,b\n1,2\n3\n");

        var result = CliRunner.Run("convert", folder.File("bad.csv"), folder.File("out.parquet"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {folder.File("bad.csv")}, line 3: found 1 fields, expected 2 as in the header\n", result.Error.Replace("\r\n", "\n"));
        Assert.Equal(["bad.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_non_numeric_csv_value_fails_with_line_and_column()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("bad.csv"), "a,b\n1,2\n3,x\n");

        var result = CliRunner.Run("convert", folder.File("bad.csv"), folder.File("out.h5"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 3, column 'b': 'x' is not a number", result.Error);
        Assert.False(File.Exists(folder.File("out.h5")));
    }

    [Theory]
    [InlineData("in.parquet")]
    [InlineData("in.h5")]
    public void A_missing_required_column_fails_with_exit_code_2(string name)
    {
        using var folder = new TemporaryFolder();
        EventFile.Write(folder.File(name), Sample(5));

        var result = CliRunner.Run("convert", folder.File(name), folder.File("out.csv"), "--columns", "m_bb");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing required column 'm_bb'", result.Error);
        Assert.False(File.Exists(folder.File("out.csv")));
    }

    [Fact]
    public void An_unknown_output_extension_fails_before_reading()
    {
        using var folder = new TemporaryFolder();
        EventFile.Write(folder.File("in.csv"), Sample(5));

        var result = CliRunner.Run("convert", folder.File("in.csv"), folder.File("out.root"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown event-file extension '.root'", result.Error);
    }

    [Fact]
    public void Show_prints_schema_count_and_first_rows()
    {
        using var folder = new TemporaryFolder();
        EventFile.Write(folder.File("in.csv"), Sample(100_000));

        var result = CliRunner.Run("show", folder.File("in.csv"), "--rows", "2");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Replace("\r\n", "\n").Split('\n');
        Assert.Equal("events:  100000", lines[1]);
        Assert.Equal("columns: 3", lines[2]);
        Assert.Equal("  weight                       float64", lines[5]);
        Assert.Equal(["lepton_pt", "label", "weight"], lines[7].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["20", "0", "-0.5"], lines[8].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["20.37", "1", "0.5"], lines[9].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
