using System.Numerics;

namespace Neyman.Learning.Networks;

/// <summary>
/// Applies one update rule to a flat parameter buffer, keeping its state (velocity, or Adam's first and second
/// moments) in buffers of the same layout. Every element is updated independently, so the result does not
/// depend on how the work is split.
/// </summary>
public sealed class NetworkOptimizer
{
    private readonly float[] _first;
    private readonly float[]? _second;
    private long _steps;

    /// <summary>Creates the state for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="kind">The update rule.</param>
    /// <param name="parameterCount">Length of the parameter buffer.</param>
    /// <param name="beta1">Adam's first-moment decay.</param>
    /// <param name="beta2">Adam's second-moment decay.</param>
    /// <param name="epsilon">Adam's denominator guard.</param>
    /// <param name="weightDecay">AdamW's decoupled weight decay λ.</param>
    public NetworkOptimizer(OptimizerKind kind, int parameterCount, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0)
    {
        Kind = kind;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        _first = new float[parameterCount];
        _second = kind is OptimizerKind.Adam or OptimizerKind.AdamW ? new float[parameterCount] : null;
    }

    /// <summary>The update rule.</summary>
    public OptimizerKind Kind { get; }

    /// <summary>Adam's first-moment decay.</summary>
    public double Beta1 { get; }

    /// <summary>Adam's second-moment decay.</summary>
    public double Beta2 { get; }

    /// <summary>Adam's denominator guard.</summary>
    public double Epsilon { get; }

    /// <summary>AdamW's decoupled weight decay.</summary>
    public double WeightDecay { get; }

    /// <summary>Updates <paramref name="parameters"/> in place from <paramref name="gradients"/>.</summary>
    /// <param name="parameters">The parameters θ.</param>
    /// <param name="gradients">dLoss/dθ, same length.</param>
    /// <param name="learningRate">The step size η of this step.</param>
    /// <param name="momentum">The momentum μ of this step (SGD and Nesterov).</param>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, double learningRate, double momentum)
    {
        if (parameters.Length != _first.Length || gradients.Length != _first.Length)
        {
            throw new ArgumentException("expected parameters and gradients of the optimizer's length", nameof(parameters));
        }
        _steps++;
        var rate = (float)learningRate;
        var mu = (float)momentum;
        switch (Kind)
        {
            case OptimizerKind.Sgd:
            case OptimizerKind.Nesterov:
                StepMomentum(parameters, gradients, rate, mu, Kind == OptimizerKind.Nesterov);
                break;
            default:
                StepAdam(parameters, gradients, learningRate);
                break;
        }
    }

    private void StepMomentum(Span<float> parameters, ReadOnlySpan<float> gradients, float rate, float mu, bool nesterov)
    {
        var velocity = _first.AsSpan();
        var i = 0;
        var width = Vector<float>.Count;
        var vRate = new Vector<float>(rate);
        var vMu = new Vector<float>(mu);
        for (; i <= parameters.Length - width; i += width)
        {
            var g = new Vector<float>(gradients[i..]);
            var v = vMu * new Vector<float>(velocity[i..]) - vRate * g;
            v.CopyTo(velocity[i..]);
            var delta = nesterov ? vMu * v - vRate * g : v;
            (new Vector<float>(parameters[i..]) + delta).CopyTo(parameters[i..]);
        }
        for (; i < parameters.Length; i++)
        {
            var v = mu * velocity[i] - rate * gradients[i];
            velocity[i] = v;
            parameters[i] += nesterov ? mu * v - rate * gradients[i] : v;
        }
    }

    private void StepAdam(Span<float> parameters, ReadOnlySpan<float> gradients, double learningRate)
    {
        var m = _first;
        var v = _second!;
        var b1 = (float)Beta1;
        var b2 = (float)Beta2;
        var correction1 = 1 - Math.Pow(Beta1, _steps);
        var correction2 = 1 - Math.Pow(Beta2, _steps);
        // Fold both bias corrections into the step size and epsilon (as in the Adam paper's efficient form).
        var stepSize = (float)(learningRate * Math.Sqrt(correction2) / correction1);
        var epsilon = (float)(Epsilon * Math.Sqrt(correction2));
        var decay = Kind == OptimizerKind.AdamW ? (float)(learningRate * WeightDecay) : 0f;
        for (var i = 0; i < parameters.Length; i++)
        {
            var g = gradients[i];
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            parameters[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) + epsilon) + decay * parameters[i];
        }
    }
}
