using System.Diagnostics;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using Neyman.Core;

namespace Neyman.Learning.Gpu;

/// <summary>
/// Trains and evaluates <see cref="GpuMlpSpec"/> networks with ILGPU kernels on a CUDA GPU (or on
/// ILGPU's CPU emulation, which runs the very same kernels). The training rows are uploaded once;
/// each mini-batch is gathered on the device through a seeded row permutation, so the host only
/// launches kernels. The CPU engine stays Neyman's default; this is the optional GPU path.
/// </summary>
public sealed class GpuMlpTrainer : IDisposable
{
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly Action<KernelConfig, ArrayView<float>, ArrayView<float>, ArrayView<float>, GemmShape> _gemm;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, int, int> _biasActivation;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, int> _activationBackward;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, int, int> _columnSum;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<int>, int, int, ArrayView<float>> _gatherRows;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>, int, float, ArrayView<float>> _logitGradient;
    private readonly Action<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, float, float> _sgd;

    private GpuMlpTrainer(Context context, Accelerator accelerator)
    {
        _context = context;
        _accelerator = accelerator;
        _gemm = accelerator.LoadStreamKernel<ArrayView<float>, ArrayView<float>, ArrayView<float>, GemmShape>(GpuKernels.Gemm);
        _biasActivation = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int, int>(GpuKernels.BiasActivation);
        _activationBackward = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int>(GpuKernels.ActivationBackward);
        _columnSum = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, int, int>(GpuKernels.ColumnSum);
        _gatherRows = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<int>, int, int, ArrayView<float>>(GpuKernels.GatherRows);
        _logitGradient = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, ArrayView<int>, int, float, ArrayView<float>>(GpuKernels.LogitGradient);
        _sgd = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<float>, float, float>(GpuKernels.SgdMomentum);
    }

    /// <summary>Opens an accelerator.</summary>
    /// <exception cref="InvalidOperationException"><see cref="GpuBackend.Cuda"/> was asked for and no CUDA device is present.</exception>
    public static GpuMlpTrainer Create(GpuBackend backend = GpuBackend.Auto)
    {
        // The CPU emulation needs a group as large as the GEMM's Tile×Tile threads.
        var emulated = new CPUDevice(numThreadsPerWarp: 4, numWarpsPerMultiprocessor: GpuKernels.Tile * GpuKernels.Tile / 4, numMultiprocessors: 1);
        var context = Context.Create(builder => builder.Cuda().CPU(emulated).EnableAlgorithms());
        try
        {
            var cuda = context.GetCudaDevices();
            Accelerator accelerator = backend switch
            {
                GpuBackend.Cpu => context.CreateCPUAccelerator(0),
                _ when cuda.Count > 0 => cuda[0].CreateAccelerator(context),
                GpuBackend.Cuda => throw new InvalidOperationException("no CUDA device is present"),
                _ => context.CreateCPUAccelerator(0),
            };
            return new GpuMlpTrainer(context, accelerator);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>The device's name, e.g. "NVIDIA H100 80GB HBM3" or "CPU".</summary>
    public string DeviceName => _accelerator.Name;

    /// <summary>True when the kernels run on a CUDA GPU.</summary>
    public bool IsCuda => _accelerator.AcceleratorType == AcceleratorType.Cuda;

    /// <summary>
    /// Trains with mini-batch SGD; returns the trained parameters and leaves <paramref name="initial"/> unchanged.
    /// </summary>
    /// <param name="initial">The starting network.</param>
    /// <param name="features">Row-major rows × <see cref="GpuMlpSpec.Inputs"/> standardised features.</param>
    /// <param name="labels">0/1 labels, one per row.</param>
    /// <param name="weights">Event weights, one per row (null: all 1).</param>
    /// <param name="options">Optimiser settings.</param>
    /// <param name="timing">Receives the seconds spent in the epochs (uploads excluded), when not null.</param>
    public GpuMlpParameters Train(GpuMlpParameters initial, float[] features, float[] labels, float[]? weights, GpuSgdOptions options,
        Action<double>? timing = null)
    {
        var spec = initial.Spec;
        var rows = labels.Length;
        Preconditions.CheckArgument(rows > 0, "expected at least one training row");
        Preconditions.CheckArgument(features.Length == (long)rows * spec.Inputs, "expected rows × inputs features");
        Preconditions.CheckArgument(weights is null || weights.Length == rows, "expected one weight per row");
        Preconditions.CheckArgument(options.BatchSize > 0 && options.Epochs > 0, "expected a positive batch size and epoch count");
        weights ??= Enumerable.Repeat(1f, rows).ToArray();
        var batch = Math.Min(options.BatchSize, rows);

        using var x = _accelerator.Allocate1D(features);
        using var y = _accelerator.Allocate1D(labels);
        using var w = _accelerator.Allocate1D(weights);
        using var order = _accelerator.Allocate1D<int>(rows);
        using var network = new DeviceNetwork(_accelerator, initial, batch);
        var permutation = Enumerable.Range(0, rows).ToArray();
        var random = new RandomStream(options.Seed, 0x5347_4453);
        _accelerator.Synchronize();
        var clock = Stopwatch.StartNew();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Shuffle(permutation, random);
            order.CopyFromCPU(permutation);
            for (var start = 0; start < rows; start += batch)
            {
                var m = Math.Min(batch, rows - start);
                var weightSum = 0.0;
                for (var i = start; i < start + m; i++)
                {
                    weightSum += weights[permutation[i]];
                }
                Preconditions.CheckArgument(weightSum != 0, $"epoch {epoch + 1}: a mini-batch has zero total weight");
                _gatherRows(m * spec.Inputs, x.View, order.View, start, spec.Inputs, network.Activations[0].View);
                Forward(network, spec, m);
                _logitGradient(m, network.Activations[^1].View, y.View, w.View, order.View, start, (float)(1.0 / weightSum), network.Deltas[^1].View);
                Backward(network, spec, m);
                for (var l = 0; l < spec.LayerCount; l++)
                {
                    _sgd((int)network.Weights[l].Length, network.Weights[l].View, network.WeightGradients[l].View, network.WeightVelocities[l].View,
                        options.LearningRate, options.Momentum);
                    _sgd((int)network.Biases[l].Length, network.Biases[l].View, network.BiasGradients[l].View, network.BiasVelocities[l].View,
                        options.LearningRate, options.Momentum);
                }
            }
        }
        _accelerator.Synchronize();
        timing?.Invoke(clock.Elapsed.TotalSeconds);
        return network.Download(spec);
    }

    /// <summary>The output logits for row-major features, computed in batches on the device.</summary>
    public float[] Predict(GpuMlpParameters parameters, float[] features, int batch = 65536)
    {
        var spec = parameters.Spec;
        Preconditions.CheckArgument(features.Length % spec.Inputs == 0, "expected rows × inputs features");
        var rows = features.Length / spec.Inputs;
        var logits = new float[rows];
        if (rows == 0)
        {
            return logits;
        }
        batch = Math.Min(batch, rows);
        using var network = new DeviceNetwork(_accelerator, parameters, batch);
        for (var start = 0; start < rows; start += batch)
        {
            var m = Math.Min(batch, rows - start);
            network.Activations[0].View.SubView(0, m * spec.Inputs).BaseView.CopyFromCPU(features.AsSpan(start * spec.Inputs, m * spec.Inputs));
            Forward(network, spec, m);
            network.Activations[^1].View.SubView(0, m).BaseView.CopyToCPU(logits.AsSpan(start, m));
        }
        return logits;
    }

    private void Forward(DeviceNetwork network, GpuMlpSpec spec, int m)
    {
        var widths = spec.Widths;
        for (var l = 0; l < spec.LayerCount; l++)
        {
            var z = network.Activations[l + 1].View;
            Multiply(network.Activations[l].View, network.Weights[l].View, z, GemmShape.NN(m, widths[l + 1], widths[l]));
            var activation = l < spec.LayerCount - 1 ? (int)spec.Activation : -1;
            _biasActivation(m * widths[l + 1], z, network.Biases[l].View, widths[l + 1], activation);
        }
    }

    private void Backward(DeviceNetwork network, GpuMlpSpec spec, int m)
    {
        var widths = spec.Widths;
        for (var l = spec.LayerCount - 1; l >= 0; l--)
        {
            var delta = network.Deltas[l + 1].View;
            Multiply(network.Activations[l].View, delta, network.WeightGradients[l].View, GemmShape.TN(widths[l], widths[l + 1], m));
            _columnSum(widths[l + 1], delta, network.BiasGradients[l].View, m, widths[l + 1]);
            if (l > 0)
            {
                var previous = network.Deltas[l].View;
                Multiply(delta, network.Weights[l].View, previous, GemmShape.NT(m, widths[l], widths[l + 1]));
                _activationBackward(m * widths[l], previous, network.Activations[l].View, (int)spec.Activation);
            }
        }
    }

    private void Multiply(ArrayView<float> a, ArrayView<float> b, ArrayView<float> c, GemmShape shape)
    {
        var groups = new Index2D((shape.N + GpuKernels.Wide - 1) / GpuKernels.Wide, (shape.M + GpuKernels.Wide - 1) / GpuKernels.Wide);
        _gemm(new KernelConfig(groups, new Index2D(GpuKernels.Tile, GpuKernels.Tile)), a, b, c, shape);
    }

    private static void Shuffle(int[] permutation, RandomStream random)
    {
        for (var i = permutation.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _accelerator.Dispose();
        _context.Dispose();
    }
}
