using Neyman.Stats.Models;

namespace Neyman.Stats.Fitting;

/// <summary>
/// Pulls of constrained parameters: (theta-hat - aux) / sigma for Gaussian constraints and (theta-hat - 1) /
/// (1/sqrt(tau)) for Poisson (shapesys) constraints, each with its uncertainty (fit uncertainty / constraint width).
/// Free parameters have no pull (NaN with <see cref="HasPull"/> false).
/// </summary>
public sealed class Pulls
{
    private Pulls(double[] values, double[] errors, bool[] hasPull)
    {
        Values = values;
        Errors = errors;
        HasPull = hasPull;
    }

    /// <summary>Pull of every parameter (NaN where <see cref="HasPull"/> is false).</summary>
    public double[] Values { get; }

    /// <summary>Uncertainty of every pull (NaN where there is no pull or no uncertainty).</summary>
    public double[] Errors { get; }

    /// <summary>Whether a parameter is constrained and so has a pull.</summary>
    public bool[] HasPull { get; }

    /// <summary>The pulls of <paramref name="fit"/> (uncertainties need <see cref="MaximumLikelihood.WithUncertainties"/>).</summary>
    public static Pulls Compute(HistFactoryModel model, FitResult fit)
    {
        var n = model.Config.ParameterCount;
        var values = Enumerable.Repeat(double.NaN, n).ToArray();
        var errors = Enumerable.Repeat(double.NaN, n).ToArray();
        var hasPull = new bool[n];
        foreach (var set in model.Config.ParameterSets)
        {
            for (var i = 0; i < set.Count; i++)
            {
                var p = set.Offset + i;
                double centre, width;
                switch (set.Constraint)
                {
                    case ConstraintKind.Normal:
                        centre = set.Auxdata[i];
                        width = set.Sigmas[i];
                        break;
                    case ConstraintKind.Poisson:
                        centre = 1.0;
                        width = 1.0 / Math.Sqrt(set.Factors[i]);
                        break;
                    default:
                        continue;
                }
                hasPull[p] = true;
                values[p] = (fit.BestFit[p] - centre) / width;
                if (fit.Uncertainties.Length == n)
                {
                    errors[p] = fit.Uncertainties[p] / width;
                }
            }
        }
        return new Pulls(values, errors, hasPull);
    }
}
