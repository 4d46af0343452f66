namespace Neyman.Learning.Networks;

/// <summary>
/// Paired forward and backward kernels for element-wise activations over flat buffers.
/// The backward kernel takes the forward output, so no pre-activation copy is kept.
/// </summary>
public static class Activations
{
    /// <summary>Applies <paramref name="kind"/> to <paramref name="input"/>, writing <paramref name="output"/>.</summary>
    /// <param name="kind">The activation.</param>
    /// <param name="input">Pre-activations.</param>
    /// <param name="output">Activations, same length as the input (may alias it).</param>
    public static void Forward(ActivationKind kind, ReadOnlySpan<float> input, Span<float> output)
    {
        if (output.Length != input.Length)
        {
            throw new ArgumentException("expected output and input of the same length", nameof(output));
        }
        for (var i = 0; i < input.Length; i++)
        {
            var x = input[i];
            output[i] = kind switch
            {
                ActivationKind.Relu => x > 0f ? x : 0f,
                ActivationKind.Tanh => MathF.Tanh(x),
                ActivationKind.Sigmoid => 1f / (1f + MathF.Exp(-x)),
                _ => x,
            };
        }
    }

    /// <summary>
    /// Turns the gradient with respect to the activations into the gradient with respect to the
    /// pre-activations, in place, using the forward <paramref name="output"/>.
    /// </summary>
    /// <param name="kind">The activation.</param>
    /// <param name="output">Activations written by <see cref="Forward"/>.</param>
    /// <param name="gradient">dLoss/dOutput on entry, dLoss/dInput on return.</param>
    public static void Backward(ActivationKind kind, ReadOnlySpan<float> output, Span<float> gradient)
    {
        if (output.Length != gradient.Length)
        {
            throw new ArgumentException("expected gradient and output of the same length", nameof(gradient));
        }
        for (var i = 0; i < output.Length; i++)
        {
            var y = output[i];
            gradient[i] *= kind switch
            {
                ActivationKind.Relu => y > 0f ? 1f : 0f,
                ActivationKind.Tanh => 1f - y * y,
                ActivationKind.Sigmoid => y * (1f - y),
                _ => 1f,
            };
        }
    }
}
