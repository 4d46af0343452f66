using Neyman.Learning.Networks;

namespace Neyman.Learning.Tests.Networks;

public class ActivationsTests
{
    [Theory]
    [InlineData(ActivationKind.Identity)]
    [InlineData(ActivationKind.Relu)]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.Sigmoid)]
    [InlineData(ActivationKind.Elu)]
    [InlineData(ActivationKind.Gelu)]
    [InlineData(ActivationKind.Silu)]
    public void Backward_matches_central_finite_differences(ActivationKind kind)
    {
        float[] inputs = [-2.3f, -0.7f, -0.05f, 0.3f, 1.1f, 2.9f, -7f, 5f, 0.8f, -1.6f, 0.02f, 3.3f, -0.4f, 1.7f, -3.1f, 0.6f, 2.2f];
        var outputs = new float[inputs.Length];
        Activations.Forward(kind, inputs, outputs);
        var gradient = new float[inputs.Length];
        Array.Fill(gradient, 1f);
        Activations.Backward(kind, inputs, outputs, gradient);
        const double step = 1e-3;
        for (var i = 0; i < inputs.Length; i++)
        {
            var numeric = (Activations.Value(kind, (float)(inputs[i] + step)) - (double)Activations.Value(kind, (float)(inputs[i] - step))) / (2 * step);
            Assert.True(Math.Abs(numeric - gradient[i]) < 2e-3, $"{kind} at {inputs[i]}: {gradient[i]} vs {numeric}");
        }
    }

    [Theory]
    [InlineData(ActivationKind.Relu)]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.Sigmoid)]
    public void Vector_forward_matches_the_scalar_definition(ActivationKind kind)
    {
        var inputs = Enumerable.Range(0, 37).Select(i => (i - 18) * 0.37f).ToArray();
        var outputs = new float[inputs.Length];
        Activations.Forward(kind, inputs, outputs);
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(Activations.Value(kind, inputs[i]), outputs[i], 6);
        }
    }

    [Fact]
    public void Forward_matches_closed_forms()
    {
        var output = new float[1];
        Activations.Forward(ActivationKind.Sigmoid, [0f], output);
        Assert.Equal(0.5f, output[0]);
        Activations.Forward(ActivationKind.Tanh, [1f], output);
        Assert.Equal(0.7615942f, output[0], 6);
        Activations.Forward(ActivationKind.Relu, [-1f], output);
        Assert.Equal(0f, output[0]);
        Activations.Forward(ActivationKind.Elu, [-1f], output);
        Assert.Equal(Math.Exp(-1) - 1, output[0], 6);
        Activations.Forward(ActivationKind.Silu, [1f], output);
        Assert.Equal(1 / (1 + Math.Exp(-1)), output[0], 6);
        // GELU (tanh form) at 1: 0.5 (1 + tanh(sqrt(2/pi) * 1.044715)) = 0.8411920
        Activations.Forward(ActivationKind.Gelu, [1f], output);
        Assert.Equal(0.5 * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * 1.044715)), output[0], 6);
    }
}
