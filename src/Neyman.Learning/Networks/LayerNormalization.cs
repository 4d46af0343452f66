namespace Neyman.Learning.Networks;

/// <summary>
/// Paired forward and backward kernels of layer normalization (Ba, Kiros and Hinton 2016) over row-major
/// rows × width buffers: each row is centred and scaled to unit variance, <c>x̂ = (z − μ)/√(σ² + ε)</c>, then
/// <c>y = γ·x̂ + β</c> with one γ and β per column. Row statistics are summed in double in a fixed order.
/// </summary>
public static class LayerNormalization
{
    /// <summary>The variance guard ε (as in ONNX's LayerNormalization default).</summary>
    public const float Epsilon = 1e-5f;

    /// <summary>Normalizes <paramref name="values"/> in place, keeping x̂ and 1/√(σ² + ε) for the backward pass.</summary>
    /// <param name="values">z on entry, y on return (rows × width).</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="width">Row length.</param>
    /// <param name="gamma">Scale per column.</param>
    /// <param name="beta">Shift per column.</param>
    /// <param name="normalized">Receives x̂ (rows × width).</param>
    /// <param name="inverseDeviation">Receives 1/√(σ² + ε) per row.</param>
    public static void Forward(Span<float> values, int rows, int width, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> normalized, Span<float> inverseDeviation)
    {
        for (var r = 0; r < rows; r++)
        {
            var row = values.Slice(r * width, width);
            double sum = 0;
            foreach (var v in row)
            {
                sum += v;
            }
            var mean = sum / width;
            double squares = 0;
            foreach (var v in row)
            {
                squares += (v - mean) * (v - mean);
            }
            var inverse = (float)(1 / Math.Sqrt(squares / width + Epsilon));
            inverseDeviation[r] = inverse;
            var hat = normalized.Slice(r * width, width);
            for (var c = 0; c < width; c++)
            {
                hat[c] = (float)(row[c] - mean) * inverse;
                row[c] = MathF.FusedMultiplyAdd(gamma[c], hat[c], beta[c]);
            }
        }
    }

    /// <summary>
    /// Turns dLoss/dy into dLoss/dz in place and adds dLoss/dγ and dLoss/dβ:
    /// <c>dz = (1/σ̂)·(g·γ − mean(g·γ) − x̂·mean(g·γ·x̂))</c>.
    /// </summary>
    public static void Backward(Span<float> gradient, int rows, int width, ReadOnlySpan<float> gamma, ReadOnlySpan<float> normalized, ReadOnlySpan<float> inverseDeviation, Span<float> gammaGradient, Span<float> betaGradient)
    {
        for (var r = 0; r < rows; r++)
        {
            var g = gradient.Slice(r * width, width);
            var hat = normalized.Slice(r * width, width);
            double meanScaled = 0, meanProjection = 0;
            for (var c = 0; c < width; c++)
            {
                gammaGradient[c] += g[c] * hat[c];
                betaGradient[c] += g[c];
                var scaled = g[c] * gamma[c];
                meanScaled += scaled;
                meanProjection += scaled * hat[c];
            }
            var a = (float)(meanScaled / width);
            var b = (float)(meanProjection / width);
            var inverse = inverseDeviation[r];
            for (var c = 0; c < width; c++)
            {
                g[c] = inverse * (g[c] * gamma[c] - a - hat[c] * b);
            }
        }
    }
}
