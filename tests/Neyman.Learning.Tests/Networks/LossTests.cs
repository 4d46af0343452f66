using Neyman.Learning.Networks;

namespace Neyman.Learning.Tests.Networks;

public class LossTests
{
    private delegate double Loss(float[] outputs, float[] gradient);

    private static void AssertFiniteDifferences(float[] outputs, Loss loss, double tolerance)
    {
        var gradient = new float[outputs.Length];
        loss(outputs, gradient);
        var scratch = new float[outputs.Length];
        const float step = 1e-2f;
        for (var i = 0; i < outputs.Length; i++)
        {
            var shifted = (float[])outputs.Clone();
            shifted[i] = outputs[i] + step;
            var up = loss(shifted, scratch);
            shifted[i] = outputs[i] - step;
            var down = loss(shifted, scratch);
            var numeric = (up - down) / (2 * (double)step);
            Assert.True(Math.Abs(numeric - gradient[i]) < tolerance, $"output {i}: {gradient[i]} vs {numeric}");
        }
    }

    [Fact]
    public void Softmax_cross_entropy_gradient_matches_finite_differences()
    {
        float[] logits = [0.3f, -1.2f, 2.0f, 0.5f, 0.5f, -0.1f, -3f, 4f, 1f];
        float[] labels = [2, 0, 1];
        float[] weights = [1f, 0.5f, 2f];
        AssertFiniteDifferences(logits, (o, g) => SoftmaxCrossEntropy.Evaluate(o, 3, labels, weights, g), 2e-5);
    }

    [Fact]
    public void Softmax_cross_entropy_matches_closed_form()
    {
        // Two equal logits: loss = log 2 whatever the label.
        var gradient = new float[2];
        var loss = SoftmaxCrossEntropy.Evaluate([1f, 1f], 2, [1f], [3f], gradient);
        Assert.Equal(Math.Log(2), loss, 12);
        Assert.Equal(0.5f, gradient[0], 6);
        Assert.Equal(-0.5f, gradient[1], 6);
        Assert.Throws<ArgumentException>(() => SoftmaxCrossEntropy.Evaluate([1f, 1f], 2, [2f], [1f], gradient));
    }

    [Theory]
    [InlineData(LossKind.MeanSquaredError)]
    [InlineData(LossKind.Huber)]
    public void Regression_gradients_match_finite_differences(LossKind kind)
    {
        float[] outputs = [0.3f, -1.2f, 2.4f, 0.5f, 3.5f, -0.1f];
        float[] targets = [0f, 0f, 1f, 1f, -1f, 0.2f];
        float[] weights = [1f, 0.5f, 2f];
        AssertFiniteDifferences(outputs, (o, g) => RegressionLoss.Evaluate(kind, o, targets, weights, g, delta: 1.0), 2e-5);
    }

    [Fact]
    public void Regression_losses_match_closed_forms()
    {
        var gradient = new float[2];
        // Residuals 3 and 0.5, weights 1 and 3: MSE = (1*(9+0.25)/2*... per-event mean over one output.
        var mse = RegressionLoss.Evaluate(LossKind.MeanSquaredError, [3f, 0.5f], [0f, 0f], [1f, 3f], gradient);
        Assert.Equal((1 * 9 + 3 * 0.25) / 4, mse, 12);
        var huber = RegressionLoss.Evaluate(LossKind.Huber, [3f, 0.5f], [0f, 0f], [1f, 3f], gradient, delta: 1.0);
        Assert.Equal((1 * (3 - 0.5) + 3 * 0.125) / 4, huber, 12);
        Assert.Equal(0.25f, gradient[0], 6);
    }
}
