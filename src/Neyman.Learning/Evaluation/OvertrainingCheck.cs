namespace Neyman.Learning.Evaluation;

/// <summary>
/// The overtraining check: per class, a Kolmogorov-Smirnov test of the classifier scores on the training
/// sample against those on the test sample. A small p-value means the classifier behaves differently on
/// the events it was trained on.
/// </summary>
/// <param name="Signal">The test for signal events.</param>
/// <param name="Background">The test for background events.</param>
public readonly record struct OvertrainingCheck(KolmogorovSmirnovResult Signal, KolmogorovSmirnovResult Background)
{
    /// <summary>The smaller of the two p-values.</summary>
    public double MinimumPValue => Math.Min(Signal.PValue, Background.PValue);

    /// <summary>Runs the test per class.</summary>
    public static OvertrainingCheck Compare(BinaryScores train, BinaryScores test)
    {
        KolmogorovSmirnovResult Class(bool signal)
        {
            var (a, wa) = Select(train, signal);
            var (b, wb) = Select(test, signal);
            return KolmogorovSmirnovTest.Compare(a, wa, b, wb);
        }
        return new OvertrainingCheck(Class(true), Class(false));
    }

    private static (double[] Scores, double[] Weights) Select(BinaryScores sample, bool signal)
    {
        var scores = new List<double>();
        var weights = new List<double>();
        for (var i = 0; i < sample.Count; i++)
        {
            if (sample.IsSignal[i] == signal)
            {
                scores.Add(sample.Scores[i]);
                weights.Add(sample.Weights[i]);
            }
        }
        return (scores.ToArray(), weights.ToArray());
    }
}
