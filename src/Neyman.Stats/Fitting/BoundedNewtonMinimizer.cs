using System.Runtime.CompilerServices;
namespace Neyman.Stats.Fitting;

/// <summary>
/// Minimises a smooth function inside box bounds with a projected Newton method: the Hessian of the free
/// parameters comes from finite differences of the analytic gradient at every iterate, is regularised (Levenberg,
/// growing after a failed step) when it is not positive definite, and each step is a backtracking (Armijo) search
/// along the path projected onto the box.
/// Parameters at a bound whose gradient points outwards are held there for the iteration. Converges quadratically
/// near the minimum, which makes the NLL at the optimum exact to machine precision.
/// </summary>
public static class BoundedNewtonMinimizer
{
    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/>.</summary>
    /// <param name="objective">Value and gradient.</param>
    /// <param name="start">Starting point (clipped into the bounds).</param>
    /// <param name="lower">Lower bounds.</param>
    /// <param name="upper">Upper bounds.</param>
    /// <param name="isFixed">Parameters held at their starting value.</param>
    /// <param name="options">Stopping settings; defaults when null.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MinimizerResult Minimize(
        Objective objective, ReadOnlySpan<double> start, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper,
        ReadOnlySpan<bool> isFixed, MinimizerOptions? options = null)
    {
        options ??= MinimizerOptions.Default;
        var n = start.Length;
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = isFixed[i] ? start[i] : Math.Clamp(start[i], lower[i], upper[i]);
        }
        var g = new double[n];
        var gShift = new double[n];
        var trial = new double[n];
        var trialG = new double[n];
        var free = new int[n];
        var hessian = new double[n * n];
        var factor = new double[n * n];
        var step = new double[n];
        var evaluations = 1;
        var f = objective(x, g);
        if (!double.IsFinite(f))
        {
            return new MinimizerResult(x, f, false, 0, evaluations, double.NaN, "the objective is not finite at the starting point");
        }
        var lambda = 0.0;
        var needHessian = true;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            var scale = Math.Max(1, Math.Abs(f));
            var m = 0;
            var projected = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (isFixed[i] || (x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0))
                {
                    continue;
                }
                free[m++] = i;
                projected = Math.Max(projected, Math.Abs(g[i]));
            }
            if (m == 0 || projected < options.GradientTolerance)
            {
                return new MinimizerResult(x, f, true, iteration - 1, evaluations, projected, "projected gradient below tolerance");
            }
            var fresh = needHessian;
            if (needHessian)
            {
                evaluations += FiniteDifferenceHessian(objective, x, g, upper, isFixed, hessian, trial, gShift);
                needHessian = false;
            }
            var maxDiagonal = 0.0;
            for (var a = 0; a < m; a++)
            {
                maxDiagonal = Math.Max(maxDiagonal, Math.Abs(hessian[free[a] * n + free[a]]));
            }
            if (!SolveRegularised(hessian, n, free, m, g, ref lambda, maxDiagonal, factor, step))
            {
                return new MinimizerResult(x, f, false, iteration, evaluations, projected, "the Hessian could not be regularised");
            }
            var decrement = 0.0;
            for (var a = 0; a < m; a++)
            {
                decrement -= 0.5 * g[free[a]] * step[a];
            }
            // Newton steps converge quadratically, so once the decrement is negligible one last step leaves the best
            // fit exact to rounding.
            var finalStep = fresh && lambda == 0 && decrement < options.DecrementTolerance * scale;
            var t = 1.0;
            var accepted = false;
            var acceptedValue = f;
            for (var search = 0; search < 40; search++, t *= 0.5)
            {
                Array.Copy(x, trial, n);
                var slope = 0.0;
                for (var a = 0; a < m; a++)
                {
                    var i = free[a];
                    trial[i] = Math.Clamp(x[i] + t * step[a], lower[i], upper[i]);
                    slope += g[i] * (trial[i] - x[i]);
                }
                var ft = objective(trial, trialG);
                evaluations++;
                if (double.IsFinite(ft) && ((ft < f && ft <= f + 1e-4 * Math.Min(slope, 0)) || (finalStep && ft <= f + 1e-13 * scale)))
                {
                    accepted = true;
                    acceptedValue = ft;
                    break;
                }
                if (finalStep)
                {
                    break;
                }
            }
            if (finalStep)
            {
                if (accepted)
                {
                    (x, trial) = (trial, x);
                    (g, trialG) = (trialG, g);
                    f = acceptedValue;
                }
                return new MinimizerResult(x, f, true, iteration, evaluations, projected, "Newton decrement below tolerance");
            }
            if (!accepted)
            {
                if (decrement <= 1e-11 * scale && fresh)
                {
                    return new MinimizerResult(x, f, true, iteration, evaluations, projected, "no further decrease possible at machine precision");
                }
                if (!fresh)
                {
                    needHessian = true;
                }
                else
                {
                    lambda = Math.Max(10 * lambda, 1e-4 * Math.Max(1, maxDiagonal));
                }
                continue;
            }
            lambda = lambda / 10 < 1e-14 * Math.Max(1, maxDiagonal) ? 0 : lambda / 10;
            needHessian = true;
            (x, trial) = (trial, x);
            (g, trialG) = (trialG, g);
            f = acceptedValue;
        }
        return new MinimizerResult(x, f, false, options.MaxIterations, evaluations, double.NaN, "iteration limit reached");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FiniteDifferenceHessian(
        Objective objective, double[] x, double[] g, ReadOnlySpan<double> upper, ReadOnlySpan<bool> isFixed, double[] hessian, double[] trial, double[] gShift)
    {
        var n = x.Length;
        Array.Clear(hessian);
        var evaluations = 0;
        for (var j = 0; j < n; j++)
        {
            if (isFixed[j])
            {
                hessian[j * n + j] = 1;
                continue;
            }
            var h = 1e-6 * Math.Max(1.0, Math.Abs(x[j]));
            if (x[j] + h > upper[j])
            {
                h = -h;
            }
            Array.Copy(x, trial, n);
            trial[j] = x[j] + h;
            h = trial[j] - x[j];
            objective(trial, gShift);
            evaluations++;
            for (var i = 0; i < n; i++)
            {
                hessian[i * n + j] = isFixed[i] ? 0 : (gShift[i] - g[i]) / h;
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var v = 0.5 * (hessian[i * n + j] + hessian[j * n + i]);
                hessian[i * n + j] = v;
                hessian[j * n + i] = v;
            }
        }
        return evaluations;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SolveRegularised(
        double[] hessian, int n, int[] free, int m, double[] g, ref double lambda, double maxDiagonal, double[] factor, double[] step)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            for (var a = 0; a < m; a++)
            {
                for (var b = 0; b < m; b++)
                {
                    factor[a * m + b] = hessian[free[a] * n + free[b]];
                }
                factor[a * m + a] += lambda;
            }
            if (DenseCholesky.Factor(factor.AsSpan(0, m * m), m))
            {
                for (var a = 0; a < m; a++)
                {
                    step[a] = -g[free[a]];
                }
                DenseCholesky.Solve(factor.AsSpan(0, m * m), m, step.AsSpan(0, m));
                return true;
            }
            lambda = lambda == 0 ? 1e-10 * Math.Max(1, maxDiagonal) : lambda * 10;
        }
        return false;
    }
}
