using Neyman.Learning.Networks;

namespace Neyman.Learning.Tests.Networks;

public class ActivationsTests
{
    [Theory]
    [InlineData(ActivationKind.Identity)]
    [InlineData(ActivationKind.Relu)]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.Sigmoid)]
    public void Backward_matches_central_finite_differences(ActivationKind kind)
    {
        float[] inputs = [-2.3f, -0.7f, -0.05f, 0.3f, 1.1f, 2.9f];
        var outputs = new float[inputs.Length];
        Activations.Forward(kind, inputs, outputs);
        var gradient = new float[inputs.Length];
        Array.Fill(gradient, 1f);
        Activations.Backward(kind, outputs, gradient);
        const double step = 1e-3;
        for (var i = 0; i < inputs.Length; i++)
        {
            var up = new float[1];
            var down = new float[1];
            Activations.Forward(kind, [(float)(inputs[i] + step)], up);
            Activations.Forward(kind, [(float)(inputs[i] - step)], down);
            var numeric = (up[0] - (double)down[0]) / (2 * step);
            Assert.True(Math.Abs(numeric - gradient[i]) < 2e-3, $"{kind} at {inputs[i]}: {gradient[i]} vs {numeric}");
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
    }
}
