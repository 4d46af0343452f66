using System.Text.Json.Nodes;

namespace Neyman.Cli.Tests.Stats;

/// <summary>The statistics verbs end to end: cls, fit, upper-limit, significance, with their error paths.</summary>
public sealed class StatsVerbTests
{
    private const string CoupledHistoSys = "validation_specs/validation_2bin_2channel_coupledhistosys_mu1.json";
    private const string RootInterpolation = "normsys=code1,histosys=code0";

    [SharedReferenceFact]
    public void Cls_prints_observed_and_ascending_expected_cls_matching_pyhf()
    {
        var run = CliRunner.Run("cls", StatsReference.PathOf(CoupledHistoSys), "--interpolation", RootInterpolation);
        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonNode.Parse(run.Out)!;
        var tight = StatsReference.ReadJson("expected/2bin_2channel_coupledhistosys_mu1.json")["tight_tolerance"]!;
        AssertRelative(tight["CLs_obs"]!.GetValue<double>(), json["CLs_obs"]!.GetValue<double>(), 1e-6);
        var band = tight["CLs_exp_band"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        var printed = json["CLs_exp"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.Equal(5, printed.Length);
        for (var i = 0; i < 5; i++)
        {
            AssertRelative(band[i], printed[i], 2e-6);
        }
        Assert.True(printed.Zip(printed.Skip(1)).All(p => p.First < p.Second));
    }

    [SharedReferenceFact]
    public void Cls_reads_the_workspace_from_standard_input_and_writes_an_output_file()
    {
        using var folder = new TemporaryFolder();
        var target = folder.File("cls.json");
        var text = File.ReadAllText(StatsReference.PathOf(CoupledHistoSys));
        var run = CliRunner.RunWithInput(text, "cls", "-", "--interpolation", RootInterpolation, "--output-file", target);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("", run.Out);
        var fromFile = JsonNode.Parse(File.ReadAllText(target))!;
        var direct = JsonNode.Parse(CliRunner.Run("cls", StatsReference.PathOf(CoupledHistoSys), "--interpolation", RootInterpolation).Out)!;
        Assert.Equal(direct.ToJsonString(), fromFile.ToJsonString());
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [SharedReferenceFact]
    public void Cls_each_patch_reports_a_removed_signal_as_a_per_patch_error()
    {
        var folder = StatsReference.PathOf("published/sbottom-RegionB");
        var good = Path.Combine(folder, "patch.sbottom_1400_550_60.json");
        var bad = Path.Combine(folder, "patch.sbottom_1500_1495_60.json");
        var run = CliRunner.Run("cls", Path.Combine(folder, "BkgOnly.json"), "--each-patch", good, bad);
        Assert.Equal(2, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.Contains("mu_SIG", json["patch.sbottom_1500_1495_60.json"]!["error"]!.GetValue<string>());
        Assert.Contains("patch.sbottom_1500_1495_60.json", run.Error);
        var tight = StatsReference.ReadJson("expected/ATLAS_sbottom_RegionB_sbottom_1400_550_60.json")["tight_tolerance"]!;
        AssertRelative(tight["CLs_obs"]!.GetValue<double>(), json["patch.sbottom_1400_550_60.json"]!["CLs_obs"]!.GetValue<double>(), 1e-6);
    }

    [SharedReferenceFact]
    public void Fit_prints_best_fit_uncertainties_and_twice_nll_by_name()
    {
        var run = CliRunner.Run("fit", StatsReference.PathOf(CoupledHistoSys), "--interpolation", RootInterpolation);
        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonNode.Parse(run.Out)!;
        var tight = StatsReference.ReadJson("expected/2bin_2channel_coupledhistosys_mu1.json")["tight_tolerance"]!;
        AssertRelative(tight["mle_twice_nll"]!.GetValue<double>(), json["twice_nll"]!.GetValue<double>(), 1e-9);
        Assert.True(json["converged"]!.GetValue<bool>());
        var mu = json["parameters"]!["mu"]!;
        Assert.Equal(tight["mle_bestfit"]![1]!.GetValue<double>(), mu["value"]!.GetValue<double>(), 4);
        Assert.True(mu["uncertainty"]!.GetValue<double>() > 0);
    }

    [SharedReferenceFact]
    public void Upper_limit_scan_and_significance_match_pyhf()
    {
        var expected = StatsReference.ReadJson("expected/2bin_2channel_coupledhistosys_mu1.json");
        var run = CliRunner.Run("upper-limit", StatsReference.PathOf(CoupledHistoSys), "--interpolation", RootInterpolation, "--scan", "0:1.9:20");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonNode.Parse(run.Out)!;
        AssertRelative(expected["upper_limit_linear_scan"]!["obs"]!.GetValue<double>(), json["obs_limit"]!.GetValue<double>(), 1e-4);
        var significance = CliRunner.Run("significance", StatsReference.PathOf(CoupledHistoSys), "--interpolation", RootInterpolation);
        Assert.True(significance.ExitCode == 0, significance.Error);
        AssertRelative(expected["discovery_q0"]!["p0_obs"]!.GetValue<double>(), JsonNode.Parse(significance.Out)!["p0_obs"]!.GetValue<double>(), 1e-5);
    }

    [SharedReferenceFact]
    public void Toy_based_cls_is_reproducible_from_its_seed()
    {
        string[] args = ["cls", StatsReference.PathOf("validation_specs/validation_1bin_shapesys_mu1.json"), "--calctype", "toybased", "--toys", "400", "--seed", "5"];
        var first = CliRunner.Run(args);
        var second = CliRunner.Run(args);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(first.Out, second.Out);
        // 400 toys: the toy CLs sits near the asymptotic 0.454 (binomial error about 0.04).
        Assert.InRange(JsonNode.Parse(first.Out)!["CLs_obs"]!.GetValue<double>(), 0.3, 0.6);
        var other = CliRunner.Run([.. args[..^1], "6"]);
        Assert.NotEqual(first.Out, other.Out);
        var none = CliRunner.Run([.. args[..^3], "0"]);
        Assert.Equal(2, none.ExitCode);
    }

    [SharedReferenceTheory]
    [InlineData("--interpolation", "normsys=code9", "--interpolation")]
    [InlineData("--test-stat", "qq", "--test-stat")]
    [InlineData("--calctype", "exact", "--calctype")]
    [InlineData("--measurement", "nope", "no measurement named 'nope'")]
    public void Bad_arguments_exit_2_with_one_clear_line(string option, string value, string mention)
    {
        var run = CliRunner.Run("cls", StatsReference.PathOf(CoupledHistoSys), option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(mention, run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_bad_workspace_names_the_json_path()
    {
        var text = """{"channels":[{"name":"c","samples":[{"name":"s","data":[1.0],"modifiers":[{"name":"m","type":"bogus","data":null}]}]}],"observations":[{"name":"c","data":[1]}],"measurements":[{"name":"m","config":{"poi":"m","parameters":[]}}],"version":"1.0.0"}""";
        var run = CliRunner.RunWithInput(text, "fit", "-");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("$.channels[0].samples[0].modifiers[0].type", run.Error);
        Assert.Contains("unknown modifier type 'bogus'", run.Error);
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{actual:R} vs {expected:R}");
}
