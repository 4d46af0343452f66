namespace Neyman.Learning.Networks;

/// <summary>Shared argument checks of the loss kernels.</summary>
internal static class LossChecks
{
    /// <summary>The sum of the event weights, which must be positive.</summary>
    public static double TotalWeight(ReadOnlySpan<float> weights)
    {
        double total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i];
        }
        if (!(total > 0))
        {
            throw new ArgumentException("expected a positive sum of weights", nameof(weights));
        }
        return total;
    }
}
