using Neyman.Stats.Inference;
using Neyman.Stats.Models;
using Neyman.Stats.Workspaces;
using Xunit.Abstractions;

namespace Neyman.Stats.Tests;

/// <summary>The toy calculator against ROOT's toy-based validation case and for thread-count independence.</summary>
public sealed class ToyCalculatorTests(ITestOutputHelper output)
{
    [SharedReferenceFact]
    public void Toy_based_q0_matches_root_within_statistical_error()
    {
        var item = SharedReference.ReadJson("validation_specs/validation_expected.json").AsArray()
            .First(c => c!["case"]!.GetValue<string>() == "1bin_shapesys_q0_mu1_toys")!;
        var workspace = Workspace.Load(SharedReference.PathOf("validation_specs/" + item["workspace"]!.GetValue<string>()));
        var model = HistFactoryModel.Build(workspace, null, ModelOptions.RootValidation);
        const int toys = 2000;
        var data = new ModelData(model, model.ObservedData);
        var result = new ToyCalculator(model, data, TestStatisticKind.Q0, toys, seed: 7).Test(0.0);
        var reference = item["expected"]!;
        // Both numbers are estimates from 2000 toys: allow 4 combined standard errors.
        AssertWithinStatistics(reference["CLs_obs"]!.GetValue<double>(), result.CLs, toys, 0, "p0 observed");
        // A band line is p0 at a quantile F of the background toys: besides the binomial error of p0 it moves with
        // the quantile's own error sqrt(F(1-F)/N) times dp0/dF = phi(z_F - sqrt(q0_A)) / phi(z_F) (asymptotically).
        var sqrtQA = -MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, new AsymptoticCalculator(model, data, TestStatisticKind.Q0).Test(0.0).CLsExpected[2]);
        var band = SharedReference.Doubles(reference["CLs_exp"]);
        double[] z = [-2, -1, 0, 1, 2];
        for (var i = 0; i < 5; i++)
        {
            var f = MathNet.Numerics.Distributions.Normal.CDF(0, 1, z[i]);
            var slope = MathNet.Numerics.Distributions.Normal.PDF(0, 1, z[i] - sqrtQA) / MathNet.Numerics.Distributions.Normal.PDF(0, 1, z[i]);
            var quantileSigma = Math.Sqrt(2 * f * (1 - f) / toys) * slope;
            AssertWithinStatistics(band[i], result.CLsExpected[i], toys, quantileSigma, $"p0 expected {i}");
        }
    }

    [SharedReferenceFact]
    public void Same_seed_gives_the_same_bits_whatever_the_thread_count()
    {
        var workspace = Workspace.Load(SharedReference.PathOf("validation_specs/validation_1bin_shapesys_mu1.json"));
        var model = HistFactoryModel.Build(workspace, null, ModelOptions.RootValidation);
        var data = new ModelData(model, model.ObservedData);
        var one = new ToyCalculator(model, data, TestStatisticKind.QmuTilde, 300, seed: 11, maxThreads: 1).Test(1.0);
        var many = new ToyCalculator(model, data, TestStatisticKind.QmuTilde, 300, seed: 11, maxThreads: 4).Test(1.0);
        var other = new ToyCalculator(model, data, TestStatisticKind.QmuTilde, 300, seed: 12, maxThreads: 4).Test(1.0);
        Assert.Equal(one.CLs, many.CLs);
        Assert.Equal(one.CLsExpected, many.CLsExpected);
        Assert.NotEqual(one.CLsExpected, other.CLsExpected);
        // With 300 toys the toy CLs is near the asymptotic one (0.454 for this model).
        Assert.InRange(one.CLs, 0.3, 0.6);
    }

    private void AssertWithinStatistics(double expected, double actual, int toys, double extraSigma, string what)
    {
        var p = Math.Max(Math.Max(expected, actual), 1.0 / toys);
        var sigma = Math.Sqrt(2 * p * (1 - p) / toys + extraSigma * extraSigma);
        output.WriteLine($"{what}: {actual} vs {expected} (sigma {sigma:E2})");
        Assert.True(Math.Abs(actual - expected) <= 4 * sigma, $"{what}: {actual} vs {expected}, more than 4 sigma ({sigma:E2}) apart");
    }
}
