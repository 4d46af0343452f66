using MathNet.Numerics.Distributions;
using Neyman.Stats.Fitting;
using Neyman.Stats.Models;

namespace Neyman.Stats.Inference;

/// <summary>
/// Asymptotic (Wald) p-values for profile-likelihood tests (arXiv:1007.1727), as pyhf computes them: the Asimov
/// data set is the expected data (main and auxiliary) at the fit with the POI fixed to 0 (1 for q0); with
/// sqrt(q_A) its test statistic, the observed statistic is mapped to mu-hat/sigma space
/// (sqrt(q) - sqrt(q_A), or (q - q_A) / (2 sqrt(q_A)) for q~ when sqrt(q) &gt; sqrt(q_A)), and
/// CLs+b = Phi(-(t + sqrt(q_A))), CLb = Phi(-t).
/// </summary>
public sealed class AsymptoticCalculator
{
    private static readonly double[] BandSigmas = [2, 1, 0, -1, -2];
    private readonly HistFactoryModel _model;
    private readonly ModelData _data;
    private readonly FitSettings _settings;
    private readonly TestStatisticKind _kind;
    private readonly Lazy<ModelData> _asimov;

    /// <summary>Creates a calculator for observed <paramref name="data"/>.</summary>
    public AsymptoticCalculator(HistFactoryModel model, ModelData data, TestStatisticKind kind = TestStatisticKind.QmuTilde, FitSettings? settings = null)
    {
        _model = model;
        _data = data;
        _kind = kind;
        _settings = settings ?? FitSettings.Default;
        _asimov = new Lazy<ModelData>(() => AsimovData(model, data, kind == TestStatisticKind.Q0 ? 1.0 : 0.0, _settings));
    }

    /// <summary>The Asimov data set: expected main and auxiliary data at the fit with the POI fixed to <paramref name="asimovMu"/>.</summary>
    public static ModelData AsimovData(HistFactoryModel model, ModelData data, double asimovMu, FitSettings? settings = null)
    {
        var fit = MaximumLikelihood.Fit(model.CreateEvaluator(), data, settings ?? FitSettings.Default, asimovMu);
        if (!fit.Converged)
        {
            throw new Core.NonConvergenceException($"the fit for the Asimov data set ({model.Config.PoiName} = {asimovMu}) did not converge: {fit.Message}");
        }
        return new ModelData(model, model.ExpectedData(fit.BestFit));
    }

    /// <summary>Tests POI value <paramref name="mu"/> (thread-safe; each call uses its own evaluator).</summary>
    public HypothesisTestResult Test(double mu)
    {
        // The observed and Asimov statistics are independent: compute them side by side.
        var asimovTask = Task.Run(() => TestStatistics.Compute(_kind, mu, _model.CreateEvaluator(), _asimov.Value, _settings).Value);
        double observed;
        try
        {
            observed = TestStatistics.Compute(_kind, mu, _model.CreateEvaluator(), _data, _settings).Value;
        }
        catch
        {
            // Report the observed fit's failure; the Asimov task's outcome no longer matters.
            asimovTask.ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw;
        }
        var asimov = asimovTask.GetAwaiter().GetResult();
        var sqrtQ = Math.Sqrt(observed);
        var sqrtQA = Math.Sqrt(asimov);
        double t;
        if (_kind == TestStatisticKind.QmuTilde && sqrtQ >= sqrtQA && sqrtQA > 0)
        {
            t = (observed - asimov) / (2 * sqrtQA);
        }
        else
        {
            t = sqrtQ - sqrtQA;
        }
        var (clsb, clb, cls) = PValues(t, sqrtQA);
        var expectedCls = new double[5];
        var expectedClsb = new double[5];
        var expectedClb = new double[5];
        for (var i = 0; i < 5; i++)
        {
            (expectedClsb[i], expectedClb[i], expectedCls[i]) = PValues(BandSigmas[i], sqrtQA);
        }
        if (_kind == TestStatisticKind.Q0)
        {
            // For discovery the tested hypothesis is mu = 0: the p-value of interest is p0 = CLs+b, reported as CLs (pyhf's convention).
            return new HypothesisTestResult(mu, observed, clsb, clb, clsb, expectedClsb, expectedClsb, expectedClb);
        }
        return new HypothesisTestResult(mu, observed, clsb, clb, cls, expectedCls, expectedClsb, expectedClb);
    }

    private static (double CLsb, double CLb, double CLs) PValues(double t, double sqrtQA)
    {
        var clsb = Normal.CDF(0, 1, -(t + sqrtQA));
        var clb = Normal.CDF(0, 1, -t);
        return (clsb, clb, clsb / clb);
    }
}
