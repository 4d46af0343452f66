using Neyman.Learning.Networks;

namespace Neyman.Learning.Tests.Networks;

public class BinaryCrossEntropyTests
{
    [Fact]
    public void Gradient_matches_central_finite_differences()
    {
        float[] logits = [-3.1f, -0.4f, 0.2f, 1.7f, 25f];
        float[] labels = [0f, 1f, 0f, 1f, 0f];
        float[] weights = [1f, 0.5f, 2f, 1.5f, 0.25f];
        var gradient = new float[logits.Length];
        BinaryCrossEntropy.Evaluate(logits, labels, weights, gradient);
        const float step = 1e-2f;
        var scratch = new float[logits.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            var shifted = (float[])logits.Clone();
            shifted[i] = logits[i] + step;
            var up = BinaryCrossEntropy.Evaluate(shifted, labels, weights, scratch);
            shifted[i] = logits[i] - step;
            var down = BinaryCrossEntropy.Evaluate(shifted, labels, weights, scratch);
            var numeric = (up - down) / (2 * step);
            Assert.True(Math.Abs(numeric - gradient[i]) < 1e-5, $"logit {i}: {gradient[i]} vs {numeric}");
        }
    }

    [Fact]
    public void Loss_matches_closed_form()
    {
        var gradient = new float[2];
        var loss = BinaryCrossEntropy.Evaluate([0f, 2f], [1f, 0f], [1f, 3f], gradient);
        var expected = (Math.Log(2) + 3 * Math.Log(1 + Math.Exp(2))) / 4;
        Assert.Equal(expected, loss, 12);
        Assert.Equal(-0.125f, gradient[0], 6);
        Assert.Throws<ArgumentException>(() => BinaryCrossEntropy.Evaluate([0f], [1f], [0f], new float[1]));
    }
}
