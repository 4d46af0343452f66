using Neyman.Core;
using Neyman.Stats.Fitting;
using Neyman.Stats.Inference;
using Neyman.Stats.Models;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Tests;

/// <summary>Fits and tests on models with closed-form answers.</summary>
public sealed class ClosedFormFitTests
{
    private static HistFactoryModel CountingModel(double signal, double background, double observed) =>
        HistFactoryModel.Build(Workspace.Parse($$$"""
            {"channels":[{"name":"c","samples":[
                {"name":"s","data":[{{{signal}}}],"modifiers":[{"name":"mu","type":"normfactor","data":null}]},
                {"name":"b","data":[{{{background}}}],"modifiers":[]}]}],
             "observations":[{"name":"c","data":[{{{observed}}}]}],
             "measurements":[{"name":"m","config":{"poi":"mu","parameters":[{"name":"mu","bounds":[[-5,10]]}]}}],
             "version":"1.0.0"}
            """, "counting"));

    [Fact]
    public void Counting_experiment_mle_and_uncertainty_are_closed_form()
    {
        // n ~ Poisson(mu s + b): mu-hat = (n - b)/s and sigma = sqrt(n)/s from the Hessian.
        var model = CountingModel(10, 50, 62);
        var data = new ModelData(model, model.ObservedData);
        var fit = MaximumLikelihood.WithUncertainties(model, data, MaximumLikelihood.Fit(model, data));
        Assert.True(fit.Converged);
        Assert.Equal(1.2, fit.BestFit[0], 10);
        Assert.Equal(Math.Sqrt(62) / 10, fit.Uncertainties[0], 6);
        // twice NLL at the minimum: 2 (n - n ln n + ln n!) with lambda = n.
        var expected = 2 * (62 - 62 * Math.Log(62) + MathNet.Numerics.SpecialFunctions.GammaLn(63));
        Assert.Equal(expected, fit.TwiceNll, 10);
    }

    [Fact]
    public void Counting_experiment_q0_matches_the_asimov_formula()
    {
        // q0 = 2 (n ln(n/b) - (n - b)) for n > b (Cowan et al. eq. 97), p0 = Phi(-sqrt(q0)).
        var model = CountingModel(10, 50, 70);
        var discovery = Discovery.Compute(model, new ModelData(model, model.ObservedData));
        var q0 = 2 * (70 * Math.Log(70.0 / 50) - 20);
        Assert.Equal(Math.Sqrt(q0), discovery.Z0, 7);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, -Math.Sqrt(q0)), discovery.P0, 9);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.2)]
    [InlineData(2.0)]
    public void Test_statistics_match_the_counting_formulas(double mu)
    {
        // No nuisance parameters: t_mu = 2 (lambda - n - n ln(lambda / n)) with lambda = mu s + b; mu-hat = 1.2.
        var model = CountingModel(10, 50, 62);
        var data = new ModelData(model, model.ObservedData);
        var lambda = mu * 10 + 50;
        var t = 2 * (lambda - 62 - 62 * Math.Log(lambda / 62));
        var evaluator = model.CreateEvaluator();
        Assert.Equal(t, TestStatistics.Compute(TestStatisticKind.Tmu, mu, evaluator, data, FitSettings.Default).Value, 9);
        Assert.Equal(t, TestStatistics.Compute(TestStatisticKind.TmuTilde, mu, evaluator, data, FitSettings.Default).Value, 9);
        var q = mu < 1.2 ? 0.0 : t;
        Assert.Equal(q, TestStatistics.Compute(TestStatisticKind.Qmu, mu, evaluator, data, FitSettings.Default).Value, 9);
        Assert.Equal(q, TestStatistics.Compute(TestStatisticKind.QmuTilde, mu, evaluator, data, FitSettings.Default).Value, 9);
        // With a downward fluctuation mu-hat = -0.5 < 0: the tilde statistics compare with mu = 0 instead.
        var low = CountingModel(10, 50, 45);
        var lowData = new ModelData(low, low.ObservedData);
        var lowEvaluator = low.CreateEvaluator();
        double TwiceNllRatio(double a, double b) => 2 * ((a * 10 + 50) - (b * 10 + 50) - 45 * Math.Log((a * 10 + 50) / (b * 10 + 50)));
        Assert.Equal(TwiceNllRatio(mu, -0.5), TestStatistics.Compute(TestStatisticKind.Tmu, mu, lowEvaluator, lowData, FitSettings.Default).Value, 9);
        Assert.Equal(TwiceNllRatio(mu, 0.0), TestStatistics.Compute(TestStatisticKind.TmuTilde, mu, lowEvaluator, lowData, FitSettings.Default).Value, 9);
        Assert.Equal(TwiceNllRatio(mu, 0.0), TestStatistics.Compute(TestStatisticKind.QmuTilde, mu, lowEvaluator, lowData, FitSettings.Default).Value, 9);
    }

    [Fact]
    public void Pulls_follow_the_constraint_definitions()
    {
        // One Gaussian (normsys, sigma 1, aux 0) and one Poisson (shapesys, tau = (50/5)^2 = 100) constraint.
        var model = HistFactoryModel.Build(Workspace.Parse("""
            {"channels":[{"name":"c","samples":[
                {"name":"s","data":[10.0],"modifiers":[{"name":"mu","type":"normfactor","data":null}]},
                {"name":"b","data":[50.0],"modifiers":[{"name":"n","type":"normsys","data":{"hi":1.1,"lo":0.9}},
                                                       {"name":"g","type":"shapesys","data":[5.0]}]}]}],
             "observations":[{"name":"c","data":[75]}],
             "measurements":[{"name":"m","config":{"poi":"mu","parameters":[]}}],
             "version":"1.0.0"}
            """, "pulls"));
        var data = new ModelData(model, model.ObservedData);
        var fit = MaximumLikelihood.WithUncertainties(model, data, MaximumLikelihood.FixedPoiFit(model, data, 1.0),
            [true, false, false]);
        var pulls = Pulls.Compute(model, fit);
        Assert.Equal(["mu", "n", "g[0]"], model.Config.ParameterNames);
        Assert.False(pulls.HasPull[0]);
        Assert.Equal(fit.BestFit[1], pulls.Values[1], 12);
        Assert.Equal(fit.Uncertainties[1], pulls.Errors[1], 12);
        Assert.Equal((fit.BestFit[2] - 1) * 10, pulls.Values[2], 12);
        Assert.Equal(fit.Uncertainties[2] * 10, pulls.Errors[2], 12);
        // An excess of 15 events over 60 pulls both nuisance parameters up.
        Assert.True(pulls.Values[1] > 0 && pulls.Values[2] > 0);
    }

    [Fact]
    public void Fixed_parameters_stay_fixed_and_bounds_hold()
    {
        var model = CountingModel(10, 50, 20);
        var data = new ModelData(model, model.ObservedData);
        var bounded = MaximumLikelihood.Fit(model, data, new FitSettings(Lower: [0.0]));
        Assert.Equal(0.0, bounded.BestFit[0]);
        var free = MaximumLikelihood.Fit(model, data);
        Assert.Equal(-3.0, free.BestFit[0], 9);
        var fixedFit = MaximumLikelihood.FixedPoiFit(model, data, 0.5);
        Assert.Equal(0.5, fixedFit.BestFit[0]);
    }

    [Fact]
    public void A_fit_that_cannot_converge_is_reported_not_hidden()
    {
        var model = CountingModel(10, 50, 62);
        var data = new ModelData(model, model.ObservedData);
        var limited = MaximumLikelihood.Fit(model, data, new FitSettings(Init: [9.0], Minimizer: new MinimizerOptions(MaxIterations: 1)));
        Assert.False(limited.Converged);
        Assert.Contains("iteration limit", limited.Message);
        var test = () => TestStatistics.Compute(
            TestStatisticKind.QmuTilde, 1.0, model.CreateEvaluator(), data, new FitSettings(Init: [9.0], Minimizer: new MinimizerOptions(MaxIterations: 1)));
        var error = Assert.Throws<NonConvergenceException>(test);
        Assert.True(error.Diagnostics.ContainsKey("iterations"));
    }
}
