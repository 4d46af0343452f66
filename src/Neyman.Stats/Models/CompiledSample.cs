using Neyman.Stats.Interpolation;

namespace Neyman.Stats.Models;

/// <summary>A sample flattened for evaluation: nominal yields and the parameters acting on it.</summary>
internal sealed class CompiledSample
{
    public required int BinStart { get; init; }
    public required double[] Nominal { get; init; }
    public required ScalarFactor[] Scalars { get; init; }
    public required HistoSysTerm[] HistoSys { get; init; }

    /// <summary>Offsets of per-bin parameter sets (shapefactor, shapesys, staterror): bin b uses offset + b.</summary>
    public required int[] BinFactorOffsets { get; init; }

    /// <summary>Where this sample's per-bin scratch starts in the evaluator's buffers.</summary>
    public int ScratchStart { get; set; }

    /// <summary>Where this sample's histosys derivative scratch starts.</summary>
    public int HistoScratchStart { get; set; }
}

/// <summary>A factor common to all bins of a sample: a free or lumi parameter (direct) or a normsys.</summary>
internal sealed class ScalarFactor
{
    public required int Parameter { get; init; }
    public bool IsNormSys { get; init; }
    public double Low { get; init; } = 1;
    public double High { get; init; } = 1;
    public InterpolationCode Code { get; init; }
    public double[] Coefficients { get; init; } = [];

    public double Evaluate(double alpha, out double derivative)
    {
        if (!IsNormSys)
        {
            derivative = 1;
            return alpha;
        }
        return Code == InterpolationCode.Code4
            ? Code4.Factor(alpha, Low, High, Coefficients, out derivative)
            : Interpolator.Value(Code, alpha, Low, 1.0, High, out derivative);
    }
}

/// <summary>A histosys acting on a sample: additive change of each bin's yield.</summary>
internal sealed class HistoSysTerm
{
    public required int Parameter { get; init; }
    public required double[] Low { get; init; }
    public required double[] High { get; init; }
    public required InterpolationCode Code { get; init; }
}
