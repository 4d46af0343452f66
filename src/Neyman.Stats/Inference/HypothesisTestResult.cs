namespace Neyman.Stats.Inference;

/// <summary>
/// The result of testing one POI value: observed CLs+b, CLb and CLs, and the expected CLs band at
/// n sigma = 2, 1, 0, -1, -2 of the background-only distribution (ascending CLs, pyhf's order).
/// </summary>
/// <param name="PoiValue">The tested POI value.</param>
/// <param name="TestStatistic">The observed test statistic.</param>
/// <param name="CLsb">Observed CLs+b (p-value of the signal-plus-background hypothesis).</param>
/// <param name="CLb">Observed CLb.</param>
/// <param name="CLs">Observed CLs = CLs+b / CLb.</param>
/// <param name="CLsExpected">Expected CLs at n sigma = 2, 1, 0, -1, -2.</param>
/// <param name="CLsbExpected">Expected CLs+b at the same points.</param>
/// <param name="CLbExpected">Expected CLb at the same points.</param>
public sealed record HypothesisTestResult(
    double PoiValue, double TestStatistic, double CLsb, double CLb, double CLs,
    double[] CLsExpected, double[] CLsbExpected, double[] CLbExpected);
