using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class BoostingObjectiveTests
{
    public static TheoryData<string> Objectives() => ["logistic", "squared", "huber", "softmax"];

    [Theory]
    [MemberData(nameof(Objectives))]
    public void GradientIsTheDerivativeOfTheLoss(string name)
    {
        var (objective, score) = Create(name);
        var gradient = new float[score.Length];
        var hessian = new float[score.Length];
        objective.ComputeGradients(score, gradient, hessian);
        var totalWeight = 0.5 + 2.0 + 1.0 + 0.25;
        const double step = 1e-5;
        for (var j = 0; j < score.Length; j++)
        {
            var plus = (double[])score.Clone();
            var minus = (double[])score.Clone();
            plus[j] += step;
            minus[j] -= step;
            // MeanLoss divides by the total weight; the gradient is of the summed loss.
            var numeric = (objective.MeanLoss(plus) - objective.MeanLoss(minus)) / (2 * step) * totalWeight;
            Assert.Equal(numeric, gradient[j], 4);
        }
    }

    [Theory]
    [InlineData("logistic")]
    [InlineData("softmax")]
    [InlineData("squared")]
    public void HessianIsTheDiagonalSecondDerivative(string name)
    {
        var (objective, score) = Create(name);
        var gradient = new float[score.Length];
        var hessian = new float[score.Length];
        objective.ComputeGradients(score, gradient, hessian);
        const double step = 1e-4;
        for (var j = 0; j < score.Length; j++)
        {
            var plus = (double[])score.Clone();
            plus[j] += step;
            var gradientPlus = new float[score.Length];
            objective.ComputeGradients(plus, gradientPlus, new float[score.Length]);
            var minus = (double[])score.Clone();
            minus[j] -= step;
            var gradientMinus = new float[score.Length];
            objective.ComputeGradients(minus, gradientMinus, new float[score.Length]);
            // The gradients are float, so the difference quotient carries about 1e-3 of rounding.
            Assert.Equal((gradientPlus[j] - (double)gradientMinus[j]) / (2 * step), hessian[j], 2e-3);
        }
    }

    [Fact]
    public void LogisticBlocksMatchTheWholePass()
    {
        var labels = new double[] { 1, 0, 1, 0, 1 };
        var weights = new double[] { 0.5, 2, 1, -0.25, 1 };
        double[] score = [0.3, -1.2, 2.0, 0.1, -40];
        var loss = new BinaryLogisticLoss(labels, weights);
        var (g, h) = (new float[5], new float[5]);
        loss.ComputeGradients(score, g, h);
        var (bg, bh) = (new float[5], new float[5]);
        var sum = loss.ComputeBlock(0, score.AsSpan(0, 2), bg.AsSpan(0, 2), bh.AsSpan(0, 2))
            + loss.ComputeBlock(2, score.AsSpan(2), bg.AsSpan(2), bh.AsSpan(2));
        Assert.Equal(g, bg);
        Assert.Equal(h, bh);
        Assert.Equal(loss.MeanLoss(score), sum / loss.TotalWeight, 14);
    }

    [Fact]
    public void HuberGradientIsClippedAtDelta()
    {
        var loss = new HuberLoss([0, 0, 0], [1, 2, 1], 1.5);
        var gradient = new float[3];
        var hessian = new float[3];
        loss.ComputeGradients([0.5, 10, -10], gradient, hessian);
        Assert.Equal([0.5f, 3f, -1.5f], gradient);
        Assert.Equal([1f, 2f, 1f], hessian);
    }

    [Fact]
    public void InitialScoresMinimizeTheConstantLoss()
    {
        double[] weights = [1, 3, 1, 1];
        Assert.Equal(Math.Log(4.0 / 2.0), new BinaryLogisticLoss([1, 1, 0, 0], weights).InitialScores()[0], 12);
        Assert.Equal((1 + 9 + 3 + 4) / 6.0, new SquaredErrorLoss([1, 3, 3, 4], weights).InitialScores()[0], 12);
        var softmax = new SoftmaxLoss([0, 1, 2, 2], weights, 3).InitialScores();
        Assert.Equal([Math.Log(1 / 6.0), Math.Log(3 / 6.0), Math.Log(2 / 6.0)], softmax.Select(s => Math.Round(s, 12)), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    private static (IBoostingObjective Objective, double[] Score) Create(string name)
    {
        double[] weights = [0.5, 2.0, 1.0, 0.25];
        return name switch
        {
            "logistic" => (new BinaryLogisticLoss([1, 0, 1, 0], weights), [0.3, -1.2, 2.0, 0.1]),
            "squared" => (new SquaredErrorLoss([1, 0, 3, -2], weights), [0.3, -1.2, 2.0, 0.1]),
            "huber" => (new HuberLoss([1, 0, 3, -2], weights, 1.0), [0.3, -1.2, 2.0, 0.1]),
            _ => (new SoftmaxLoss([0, 2, 1, 2], weights, 3), [0.3, -1.2, 2.0, 0.1, 0.5, -0.4, 1.0, 1.0, 1.0, -2.0, 0.0, 3.0]),
        };
    }
}
