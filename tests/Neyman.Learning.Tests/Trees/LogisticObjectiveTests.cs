using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class LogisticObjectiveTests
{
    [Fact]
    public void GradientsMatchFiniteDifferencesOfTheLoss()
    {
        double[] score = [-3.0, -0.2, 0.0, 1.7, 25.0];
        double[] label = [1, 0, 1, 0, 1];
        double[] weight = [1.0, 2.5, 0.5, -1.0, 1.0];
        var gradient = new float[5];
        var hessian = new float[5];
        LogisticObjective.ComputeGradients(score, label, weight, gradient, hessian);
        const double h = 1e-4;
        for (var i = 0; i < score.Length; i++)
        {
            double L(double s) => LogisticObjective.Loss(s, label[i], weight[i]);
            var fd1 = (L(score[i] + h) - L(score[i] - h)) / (2 * h);
            var fd2 = (L(score[i] + h) - (2 * L(score[i])) + L(score[i] - h)) / (h * h);
            Assert.Equal(fd1, (double)gradient[i], 1e-6);
            Assert.Equal(fd2, (double)hessian[i], 1e-5);
        }
    }

    [Fact]
    public void ProbabilityIsStableAtExtremes()
    {
        Assert.Equal(0.5, LogisticObjective.Probability(0));
        Assert.Equal(1.0, LogisticObjective.Probability(1000));
        Assert.Equal(0.0, LogisticObjective.Probability(-1000));
        Assert.Equal(Math.Log(2), LogisticObjective.Loss(0, 1, 1), 15);
        Assert.Equal(1000.0, LogisticObjective.Loss(-1000, 1, 1), 10);
    }
}
