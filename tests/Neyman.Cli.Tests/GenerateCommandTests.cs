using System.Text.Json.Nodes;
using Neyman.Events.IO;
using Neyman.Events.Simulation;

namespace Neyman.Cli.Tests;

public sealed class GenerateCommandTests
{
    [Fact]
    public void Higgs_writes_the_HIGGS_columns_and_prints_a_one_line_json_summary()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("events.parquet");

        var result = CliRunner.Run("generate", "higgs", "--events", "3000", "--seed", "1", "--output", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        var summary = JsonNode.Parse(lines[0])!;
        Assert.Equal(3000, (long)summary["events"]!);
        Assert.InRange((double)summary["acceptance"]!["signal"]!, 0.2, 0.9);
        Assert.InRange((double)summary["acceptance"]!["background"]!, 0.2, 0.9);
        Assert.True((double)summary["seconds"]! >= 0);
        var table = EventFile.Read(path);
        Assert.Equal(3000, table.RowCount);
        Assert.Equal(HiggsColumns.Schema(false), table.Columns.Select(c => (c.Name, c.Type)).ToArray());
        var signal = table["label"].Float32Values.Count(l => l == 1f);
        var signalAttempts = (long)summary["attempts"]!["signal"]!;
        Assert.Equal(Math.Round(signal / (double)signalAttempts, 6), (double)summary["acceptance"]!["signal"]!, 9);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void The_file_holds_the_library_events_over_many_chunks(string threads)
    {
        // 150,000 events are three chunks of 65,536 rows at most, whose arrays the command reuses once written: every
        // column must still equal what the library generates for the same seed into fresh arrays.
        using var folder = new TemporaryFolder();
        var path = folder.File("events.parquet");
        var result = CliRunner.Run("generate", "higgs", "--events", "150000", "--seed", "6", "--threads", threads, "--output", path);
        Assert.Equal(0, result.ExitCode);

        var chunks = new List<Neyman.Events.Tables.EventTable>();
        new HiggsGenerator(new HiggsOptions(), 6).Generate(150_000, chunks.Add);
        var expected = Neyman.Events.Tables.EventTable.Concatenate(chunks);
        var table = EventFile.Read(path);
        Assert.Equal(expected.RowCount, table.RowCount);
        foreach (var column in expected.Columns)
        {
            Assert.True(column.ToFloat64Array().SequenceEqual(table[column.Name].ToFloat64Array()), $"column {column.Name} differs");
        }
    }

    [Fact]
    public void The_same_seed_writes_the_same_bytes_whatever_the_thread_count()
    {
        using var folder = new TemporaryFolder();

        var one = CliRunner.Run("generate", "higgs", "--events", "1500", "--seed", "4", "--threads", "1", "--event-id", "--output", folder.File("one.csv"));
        var two = CliRunner.Run("generate", "higgs", "--events", "1500", "--seed", "4", "--threads", "3", "--event-id", "--output", folder.File("two.csv"));

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, two.ExitCode);
        Assert.Equal(File.ReadAllBytes(folder.File("one.csv")), File.ReadAllBytes(folder.File("two.csv")));
        Assert.StartsWith("lepton_pt,lepton_eta,lepton_phi,missing_energy_magnitude,", File.ReadAllText(folder.File("one.csv")));
    }

    [Fact]
    public void Gaussian_writes_features_and_the_true_log_likelihood_ratio()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("gauss.h5");

        var result = CliRunner.Run("generate", "gaussian", "--events", "500", "--seed", "2", "--dimensions", "3", "--components", "2",
            "--separation", "2", "--output", path);

        Assert.Equal(0, result.ExitCode);
        var table = EventFile.Read(path);
        Assert.Equal(["x1", "x2", "x3", "true_llr", "label", "weight"], table.ColumnNames);
        Assert.Equal(500, table.RowCount);
        var signal = table["label"].Float32Values.Count(l => l == 1f);
        Assert.Equal(signal, (long)JsonNode.Parse(result.Out)!["signal_events"]!);
    }

    [Theory]
    [InlineData("ttbar", "10", "out.csv", "error: PROCESS: unknown process 'ttbar'; expected higgs or gaussian")]
    [InlineData("higgs", "0", "out.csv", "error: --events: got 0; expected a positive number of events")]
    [InlineData("higgs", "-5", "out.csv", "error: --events: got -5; expected a positive number of events")]
    [InlineData("higgs", "10", "out.txt", "error: {folder}/out.txt: unknown event-file extension '.txt'; expected .csv, .parquet, .pq, .h5 or .hdf5")]
    [InlineData("higgs", "10", "missing/out.parquet", "error: {folder}/missing/out.parquet: the folder '{folder}/missing' does not exist")]
    public void Bad_input_exits_2_with_one_line_and_leaves_no_file(string process, string events, string output, string expected)
    {
        using var folder = new TemporaryFolder();

        var result = CliRunner.Run("generate", process, "--events", events, "--seed", "1", "--output", folder.File(output));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected.Replace("{folder}", folder.Path) + "\n", result.Error.Replace("\r\n", "\n"));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void An_output_path_that_is_a_folder_is_refused()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("taken.csv"));

        var result = CliRunner.Run("generate", "higgs", "--events", "10", "--seed", "1", "--output", folder.File("taken.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {folder.File("taken.csv")}: the output path is a folder, expected a file name\n", result.Error.Replace("\r\n", "\n"));
        Assert.Equal([folder.File("taken.csv")], Directory.GetFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData("higgs", "--mass", "800", "error: --mass: got 800; expected a value in [300, 700]")]
    [InlineData("higgs", "--jet-energy-scale", "2", "error: --jet-energy-scale: got 2; expected a value in [0.5, 1.5]")]
    [InlineData("higgs", "--signal-fraction", "1.5", "error: --signal-fraction: got 1.5; expected a value in [0, 1]")]
    [InlineData("gaussian", "--dimensions", "0", "error: --dimensions: got 0; expected a value in [1, 64]")]
    [InlineData("gaussian", "--mass", "500", "error: --mass: applies to the higgs process only")]
    [InlineData("higgs", "--separation", "3", "error: --separation: applies to the gaussian process only")]
    public void Out_of_range_or_misplaced_options_exit_2_naming_the_option(string process, string option, string value, string expected)
    {
        using var folder = new TemporaryFolder();

        var result = CliRunner.Run("generate", process, "--events", "10", "--seed", "1", option, value, "--output", folder.File("out.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected + "\n", result.Error.Replace("\r\n", "\n"));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }
}
