using Neyman.Core;

namespace Neyman.Learning.Networks;

/// <summary>
/// A physics layer in front of a network: learned non-negative combinations of the four-momenta of the input objects
/// (in the spirit of the Lorentz boost network of Erdmann, Geiser, Rath and Rieger, 2019) and their invariant masses as
/// extra network inputs, next to the standardized input columns. Combination c is P_c = sum_i relu(W[c, i]) p_i; its
/// output is (m_c - mean_c) / sqrt(variance_c) with m_c = sqrt(max(P_c^2, 0) + epsilon) in units of
/// <see cref="MomentumUnit"/>, and the mean and variance running averages over the training batches (fixed at
/// prediction; the gradient treats them as constants). A network can so form the masses of decay products
/// (m_bb, m_jjj, ...) from low-level features instead of being given them.
/// </summary>
public sealed class InvariantMassLayer
{
    /// <summary>Added to the squared mass under the root, in squared <see cref="MomentumUnit"/>s, so the gradient stays finite.</summary>
    public const double MassEpsilon = 1e-4;

    /// <summary>Weight of the newest batch in the running mean and variance.</summary>
    public const double RunningRate = 0.1;

    /// <summary>Added to a running variance before its root, so a combination of constant mass stays finite.</summary>
    public const float VarianceEpsilon = 1e-6f;

    /// <summary>Creates the layer; null weights or statistics start at zero weights, zero means and unit variances.</summary>
    /// <param name="objects">The input objects.</param>
    /// <param name="combinations">The number of combinations (outputs).</param>
    /// <param name="momentumUnit">The unit of momentum (for example the mean training pT), so the masses are of order one.</param>
    /// <param name="weights">W, combinations x objects, row-major (used, not copied).</param>
    /// <param name="means">Running mean of each output's mass.</param>
    /// <param name="variances">Running variance of each output's mass.</param>
    public InvariantMassLayer(IReadOnlyList<MomentumObject> objects, int combinations, float momentumUnit,
        float[]? weights = null, float[]? means = null, float[]? variances = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        Preconditions.CheckArgument(objects.Count > 0 && combinations > 0, "expected at least one object and one combination");
        Preconditions.CheckArgument(momentumUnit > 0 && float.IsFinite(momentumUnit), "expected a positive momentum unit");
        Objects = objects.ToArray();
        Combinations = combinations;
        MomentumUnit = momentumUnit;
        Weights = weights ?? new float[combinations * objects.Count];
        Means = means ?? new float[combinations];
        Variances = variances ?? Enumerable.Repeat(1f, combinations).ToArray();
        HasStatistics = means is not null && variances is not null;
        Preconditions.CheckArgument(Weights.Length == combinations * objects.Count, "expected combinations x objects weights");
        Preconditions.CheckArgument(Means.Length == combinations && Variances.Length == combinations, "expected one mean and variance per combination");
    }

    /// <summary>The input objects.</summary>
    public IReadOnlyList<MomentumObject> Objects { get; }

    /// <summary>The number of outputs.</summary>
    public int Combinations { get; }

    /// <summary>The unit of momenta and masses.</summary>
    public float MomentumUnit { get; }

    /// <summary>W, combinations x objects; the combinations use relu(W).</summary>
    public float[] Weights { get; }

    /// <summary>Running mean of each combination's mass.</summary>
    public float[] Means { get; }

    /// <summary>Running variance of each combination's mass.</summary>
    public float[] Variances { get; }

    /// <summary>The weight of object <paramref name="i"/> in combination <paramref name="c"/>: relu(W[c, i]).</summary>
    public float CombinationWeight(int c, int i) => Math.Max(Weights[c * Objects.Count + i], 0f);

    /// <summary>The factor that standardizes combination <paramref name="c"/>'s mass: 1 / sqrt(variance + epsilon).</summary>
    public float InverseDeviation(int c) => 1f / MathF.Sqrt(Variances[c] + VarianceEpsilon);

    /// <summary>Four-momentum values per event: (E, px, py, pz) of each object.</summary>
    public int MomentumWidth => 4 * Objects.Count;

    /// <summary>Whether the running statistics have seen a batch (the first batch sets them).</summary>
    public bool HasStatistics { get; private set; }

    /// <summary>The momentum unit of a training set: the mean transverse momentum of the objects (1 when it is not positive).</summary>
    public static float UnitOf(IReadOnlyList<MomentumObject> objects, ReadOnlySpan<float> inputs, int width)
    {
        ArgumentNullException.ThrowIfNull(objects);
        double sum = 0;
        long count = 0;
        for (var start = 0; start + width <= inputs.Length; start += width)
        {
            foreach (var o in objects)
            {
                sum += inputs[start + o.Pt];
                count++;
            }
        }
        var unit = count > 0 ? sum / count : 0;
        return unit > 0 && double.IsFinite(unit) ? (float)unit : 1f;
    }

    /// <summary>Draws the weights uniformly in [0, 1) from a seeded stream and resets the running statistics.</summary>
    public void Initialize(ulong seed)
    {
        var random = new RandomStream(seed);
        for (var i = 0; i < Weights.Length; i++)
        {
            Weights[i] = (float)random.NextDouble();
        }
        Array.Clear(Means);
        Array.Fill(Variances, 1f);
        HasStatistics = false;
    }

    /// <summary>
    /// Writes the four-momenta (<see cref="MomentumWidth"/> per event) of <paramref name="rows"/> events of raw,
    /// unstandardized row-major inputs of <paramref name="width"/> columns.
    /// </summary>
    public void FourMomenta(ReadOnlySpan<float> inputs, int width, int rows, Span<float> momenta)
    {
        Preconditions.CheckArgument(inputs.Length >= (long)rows * width && momenta.Length >= (long)rows * MomentumWidth, "expected rows x width inputs and room for the momenta");
        var scale = 1.0 / MomentumUnit;
        for (var r = 0; r < rows; r++)
        {
            var row = inputs.Slice(r * width, width);
            var p = momenta.Slice(r * MomentumWidth, MomentumWidth);
            for (var o = 0; o < Objects.Count; o++)
            {
                var item = Objects[o];
                var pt = row[item.Pt] * scale;
                var eta = item.Eta >= 0 ? (double)row[item.Eta] : 0.0;
                var (sin, cos) = Math.SinCos(row[item.Phi]);
                p[4 * o] = (float)(pt * Math.Cosh(eta));
                p[4 * o + 1] = (float)(pt * cos);
                p[4 * o + 2] = (float)(pt * sin);
                p[4 * o + 3] = (float)(pt * Math.Sinh(eta));
            }
        }
    }

    /// <summary>
    /// Computes the outputs of <paramref name="rows"/> events into columns [<paramref name="column"/>, column +
    /// <see cref="Combinations"/>) of the row-major <paramref name="destination"/> of <paramref name="stride"/> columns;
    /// keeps each combination's mass in <paramref name="masses"/> (rows x combinations) for <see cref="Backward"/>.
    /// In training the running statistics take in this batch first (when it has more than one event).
    /// </summary>
    public void Forward(ReadOnlySpan<float> momenta, int rows, Span<float> destination, int stride, int column, Span<float> masses, bool training)
    {
        Preconditions.CheckArgument(momenta.Length >= (long)rows * MomentumWidth && masses.Length >= (long)rows * Combinations, "expected rows of momenta and room for the masses");
        Preconditions.CheckArgument(column >= 0 && column + Combinations <= stride && destination.Length >= (long)rows * stride, "expected the outputs to fit the destination rows");
        var objects = Objects.Count;
        for (var r = 0; r < rows; r++)
        {
            var p = momenta.Slice(r * MomentumWidth, MomentumWidth);
            for (var c = 0; c < Combinations; c++)
            {
                masses[r * Combinations + c] = (float)Math.Sqrt(Math.Max(Combine(p, c, objects).MassSquared, 0) + MassEpsilon);
            }
        }
        // A batch of one event has no spread to learn from.
        if (training && rows > 1)
        {
            UpdateStatistics(masses, rows);
        }
        for (var c = 0; c < Combinations; c++)
        {
            var mean = Means[c];
            var inverse = InverseDeviation(c);
            for (var r = 0; r < rows; r++)
            {
                destination[r * stride + column + c] = (masses[r * Combinations + c] - mean) * inverse;
            }
        }
    }

    /// <summary>
    /// Writes dLoss/dW (same layout as <see cref="Weights"/>) from the gradient of the outputs, which are columns
    /// [<paramref name="column"/>, column + <see cref="Combinations"/>) of <paramref name="outputGradient"/>.
    /// </summary>
    public void Backward(ReadOnlySpan<float> momenta, int rows, ReadOnlySpan<float> masses, ReadOnlySpan<float> outputGradient, int stride, int column, Span<float> weightGradient)
    {
        Preconditions.CheckArgument(weightGradient.Length == Weights.Length, "expected one gradient per weight");
        var objects = Objects.Count;
        Span<double> sums = stackalloc double[objects];
        for (var c = 0; c < Combinations; c++)
        {
            sums.Clear();
            var inverse = 1.0 / Math.Sqrt(Variances[c] + VarianceEpsilon);
            for (var r = 0; r < rows; r++)
            {
                // d out / d m = 1 / sigma; d m / d (P^2) = 1 / (2 m), 0 where the forward pass cut P^2 at 0;
                // d (P^2) / d W[c, i] = 2 (P . p_i) for W > 0.
                var p = momenta.Slice(r * MomentumWidth, MomentumWidth);
                var combined = Combine(p, c, objects);
                if (combined.MassSquared <= 0)
                {
                    continue;
                }
                var (e, x, y, z) = combined;
                var factor = outputGradient[r * stride + column + c] * inverse / masses[r * Combinations + c];
                for (var i = 0; i < objects; i++)
                {
                    sums[i] += factor * (e * p[4 * i] - x * p[4 * i + 1] - y * p[4 * i + 2] - z * p[4 * i + 3]);
                }
            }
            for (var i = 0; i < objects; i++)
            {
                weightGradient[c * objects + i] = Weights[c * objects + i] > 0 ? (float)sums[i] : 0f;
            }
        }
    }

    /// <summary>
    /// Inference on <paramref name="rows"/> events: writes each event's <paramref name="inputWidth"/> inputs followed by
    /// the layer's outputs (running statistics fixed) as rows of inputWidth + <see cref="Combinations"/> values.
    /// </summary>
    public void AppendOutputs(ReadOnlySpan<float> inputs, int inputWidth, ReadOnlySpan<float> momenta, int rows, Span<float> destination, Span<float> masses)
    {
        var width = inputWidth + Combinations;
        Preconditions.CheckArgument(inputs.Length >= (long)rows * inputWidth && destination.Length >= (long)rows * width, "expected rows of inputs and room for the widened rows");
        for (var r = 0; r < rows; r++)
        {
            inputs.Slice(r * inputWidth, inputWidth).CopyTo(destination.Slice(r * width));
        }
        Forward(momenta, rows, destination, width, inputWidth, masses, training: false);
    }

    // The four-momentum P_c of one event's combination c.
    private Combined Combine(ReadOnlySpan<float> p, int c, int objects)
    {
        double e = 0, x = 0, y = 0, z = 0;
        for (var i = 0; i < objects; i++)
        {
            double w = CombinationWeight(c, i);
            e += w * p[4 * i];
            x += w * p[4 * i + 1];
            y += w * p[4 * i + 2];
            z += w * p[4 * i + 3];
        }
        return new Combined(e, x, y, z);
    }

    // A combination's four-momentum; the forward pass cuts its mass at P^2 <= 0 and the backward pass there too.
    private readonly record struct Combined(double E, double X, double Y, double Z)
    {
        public double MassSquared => E * E - X * X - Y * Y - Z * Z;
    }

    private void UpdateStatistics(ReadOnlySpan<float> masses, int rows)
    {
        for (var c = 0; c < Combinations; c++)
        {
            double sum = 0;
            for (var r = 0; r < rows; r++)
            {
                sum += masses[r * Combinations + c];
            }
            var mean = sum / rows;
            double squares = 0;
            for (var r = 0; r < rows; r++)
            {
                var d = masses[r * Combinations + c] - mean;
                squares += d * d;
            }
            var variance = squares / (rows - 1);
            Means[c] = HasStatistics ? (float)((1 - RunningRate) * Means[c] + RunningRate * mean) : (float)mean;
            Variances[c] = HasStatistics ? (float)((1 - RunningRate) * Variances[c] + RunningRate * variance) : (float)variance;
        }
        HasStatistics = true;
    }
}
