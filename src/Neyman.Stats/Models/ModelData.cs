using Neyman.Core;
using MathNet.Numerics;

namespace Neyman.Stats.Models;

/// <summary>
/// A data set for a model (main counts then auxiliary data) with its data-only terms (the log-factorials of the
/// continuous Poisson terms) computed once.
/// </summary>
public sealed class ModelData
{
    /// <summary>Wraps <paramref name="values"/> (main data then auxiliary data) for <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">The length does not match the model.</exception>
    public ModelData(HistFactoryModel model, double[] values)
    {
        var expected = model.Config.MainBinCount + model.ConstraintParameter.Length;
        Preconditions.CheckArgument(values.Length == expected, $"data has {values.Length} values; the model expects {expected}");
        Values = values;
        var constant = 0.0;
        for (var b = 0; b < model.Config.MainBinCount; b++)
        {
            constant += SpecialFunctions.GammaLn(values[b] + 1);
        }
        for (var k = 0; k < model.ConstraintParameter.Length; k++)
        {
            var aux = values[model.Config.MainBinCount + k];
            constant += model.ConstraintIsPoisson[k]
                ? SpecialFunctions.GammaLn(aux + 1)
                : 0.5 * Math.Log(2 * Math.PI) + Math.Log(model.ConstraintScale[k]);
        }
        Constant = constant;
    }

    /// <summary>Main counts followed by auxiliary data.</summary>
    public double[] Values { get; }

    /// <summary>The parameter-independent part of the negative log-likelihood.</summary>
    public double Constant { get; }
}
