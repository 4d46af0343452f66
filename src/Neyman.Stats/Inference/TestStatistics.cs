using Neyman.Core;
using Neyman.Stats.Fitting;
using Neyman.Stats.Models;

namespace Neyman.Stats.Inference;

/// <summary>Computes the profile-likelihood test statistics from a fixed-POI fit and a free fit.</summary>
public static class TestStatistics
{
    /// <summary>
    /// The test statistic <paramref name="kind"/> at POI value <paramref name="mu"/> (ignored for q0, which tests 0).
    /// For the tilde statistics the POI's lower bound is raised to zero if it was below.
    /// </summary>
    /// <exception cref="NonConvergenceException">A fit did not converge.</exception>
    public static TestStatisticValue Compute(
        TestStatisticKind kind, double mu, LikelihoodEvaluator evaluator, ModelData data, FitSettings settings)
    {
        var config = evaluator.Model.Config;
        var poi = config.PoiIndex;
        if (kind is TestStatisticKind.QmuTilde or TestStatisticKind.TmuTilde)
        {
            var lower = (double[])(settings.Lower ?? config.LowerBounds).Clone();
            if (lower[poi] < 0)
            {
                lower[poi] = 0;
            }
            settings = settings with { Lower = lower };
        }
        var tested = kind == TestStatisticKind.Q0 ? 0.0 : mu;
        var freeFit = Require(MaximumLikelihood.Fit(evaluator, data, settings, null), "free fit", config, tested);
        // The constrained fit starts from the free one (the nuisance parameters are usually close): fewer iterations,
        // same minimum.
        var warm = settings with { Init = (double[])freeFit.BestFit.Clone() };
        var fixedFit = Require(MaximumLikelihood.Fit(evaluator, data, warm, tested), "fixed-POI fit", config, tested);
        // Both fits reach machine precision; a tiny negative difference is rounding, so clip at zero. When the free
        // fit lands exactly on the tested value (a POI on its bound), both fits solve the same problem: t is zero.
        var muHat = freeFit.BestFit[poi];
        var t = muHat == tested ? 0.0 : Math.Max(0.0, fixedFit.TwiceNll - freeFit.TwiceNll);
        var value = kind switch
        {
            TestStatisticKind.Q0 => muHat < 0 ? 0.0 : t,
            TestStatisticKind.Qmu or TestStatisticKind.QmuTilde => muHat > mu ? 0.0 : t,
            _ => t,
        };
        return new TestStatisticValue(value, fixedFit, freeFit);
    }

    private static FitResult Require(FitResult fit, string what, ModelConfig config, double mu)
    {
        if (!fit.Converged)
        {
            throw new NonConvergenceException(
                $"the {what} at {config.PoiName} = {mu} did not converge: {fit.Message}",
                new Dictionary<string, double> { ["iterations"] = fit.Iterations, ["twice_nll"] = fit.TwiceNll, ["poi"] = mu });
        }
        return fit;
    }
}
