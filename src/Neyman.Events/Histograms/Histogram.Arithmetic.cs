namespace Neyman.Events.Histograms;

/// <summary>
/// Arithmetic, bin by bin over all bins including flow. Variances of two histograms are combined as if the
/// histograms were uncorrelated: for a + b and a - b, var = var_a + var_b; for a * b,
/// var = b^2 var_a + a^2 var_b; for a / b, var = (b^2 var_a + a^2 var_b) / b^4, and where b = 0 the
/// quotient and its variance are set to 0 (as ROOT's TH1::Divide does).
/// </summary>
public sealed partial class Histogram
{
    /// <summary>Adds <paramref name="other"/> (same axes) into this histogram.</summary>
    public void Add(Histogram other)
    {
        CheckSameAxes(other, "add");
        for (var i = 0; i < sumOfWeights.Length; i++)
        {
            sumOfWeights[i] += other.sumOfWeights[i];
            sumOfWeightsSquared[i] += other.sumOfWeightsSquared[i];
        }
    }

    /// <summary>Subtracts <paramref name="other"/> (same axes) from this histogram; variances add.</summary>
    public void Subtract(Histogram other)
    {
        CheckSameAxes(other, "subtract");
        for (var i = 0; i < sumOfWeights.Length; i++)
        {
            sumOfWeights[i] -= other.sumOfWeights[i];
            sumOfWeightsSquared[i] += other.sumOfWeightsSquared[i];
        }
    }

    /// <summary>Multiplies every bin by <paramref name="factor"/>; variances by its square, as weights scaled by it would give.</summary>
    public void Scale(double factor)
    {
        var factor2 = factor * factor;
        for (var i = 0; i < sumOfWeights.Length; i++)
        {
            sumOfWeights[i] *= factor;
            sumOfWeightsSquared[i] *= factor2;
        }
    }

    /// <summary>Multiplies bin by bin by <paramref name="other"/> (same axes), errors propagated as uncorrelated.</summary>
    public void Multiply(Histogram other)
    {
        CheckSameAxes(other, "multiply");
        for (var i = 0; i < sumOfWeights.Length; i++)
        {
            var a = sumOfWeights[i];
            var b = other.sumOfWeights[i];
            sumOfWeightsSquared[i] = b * b * sumOfWeightsSquared[i] + a * a * other.sumOfWeightsSquared[i];
            sumOfWeights[i] = a * b;
        }
    }

    /// <summary>Divides bin by bin by <paramref name="other"/> (same axes), errors propagated as uncorrelated; 0 where it is 0.</summary>
    public void Divide(Histogram other)
    {
        CheckSameAxes(other, "divide");
        for (var i = 0; i < sumOfWeights.Length; i++)
        {
            var a = sumOfWeights[i];
            var b = other.sumOfWeights[i];
            if (b == 0)
            {
                sumOfWeights[i] = 0;
                sumOfWeightsSquared[i] = 0;
                continue;
            }
            var b2 = b * b;
            sumOfWeightsSquared[i] = (b2 * sumOfWeightsSquared[i] + a * a * other.sumOfWeightsSquared[i]) / (b2 * b2);
            sumOfWeights[i] = a / b;
        }
    }

    /// <summary>
    /// The sum of partial histograms (for example filled in parallel, one per block), added in the order given,
    /// so that the result does not depend on which thread finished first. All must have the same axes.
    /// </summary>
    public static Histogram Merge(IEnumerable<Histogram> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Histogram? total = null;
        var index = 0;
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            if (total is null)
            {
                total = part.Clone();
            }
            else
            {
                if (!total.HasSameAxes(part))
                {
                    throw new ArgumentException(
                        $"cannot merge: part {index} has axes [{Describe(part.axes)}], part 0 has [{Describe(total.axes)}]",
                        nameof(parts));
                }
                total.Add(part);
            }
            index++;
        }
        return total ?? throw new ArgumentException("cannot merge an empty list of histograms", nameof(parts));
    }
}
