using System.Text.Json;
using Neyman.Core;
using Neyman.Events.Tables;
using Neyman.Learning.Evaluation;

namespace Neyman.Cli.Tests.Evaluation;

public sealed class CompareCommandTests
{
    // A network that leans on m_bb, trees that lean on pt, and an observable of no use.
    private static EventTable Sample(int n)
    {
        var random = new RandomStream(81);
        var label = Enumerable.Range(0, n).Select(i => (double)(i % 2)).ToArray();
        var mbb = label.Select(l => 90 + 35 * l + 15 * random.NextGaussian()).ToArray();
        var pt = label.Select(l => 50 - 10 * l + 12 * random.NextGaussian()).ToArray();
        var nn = mbb.Zip(pt, (m, p) => 0.1 * m - 0.02 * p).ToArray();
        var bdt = mbb.Zip(pt, (m, p) => 0.02 * m - 0.1 * p).ToArray();
        var noise = label.Select(_ => random.NextGaussian()).ToArray();
        var weight = label.Select(_ => 0.5 + random.NextDouble()).ToArray();
        return new EventTable([
            EventColumn.Float64("label", label), EventColumn.Float64("weight", weight), EventColumn.Float64("nn", nn),
            EventColumn.Float64("bdt", bdt), EventColumn.Float64("m_bb", mbb), EventColumn.Float64("pt", pt), EventColumn.Float64("noise", noise),
        ]);
    }

    [Fact]
    public void ReportsAdoBetweenModelsAndRanksObservables()
    {
        using var folder = new TemporaryFolder();
        var table = Sample(2000);
        var data = EvaluationFiles.Write(folder, "events.parquet", table);
        var json = folder.File("compare.json");

        var result = CliRunner.Run("compare", "--data", data, "--reference", "nn", "--classifiers", "bdt", "--observables", "m_bb,pt,noise", "--output", json);

        Assert.True(result.ExitCode == 0, result.Error);
        var sample = BinaryScores.FromTable(table, "nn");
        var ado = DiscriminantOrdering.Average(sample, table["bdt"].ToFloat64Array());
        var line = result.Out.Split('\n').Single(l => l.StartsWith("bdt ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ado.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), line[1]);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        Assert.Equal("nn", root.GetProperty("reference").GetString());
        Assert.Equal(ado, root.GetProperty("classifiers")[0].GetProperty("ado").GetDouble());
        var ranked = root.GetProperty("observables").EnumerateArray().Select(o => o.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["m_bb", "pt", "noise"], ranked);
        Assert.True(root.GetProperty("observables")[1].GetProperty("reversed").GetBoolean());
        Assert.Equal(DiscriminantOrdering.Average(sample, table["m_bb"].ToFloat64Array()), root.GetProperty("observables")[0].GetProperty("ado").GetDouble());
    }

    [Fact]
    public void SampledPairsGiveAnEstimateWithItsError()
    {
        using var folder = new TemporaryFolder();
        var table = Sample(1000);
        var data = EvaluationFiles.Write(folder, "events.csv", table);
        var json = folder.File("compare.json");
        var result = CliRunner.Run("compare", "--data", data, "--reference", "nn", "--classifiers", "bdt", "--sampled-pairs", "200000", "--seed", "4", "--output", json);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var row = document.RootElement.GetProperty("classifiers")[0];
        var exact = DiscriminantOrdering.Average(BinaryScores.FromTable(table, "nn"), table["bdt"].ToFloat64Array());
        var error = row.GetProperty("ado_uncertainty").GetDouble();
        Assert.InRange(error, 1e-4, 1e-2);
        Assert.InRange(Math.Abs(row.GetProperty("ado").GetDouble() - exact), 0, 4 * error);
    }

    [Fact]
    public void UnknownColumnsAndNothingToCompareAreExitCodeTwo()
    {
        using var folder = new TemporaryFolder();
        var data = EvaluationFiles.Write(folder, "events.csv", Sample(50));
        var missing = CliRunner.Run("compare", "--data", data, "--reference", "nn", "--classifiers", "xgb");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("column 'xgb': there is no column 'xgb'", missing.Error);
        var nothing = CliRunner.Run("compare", "--data", data, "--reference", "nn");
        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("nothing to compare", nothing.Error);
        var noReference = CliRunner.Run("compare", "--data", data, "--classifiers", "bdt");
        Assert.Equal(2, noReference.ExitCode);
        Assert.Contains("expected --reference COLUMN or at least one --model", noReference.Error);
    }

    [Fact]
    public void AModelWhoseFeatureIsMissingNamesTheDataFileAndWritesNothing()
    {
        using var folder = new TemporaryFolder();
        var train = EvaluationFiles.Write(folder, "train.csv", Sample(200));
        var model = folder.File("m.json");
        Assert.Equal(0, CliRunner.Run("train", "bdt", "--data", train, "--features", "m_bb,pt", "--trees", "2", "--output", model).ExitCode);
        var partial = EvaluationFiles.Write(folder, "partial.csv", Sample(50).Without("pt"));
        var json = folder.File("compare.json");

        var result = CliRunner.Run("compare", "--data", partial, "--model", model, "--classifiers", "nn", "--output", json);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{partial}, column 'pt': the model needs feature column 'pt'", result.Error);
        Assert.False(File.Exists(json));
    }
}
