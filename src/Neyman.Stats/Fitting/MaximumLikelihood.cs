using Neyman.Stats.Models;

namespace Neyman.Stats.Fitting;

/// <summary>Maximum-likelihood fits of a HistFactory model: free fits, fits with the POI fixed, and uncertainties.</summary>
public static class MaximumLikelihood
{
    /// <summary>Fits all free parameters to <paramref name="data"/>.</summary>
    public static FitResult Fit(HistFactoryModel model, ModelData data, FitSettings? settings = null) =>
        Fit(model.CreateEvaluator(), data, settings ?? FitSettings.Default, poiValue: null);

    /// <summary>Fits with the parameter of interest fixed at <paramref name="poiValue"/>.</summary>
    public static FitResult FixedPoiFit(HistFactoryModel model, ModelData data, double poiValue, FitSettings? settings = null) =>
        Fit(model.CreateEvaluator(), data, settings ?? FitSettings.Default, poiValue);

    /// <summary>Fits with the evaluator of the calling thread; fixes the POI when <paramref name="poiValue"/> is given.</summary>
    public static FitResult Fit(LikelihoodEvaluator evaluator, ModelData data, FitSettings settings, double? poiValue)
    {
        var config = evaluator.Model.Config;
        var init = (double[])(settings.Init ?? config.SuggestedInit).Clone();
        var isFixed = (bool[])(settings.Fixed ?? config.SuggestedFixed).Clone();
        if (poiValue is { } mu)
        {
            init[config.PoiIndex] = mu;
            isFixed[config.PoiIndex] = true;
        }
        var result = BoundedNewtonMinimizer.Minimize(
            (x, g) => evaluator.TwiceNll(x, data, g), init, settings.Lower ?? config.LowerBounds, settings.Upper ?? config.UpperBounds,
            isFixed, settings.Minimizer);
        return new FitResult(result.X, result.Value, result.Converged, result.Iterations, result.Message);
    }

    /// <summary>Adds uncertainties and correlations from the Hessian of twice the NLL (central differences of the analytic gradient).</summary>
    public static FitResult WithUncertainties(HistFactoryModel model, ModelData data, FitResult fit, bool[]? isFixed = null)
    {
        isFixed ??= model.Config.SuggestedFixed;
        var evaluator = model.CreateEvaluator();
        var n = fit.BestFit.Length;
        var free = Enumerable.Range(0, n).Where(i => !isFixed[i]).ToArray();
        var m = free.Length;
        var hessian = new double[m * m];
        var x = (double[])fit.BestFit.Clone();
        var plus = new double[n];
        var minus = new double[n];
        for (var b = 0; b < m; b++)
        {
            var j = free[b];
            var h = 1e-5 * Math.Max(1.0, Math.Abs(x[j]));
            var original = x[j];
            x[j] = original + h;
            evaluator.TwiceNll(x, data, plus);
            x[j] = original - h;
            evaluator.TwiceNll(x, data, minus);
            x[j] = original;
            for (var a = 0; a < m; a++)
            {
                hessian[a * m + b] = (plus[free[a]] - minus[free[a]]) / (2 * h);
            }
        }
        for (var a = 0; a < m; a++)
        {
            for (var b = 0; b < a; b++)
            {
                var s = 0.5 * (hessian[a * m + b] + hessian[b * m + a]);
                hessian[a * m + b] = s;
                hessian[b * m + a] = s;
            }
        }
        var inverse = DenseCholesky.Invert(hessian, m);
        var errors = new double[n];
        var correlations = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            correlations[i * n + i] = 1;
        }
        if (inverse is null)
        {
            Array.Fill(errors, double.NaN);
            return fit with { Uncertainties = errors, Correlations = correlations, CovarianceValid = false };
        }
        // The covariance is the inverse Hessian of the NLL, i.e. twice the inverse Hessian of twice the NLL.
        for (var a = 0; a < m; a++)
        {
            errors[free[a]] = Math.Sqrt(2 * inverse[a * m + a]);
        }
        for (var a = 0; a < m; a++)
        {
            for (var b = 0; b < m; b++)
            {
                correlations[free[a] * n + free[b]] = inverse[a * m + b] / Math.Sqrt(inverse[a * m + a] * inverse[b * m + b]);
            }
        }
        return fit with { Uncertainties = errors, Correlations = correlations };
    }
}
