using Neyman.Core;
using Neyman.Stats.Fitting;
using Neyman.Stats.Models;

namespace Neyman.Stats.Inference;

/// <summary>
/// p-values from pseudo-experiments, as pyhf's toy calculator: toys are drawn (main counts from Poisson, auxiliary
/// data from each constraint) at the suggested parameters with the POI at the tested value (signal plus background)
/// and at 0 (1 for q0, background only); CLs+b and CLb are the fractions of toys whose test statistic is at least the
/// observed one. The expected band is the 2.3, 15.9, 50, 84.1 and 97.7 percentiles (linear interpolation) of CLs
/// evaluated at each background-only toy. Toy i always uses random stream (seed, hypothesis, i), so results do not
/// depend on the number of threads.
/// </summary>
public sealed class ToyCalculator
{
    private static readonly double[] Percentiles = [2.27501319, 15.86552539, 50.0, 84.13447461, 97.72498681];
    private readonly HistFactoryModel _model;
    private readonly ModelData _data;
    private readonly TestStatisticKind _kind;
    private readonly int _toys;
    private readonly ulong _seed;
    private readonly FitSettings _settings;
    private readonly ParallelOptions _parallel;

    /// <summary>Creates a calculator drawing <paramref name="toys"/> toys per hypothesis from <paramref name="seed"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">The observed data.</param>
    /// <param name="kind">The test statistic.</param>
    /// <param name="toys">Toys per hypothesis.</param>
    /// <param name="seed">Seed of the toys.</param>
    /// <param name="settings">Fit settings; the model's suggestions when null.</param>
    /// <param name="maxThreads">Upper limit on threads (results do not depend on it); all cores when null.</param>
    public ToyCalculator(HistFactoryModel model, ModelData data, TestStatisticKind kind, int toys, ulong seed, FitSettings? settings = null, int? maxThreads = null)
    {
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = maxThreads ?? -1 };
        Preconditions.CheckPositive(toys);
        _model = model;
        _data = data;
        _kind = kind;
        _toys = toys;
        _seed = seed;
        _settings = settings ?? FitSettings.Default;
    }

    /// <summary>Tests POI value <paramref name="mu"/>.</summary>
    /// <exception cref="NonConvergenceException">A fit to the observed data did not converge.</exception>
    public HypothesisTestResult Test(double mu)
    {
        var observed = TestStatistics.Compute(_kind, mu, _model.CreateEvaluator(), _data, _settings).Value;
        var signalMu = _kind == TestStatisticKind.Q0 ? 0.0 : mu;
        var backgroundMu = _kind == TestStatisticKind.Q0 ? 1.0 : 0.0;
        var signal = Sample(signalMu, mu, hypothesis: 1);
        var background = Sample(backgroundMu, mu, hypothesis: 2);
        Array.Sort(signal);
        Array.Sort(background);
        var (clsb, clb, cls) = PValues(observed, signal, background);
        var perToy = new double[background.Length];
        var perToySb = new double[background.Length];
        var perToyB = new double[background.Length];
        for (var i = 0; i < background.Length; i++)
        {
            (perToySb[i], perToyB[i], perToy[i]) = PValues(background[i], signal, background);
        }
        var reported = _kind == TestStatisticKind.Q0 ? perToySb : perToy;
        var band = Percentiles.Select(p => Percentile(reported, p)).ToArray();
        var bandSb = Percentiles.Select(p => Percentile(perToySb, p)).ToArray();
        var bandB = Percentiles.Select(p => Percentile(perToyB, p)).ToArray();
        return new HypothesisTestResult(mu, observed, clsb, clb, _kind == TestStatisticKind.Q0 ? clsb : cls, band, bandSb, bandB);
    }

    private double[] Sample(double generatingMu, double testedMu, ulong hypothesis)
    {
        var parameters = (double[])(_settings.Init ?? _model.Config.SuggestedInit).Clone();
        parameters[_model.Config.PoiIndex] = generatingMu;
        var expected = _model.ExpectedData(parameters);
        var mainBins = _model.Config.MainBinCount;
        var statistics = new double[_toys];
        Parallel.For(0, _toys, _parallel, () => _model.CreateEvaluator(), (i, _, evaluator) =>
        {
            var random = RandomStream.ForBlock(_seed, hypothesis, (ulong)i);
            var toy = new double[expected.Length];
            for (var b = 0; b < mainBins; b++)
            {
                toy[b] = random.NextPoisson(expected[b]);
            }
            for (var k = 0; k < expected.Length - mainBins; k++)
            {
                toy[mainBins + k] = _model.ConstraintIsPoisson[k]
                    ? random.NextPoisson(expected[mainBins + k])
                    : random.NextGaussian(expected[mainBins + k], _model.ConstraintScale[k]);
            }
            try
            {
                statistics[i] = TestStatistics.Compute(_kind, testedMu, evaluator, new ModelData(_model, toy), _settings).Value;
            }
            catch (NonConvergenceException)
            {
                statistics[i] = double.NaN;
            }
            return evaluator;
        }, _ => { });
        var failed = statistics.Count(double.IsNaN);
        if (failed > 0)
        {
            throw new NonConvergenceException(
                $"{failed} of {_toys} toy fits did not converge", new Dictionary<string, double> { ["failed_toys"] = failed, ["toys"] = _toys });
        }
        return statistics;
    }

    private static (double CLsb, double CLb, double CLs) PValues(double value, double[] sortedSignal, double[] sortedBackground)
    {
        var clsb = FractionAtLeast(sortedSignal, value);
        var clb = FractionAtLeast(sortedBackground, value);
        return (clsb, clb, clb > 0 ? clsb / clb : 0.0);
    }

    private static double FractionAtLeast(double[] sorted, double value)
    {
        var lo = 0;
        var hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return (double)(sorted.Length - lo) / sorted.Length;
    }

    private static double Percentile(double[] values, double percent)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var rank = percent / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }
}
