using MathNet.Numerics.RootFinding;
using Neyman.Core;

namespace Neyman.Stats.Inference;

/// <summary>
/// Upper limits: the POI value where CLs falls to 1 - CL (0.05 for 95% CL), for the observed CLs and each line of
/// the expected band; found by Brent's method inside the POI bounds, or by linear interpolation on a grid as pyhf's
/// scan does (numpy.interp over the reversed arrays).
/// </summary>
public static class UpperLimit
{
    /// <summary>Limits by root finding in [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    /// <param name="test">Hypothesis test at a POI value (must be thread-safe).</param>
    /// <param name="lower">Lower end of the search.</param>
    /// <param name="upper">Upper end of the search.</param>
    /// <param name="level">The CLs level (0.05 for 95% CL).</param>
    /// <param name="tolerance">Absolute tolerance on the POI.</param>
    /// <exception cref="NonConvergenceException">CLs does not cross the level inside the interval.</exception>
    public static UpperLimitResult FindRoots(Func<double, HypothesisTestResult> test, double lower, double upper, double level = 0.05, double tolerance = 1e-8)
    {
        var visited = new System.Collections.Concurrent.ConcurrentDictionary<double, HypothesisTestResult>();
        HypothesisTestResult At(double mu) => visited.GetOrAdd(mu, test);
        var limits = new double[6];
        RunParallel(6, line =>
        {
            double Excess(double mu) => (line == 0 ? At(mu).CLs : At(mu).CLsExpected[line - 1]) - level;
            var low = Excess(lower);
            var high = Excess(upper);
            if (Math.Sign(low) == Math.Sign(high))
            {
                throw new NonConvergenceException(
                    $"CLs - {level} does not change sign between {lower} and {upper} ({(line == 0 ? "observed" : $"expected band line {line - 1}")}: {low + level} and {high + level}); widen the POI bounds",
                    new Dictionary<string, double> { ["lower"] = lower, ["upper"] = upper, ["cls_lower"] = low + level, ["cls_upper"] = high + level });
            }
            if (!Brent.TryFindRoot(Excess, lower, upper, tolerance, 200, out var root))
            {
                throw new NonConvergenceException($"the root finder did not converge for line {line}");
            }
            limits[line] = root;
        });
        var scan = visited.Values.OrderBy(r => r.PoiValue).ToList();
        return new UpperLimitResult(limits[0], limits[1..], scan);
    }

    /// <summary>Limits by linear interpolation of CLs on a grid of POI values (tested in parallel).</summary>
    public static UpperLimitResult Scan(Func<double, HypothesisTestResult> test, IReadOnlyList<double> grid, double level = 0.05)
    {
        var results = new HypothesisTestResult[grid.Count];
        RunParallel(grid.Count, i => results[i] = test(grid[i]));
        var mu = grid.ToArray();
        var observed = Interpolate(level, results.Select(r => r.CLs).ToArray(), mu);
        var expected = new double[5];
        for (var k = 0; k < 5; k++)
        {
            expected[k] = Interpolate(level, results.Select(r => r.CLsExpected[k]).ToArray(), mu);
        }
        return new UpperLimitResult(observed, expected, results);
    }

    private static void RunParallel(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>numpy.interp(level, cls[::-1], mu[::-1]): CLs falls with mu, so both arrays are reversed to make x rise.</summary>
    private static double Interpolate(double level, double[] cls, double[] mu)
    {
        var x = cls.Reverse().ToArray();
        var y = mu.Reverse().ToArray();
        if (level <= x[0])
        {
            return y[0];
        }
        if (level >= x[^1])
        {
            return y[^1];
        }
        var j = 0;
        while (j < x.Length - 2 && !(level < x[j + 1]))
        {
            j++;
        }
        var slope = (y[j + 1] - y[j]) / (x[j + 1] - x[j]);
        return y[j] + slope * (level - x[j]);
    }
}
