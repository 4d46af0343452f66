using System.Runtime.CompilerServices;
namespace Neyman.Stats.Models;

/// <summary>
/// Evaluates a model's expected data, twice its negative log-likelihood and the analytic gradient in one pass over
/// flat arrays, without allocating. Holds scratch buffers: use one evaluator per thread.
/// </summary>
/// <remarks>
/// Per sample and bin the yield is (nominal + sum of histosys changes) x (product of scalar factors) x (product of
/// per-bin factors), summed over samples. The likelihood is prod_b Poisson(n_b | lambda_b) with the continuous
/// Poisson (log-factorial via log-gamma) times the constraint terms.
/// </remarks>
public sealed class LikelihoodEvaluator
{
    private readonly HistFactoryModel _model;
    private readonly double[] _lambda;
    private readonly double[] _additive;
    private readonly double[] _binProduct;
    private readonly double[] _histoDerivative;
    private readonly double[] _scalarValue;
    private readonly double[] _scalarDerivative;
    private readonly double[] _prefix;
    private readonly double[] _sampleScale;

    internal LikelihoodEvaluator(HistFactoryModel model)
    {
        _model = model;
        _lambda = new double[model.Config.MainBinCount];
        _additive = new double[model.ScratchSize];
        _binProduct = new double[model.ScratchSize];
        _histoDerivative = new double[model.HistoScratchSize];
        var maxScalars = model.Samples.Length == 0 ? 0 : model.Samples.Max(s => s.Scalars.Length);
        _scalarValue = new double[maxScalars * model.Samples.Length];
        _scalarDerivative = new double[maxScalars * model.Samples.Length];
        _prefix = new double[maxScalars + 1];
        _sampleScale = new double[model.Samples.Length];
        MaxScalars = maxScalars;
    }

    private int MaxScalars { get; }

    /// <summary>The model this evaluator belongs to.</summary>
    public HistFactoryModel Model => _model;

    /// <summary>Writes the expected main data at <paramref name="parameters"/> into <paramref name="expected"/>.</summary>
    public void ExpectedMainData(ReadOnlySpan<double> parameters, Span<double> expected)
    {
        Forward(parameters);
        _lambda.CopyTo(expected);
    }

    /// <summary>
    /// Twice the negative log-likelihood of <paramref name="data"/> at <paramref name="parameters"/>; when
    /// <paramref name="gradient"/> is not empty it receives the derivative with respect to every parameter.
    /// Returns +infinity where an expected count is not positive but data were observed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double TwiceNll(ReadOnlySpan<double> parameters, ModelData data, Span<double> gradient)
    {
        Forward(parameters);
        var values = data.Values;
        var nll = data.Constant;
        var mainBins = _lambda.Length;
        for (var b = 0; b < mainBins; b++)
        {
            var n = values[b];
            var lambda = _lambda[b];
            if (n > 0)
            {
                if (!(lambda > 0))
                {
                    return double.PositiveInfinity;
                }
                nll += lambda - n * Math.Log(lambda);
            }
            else
            {
                nll += lambda;
            }
        }
        var constraintParameter = _model.ConstraintParameter;
        var isPoisson = _model.ConstraintIsPoisson;
        var scale = _model.ConstraintScale;
        for (var k = 0; k < constraintParameter.Length; k++)
        {
            var theta = parameters[constraintParameter[k]];
            var aux = values[mainBins + k];
            if (isPoisson[k])
            {
                var rate = theta * scale[k];
                if (!(rate > 0))
                {
                    return double.PositiveInfinity;
                }
                nll += rate - aux * Math.Log(rate);
            }
            else
            {
                var z = (aux - theta) / scale[k];
                nll += 0.5 * z * z;
            }
        }
        if (!gradient.IsEmpty)
        {
            Backward(parameters, values, gradient);
        }
        return 2 * nll;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Forward(ReadOnlySpan<double> parameters)
    {
        Array.Clear(_lambda);
        var samples = _model.Samples;
        for (var si = 0; si < samples.Length; si++)
        {
            var sample = samples[si];
            var scale = 1.0;
            var scalarBase = si * MaxScalars;
            for (var k = 0; k < sample.Scalars.Length; k++)
            {
                var f = sample.Scalars[k].Evaluate(parameters[sample.Scalars[k].Parameter], out var d);
                _scalarValue[scalarBase + k] = f;
                _scalarDerivative[scalarBase + k] = d;
                scale *= f;
            }
            _sampleScale[si] = scale;
            var nominal = sample.Nominal;
            var bins = nominal.Length;
            for (var b = 0; b < bins; b++)
            {
                var a = nominal[b];
                for (var h = 0; h < sample.HistoSys.Length; h++)
                {
                    var term = sample.HistoSys[h];
                    var v = Interpolation.Interpolator.Value(term.Code, parameters[term.Parameter], term.Low[b], nominal[b], term.High[b], out var d);
                    a += v - nominal[b];
                    _histoDerivative[sample.HistoScratchStart + h * bins + b] = d;
                }
                var product = 1.0;
                foreach (var offset in sample.BinFactorOffsets)
                {
                    product *= parameters[offset + b];
                }
                _additive[sample.ScratchStart + b] = a;
                _binProduct[sample.ScratchStart + b] = product;
                _lambda[sample.BinStart + b] += a * scale * product;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backward(ReadOnlySpan<double> parameters, double[] values, Span<double> gradient)
    {
        gradient.Clear();
        var samples = _model.Samples;
        for (var si = 0; si < samples.Length; si++)
        {
            var sample = samples[si];
            var scale = _sampleScale[si];
            var bins = sample.Nominal.Length;
            var weightedSum = 0.0;
            for (var b = 0; b < bins; b++)
            {
                var g = sample.BinStart + b;
                var n = values[g];
                var w = n > 0 ? 2 * (1 - n / _lambda[g]) : 2.0;
                var a = _additive[sample.ScratchStart + b];
                var product = _binProduct[sample.ScratchStart + b];
                weightedSum += w * a * product;
                for (var h = 0; h < sample.HistoSys.Length; h++)
                {
                    gradient[sample.HistoSys[h].Parameter] += w * scale * product * _histoDerivative[sample.HistoScratchStart + h * bins + b];
                }
                var offsets = sample.BinFactorOffsets;
                for (var j = 0; j < offsets.Length; j++)
                {
                    var others = 1.0;
                    for (var i = 0; i < offsets.Length; i++)
                    {
                        if (i != j)
                        {
                            others *= parameters[offsets[i] + b];
                        }
                    }
                    gradient[offsets[j] + b] += w * a * scale * others;
                }
            }
            var scalars = sample.Scalars;
            if (scalars.Length > 0)
            {
                var scalarBase = si * MaxScalars;
                _prefix[0] = 1.0;
                for (var k = 0; k < scalars.Length; k++)
                {
                    _prefix[k + 1] = _prefix[k] * _scalarValue[scalarBase + k];
                }
                var suffix = 1.0;
                for (var k = scalars.Length - 1; k >= 0; k--)
                {
                    gradient[scalars[k].Parameter] += weightedSum * _prefix[k] * suffix * _scalarDerivative[scalarBase + k];
                    suffix *= _scalarValue[scalarBase + k];
                }
            }
        }
        var mainBins = _lambda.Length;
        var constraintParameter = _model.ConstraintParameter;
        var isPoisson = _model.ConstraintIsPoisson;
        var tau = _model.ConstraintScale;
        for (var k = 0; k < constraintParameter.Length; k++)
        {
            var p = constraintParameter[k];
            var aux = values[mainBins + k];
            gradient[p] += isPoisson[k]
                ? 2 * (tau[k] - aux / parameters[p])
                : 2 * (parameters[p] - aux) / (tau[k] * tau[k]);
        }
    }
}
