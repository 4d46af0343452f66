namespace Neyman.Learning.Networks;

/// <summary>
/// One fully connected layer, <c>y = act(x·W + b)</c>, as a view into the network's single parameter buffer:
/// W is stored row-major inputs × outputs at <see cref="WeightOffset"/>, b at <see cref="BiasOffset"/>.
/// </summary>
/// <param name="Inputs">Width of the layer input.</param>
/// <param name="Outputs">Width of the layer output.</param>
/// <param name="Activation">The non-linearity applied after the affine map.</param>
/// <param name="WeightOffset">Index of W[0, 0] in the parameter buffer.</param>
/// <param name="BiasOffset">Index of b[0] in the parameter buffer.</param>
/// <param name="NormalizationOffset">
/// Index of the layer-normalization scale γ (followed by the shift β) applied between the affine map and the
/// activation, or −1 when the layer is not normalized.
/// </param>
public readonly record struct DenseLayer(int Inputs, int Outputs, ActivationKind Activation, int WeightOffset, int BiasOffset, int NormalizationOffset = -1)
{
    /// <summary>Whether layer normalization follows the affine map.</summary>
    public bool IsNormalized => NormalizationOffset >= 0;

    /// <summary>Number of parameters of the layer (weights, biases and, when normalized, γ and β).</summary>
    public int ParameterCount => Inputs * Outputs + Outputs + (IsNormalized ? 2 * Outputs : 0);
}
