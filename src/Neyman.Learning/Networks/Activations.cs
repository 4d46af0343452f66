using System.Numerics;
using System.Numerics.Tensors;
using Neyman.Core.Kernels;

namespace Neyman.Learning.Networks;

/// <summary>
/// Paired forward and backward kernels for element-wise activations over flat buffers. The backward kernel
/// takes both the pre-activation and the forward output, so each derivative uses the cheaper of the two
/// (tanh and sigmoid from the output, GELU and SiLU from the input).
/// </summary>
public static class Activations
{
    private const float GeluScale = 0.7978845608028654f; // sqrt(2 / pi)
    private const float GeluCubic = 0.044715f;

    /// <summary>Applies <paramref name="kind"/> to <paramref name="input"/>, writing <paramref name="output"/>.</summary>
    /// <param name="kind">The activation.</param>
    /// <param name="input">Pre-activations.</param>
    /// <param name="output">Activations, same length as the input (may alias it for every kind but GELU and SiLU).</param>
    public static void Forward(ActivationKind kind, ReadOnlySpan<float> input, Span<float> output)
    {
        if (output.Length != input.Length)
        {
            throw new ArgumentException("expected output and input of the same length", nameof(output));
        }
        switch (kind)
        {
            case ActivationKind.Identity:
                input.CopyTo(output);
                break;
            case ActivationKind.Relu:
                TensorPrimitives.Max(input, 0f, output);
                break;
            case ActivationKind.Tanh:
                VectorMath.Tanh(input, output);
                break;
            case ActivationKind.Sigmoid:
                VectorMath.Sigmoid(input, output);
                break;
            default:
                for (var i = 0; i < input.Length; i++)
                {
                    output[i] = Value(kind, input[i]);
                }
                break;
        }
    }

    /// <summary>
    /// Turns the gradient with respect to the activations into the gradient with respect to the
    /// pre-activations, in place.
    /// </summary>
    /// <param name="kind">The activation.</param>
    /// <param name="input">Pre-activations given to <see cref="Forward"/>.</param>
    /// <param name="output">Activations written by <see cref="Forward"/>.</param>
    /// <param name="gradient">dLoss/dOutput on entry, dLoss/dInput on return.</param>
    public static void Backward(ActivationKind kind, ReadOnlySpan<float> input, ReadOnlySpan<float> output, Span<float> gradient)
    {
        if (output.Length != gradient.Length || input.Length != gradient.Length)
        {
            throw new ArgumentException("expected gradient, input and output of the same length", nameof(gradient));
        }
        switch (kind)
        {
            case ActivationKind.Identity:
                return;
            case ActivationKind.Tanh:
                TanhBackward(output, gradient);
                return;
            case ActivationKind.Relu:
                ReluBackward(input, gradient);
                return;
            default:
                for (var i = 0; i < gradient.Length; i++)
                {
                    gradient[i] *= Derivative(kind, input[i], output[i]);
                }
                return;
        }
    }

    /// <summary>The activation of one value (the scalar definition the vector kernels must match).</summary>
    public static float Value(ActivationKind kind, float x) => kind switch
    {
        ActivationKind.Relu => x > 0f ? x : 0f,
        ActivationKind.Tanh => VectorMath.Tanh(x),
        ActivationKind.Sigmoid => MathF.FusedMultiplyAdd(0.5f, VectorMath.Tanh(0.5f * x), 0.5f),
        ActivationKind.Elu => x > 0f ? x : MathF.Exp(x) - 1f,
        ActivationKind.Gelu => 0.5f * x * (1f + MathF.Tanh(GeluScale * (x + GeluCubic * x * x * x))),
        ActivationKind.Silu => x * Sigmoid(x),
        _ => x,
    };

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    private static float Derivative(ActivationKind kind, float x, float y)
    {
        switch (kind)
        {
            case ActivationKind.Relu:
                return x > 0f ? 1f : 0f;
            case ActivationKind.Tanh:
                return 1f - y * y;
            case ActivationKind.Sigmoid:
                return y * (1f - y);
            case ActivationKind.Elu:
                return x > 0f ? 1f : y + 1f;
            case ActivationKind.Gelu:
                {
                    var t = MathF.Tanh(GeluScale * (x + GeluCubic * x * x * x));
                    return 0.5f * (1f + t) + 0.5f * x * (1f - t * t) * GeluScale * (1f + 3f * GeluCubic * x * x);
                }
            case ActivationKind.Silu:
                {
                    var s = Sigmoid(x);
                    return s * (1f + x * (1f - s));
                }
            default:
                return 1f;
        }
    }

    private static void ReluBackward(ReadOnlySpan<float> input, Span<float> gradient)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= gradient.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var keep = Vector.GreaterThan(new Vector<float>(input[i..]), Vector<float>.Zero);
                Vector.ConditionalSelect(keep, new Vector<float>(gradient[i..]), Vector<float>.Zero).CopyTo(gradient[i..]);
            }
        }
        for (; i < gradient.Length; i++)
        {
            gradient[i] = input[i] > 0f ? gradient[i] : 0f;
        }
    }

    private static void TanhBackward(ReadOnlySpan<float> output, Span<float> gradient)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<float>.One;
            for (; i <= gradient.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var y = new Vector<float>(output[i..]);
                (new Vector<float>(gradient[i..]) * (one - y * y)).CopyTo(gradient[i..]);
            }
        }
        for (; i < gradient.Length; i++)
        {
            gradient[i] *= 1f - output[i] * output[i];
        }
    }
}
