using Neyman.Core;

namespace Neyman.Learning.Training;

/// <summary>
/// A seeded partition of events into training, validation and test sets (disjoint, covering every event), each
/// list in ascending event order. The sizes are exact: round(n f) for the validation and test fractions f.
/// </summary>
public sealed class EventSplit
{
    private const ulong Purpose = 0x73706C6974;

    private EventSplit(int[] training, int[] validation, int[] test)
    {
        Training = training;
        Validation = validation;
        Test = test;
    }

    /// <summary>The training events.</summary>
    public IReadOnlyList<int> Training { get; }

    /// <summary>The validation events.</summary>
    public IReadOnlyList<int> Validation { get; }

    /// <summary>The test events.</summary>
    public IReadOnlyList<int> Test { get; }

    /// <summary>Draws a split: a seeded permutation, then the first part to validation, the next to test, the rest to training.</summary>
    /// <param name="eventCount">The number of events.</param>
    /// <param name="validationFraction">The fraction held out for validation, in [0, 1).</param>
    /// <param name="testFraction">The fraction held out for testing, in [0, 1); both together below 1.</param>
    /// <param name="seed">The seed.</param>
    public static EventSplit Create(int eventCount, double validationFraction, double testFraction, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eventCount);
        Preconditions.CheckArgument(validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction < 1, "The held-out fractions must be non-negative and sum below 1.");
        var order = Permutation(eventCount, seed, Purpose);
        var validationCount = (int)Math.Round(eventCount * validationFraction);
        var testCount = (int)Math.Round(eventCount * testFraction);
        var validation = order[..validationCount];
        var test = order[validationCount..(validationCount + testCount)];
        var training = order[(validationCount + testCount)..];
        Array.Sort(validation);
        Array.Sort(test);
        Array.Sort(training);
        return new EventSplit(training, validation, test);
    }

    /// <summary>A seeded uniform permutation of 0..n-1 (Fisher-Yates on one stream).</summary>
    /// <param name="n">The length.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="purpose">Separates the streams of different uses of one seed.</param>
    internal static int[] Permutation(int n, ulong seed, ulong purpose)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        new RandomStream(seed, purpose).Shuffle(order.AsSpan());
        return order;
    }
}
