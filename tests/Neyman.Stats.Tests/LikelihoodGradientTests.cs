using Neyman.Stats.Models;

namespace Neyman.Stats.Tests;

/// <summary>The analytic gradient against central finite differences at points away from the start.</summary>
public sealed class LikelihoodGradientTests
{
    public static IEnumerable<object[]> Cases() => SharedReference.ExpectedCases();

    [SharedReferenceTheory]
    [MemberData(nameof(Cases))]
    public void Gradient_matches_finite_differences(string name)
    {
        var (workspace, options) = SharedReference.WorkspaceFor(name);
        foreach (var settings in new[] { options, ModelOptions.Default, new ModelOptions(Interpolation.InterpolationCode.Code2, Interpolation.InterpolationCode.Code2) })
        {
            var model = HistFactoryModel.Build(workspace, null, settings);
            var evaluator = model.CreateEvaluator();
            var data = new ModelData(model, model.ObservedData);
            var n = model.Config.ParameterCount;
            var x = new double[n];
            for (var i = 0; i < n; i++)
            {
                // Deterministic spread that visits alpha in (-1.6, 1.6) and factors in (0.6, 1.4).
                var u = Math.Sin(1.7 * i + 0.3);
                x[i] = model.Config.SuggestedInit[i] == 0 ? 1.6 * u : model.Config.SuggestedInit[i] * (1 + 0.4 * u);
            }
            var gradient = new double[n];
            evaluator.TwiceNll(x, data, gradient);
            var scratch = new double[n];
            for (var i = 0; i < n; i++)
            {
                var h = 1e-6 * Math.Max(1, Math.Abs(x[i]));
                var keep = x[i];
                x[i] = keep + h;
                var up = evaluator.TwiceNll(x, data, scratch);
                x[i] = keep - h;
                var down = evaluator.TwiceNll(x, data, scratch);
                x[i] = keep;
                var numeric = (up - down) / (2 * h);
                Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-5 * Math.Max(1, Math.Abs(numeric)),
                    $"{settings}: d/d{model.Config.ParameterNames[i]} analytic {gradient[i]:R} numeric {numeric:R}");
            }
        }
    }
}
