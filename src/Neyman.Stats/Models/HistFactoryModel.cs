using Neyman.Core;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Models;

/// <summary>
/// A HistFactory probability model compiled from a workspace: the main model (Poisson counts in every bin of every
/// channel) times the constraint model (Gaussian or Poisson auxiliary measurements). Immutable and thread-safe;
/// evaluation goes through <see cref="LikelihoodEvaluator"/>s, one per thread.
/// </summary>
public sealed class HistFactoryModel
{
    internal HistFactoryModel(ModelConfig config, CompiledSample[] samples, double[] observedData)
    {
        Config = config;
        Samples = samples;
        ObservedData = observedData;
        var scratch = 0;
        var histoScratch = 0;
        foreach (var s in samples)
        {
            s.ScratchStart = scratch;
            s.HistoScratchStart = histoScratch;
            scratch += s.Nominal.Length;
            histoScratch += s.Nominal.Length * s.HistoSys.Length;
        }
        ScratchSize = scratch;
        HistoScratchSize = histoScratch;
        var constrained = config.ParameterSets.Where(s => s.Constraint != ConstraintKind.None).ToList();
        var count = constrained.Sum(s => s.Count);
        ConstraintParameter = new int[count];
        ConstraintIsPoisson = new bool[count];
        ConstraintScale = new double[count];
        var k = 0;
        foreach (var set in constrained)
        {
            for (var i = 0; i < set.Count; i++, k++)
            {
                ConstraintParameter[k] = set.Offset + i;
                ConstraintIsPoisson[k] = set.Constraint == ConstraintKind.Poisson;
                ConstraintScale[k] = ConstraintIsPoisson[k] ? set.Factors[i] : set.Sigmas[i];
            }
        }
    }

    /// <summary>The layout: channels, parameters, suggested starting point and bounds.</summary>
    public ModelConfig Config { get; }

    /// <summary>The observed data from the workspace: main data (channels sorted) followed by the auxiliary data.</summary>
    public double[] ObservedData { get; }

    internal CompiledSample[] Samples { get; }
    internal int ScratchSize { get; }
    internal int HistoScratchSize { get; }
    internal int[] ConstraintParameter { get; }
    internal bool[] ConstraintIsPoisson { get; }

    /// <summary>Gaussian sigma or Poisson tau of each auxiliary measurement.</summary>
    internal double[] ConstraintScale { get; }

    /// <summary>Builds the model of a measurement (the first one when <paramref name="measurement"/> is null).</summary>
    /// <exception cref="InputException">The measurement is unknown or its parameter settings do not fit the model.</exception>
    public static HistFactoryModel Build(Workspace workspace, string? measurement = null, ModelOptions? options = null) =>
        ModelBuilder.Build(workspace, workspace.Measurement(measurement), options ?? ModelOptions.Default);

    /// <summary>Creates an evaluator (holds scratch buffers; use one per thread).</summary>
    public LikelihoodEvaluator CreateEvaluator() => new(this);

    /// <summary>The expected main data and auxiliary data at <paramref name="parameters"/>.</summary>
    public double[] ExpectedData(ReadOnlySpan<double> parameters)
    {
        var result = new double[Config.MainBinCount + ConstraintParameter.Length];
        CreateEvaluator().ExpectedMainData(parameters, result.AsSpan(0, Config.MainBinCount));
        for (var k = 0; k < ConstraintParameter.Length; k++)
        {
            var theta = parameters[ConstraintParameter[k]];
            result[Config.MainBinCount + k] = ConstraintIsPoisson[k] ? theta * ConstraintScale[k] : theta;
        }
        return result;
    }

    /// <summary>Twice the negative log-likelihood of <paramref name="data"/> (main then auxiliary) at <paramref name="parameters"/>.</summary>
    public double TwiceNll(ReadOnlySpan<double> parameters, double[] data) =>
        CreateEvaluator().TwiceNll(parameters, new ModelData(this, data), []);
}
