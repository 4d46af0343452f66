using ILGPU;
using ILGPU.Runtime;

namespace Neyman.Learning.Gpu;

/// <summary>The device buffers of one network: parameters, gradients, velocities and per-layer batch activations and deltas.</summary>
internal sealed class DeviceNetwork : IDisposable
{
    public DeviceNetwork(Accelerator accelerator, GpuMlpParameters parameters, int batch)
    {
        var spec = parameters.Spec;
        var widths = spec.Widths;
        var layers = spec.LayerCount;
        Weights = new MemoryBuffer1D<float, Stride1D.Dense>[layers];
        Biases = new MemoryBuffer1D<float, Stride1D.Dense>[layers];
        WeightGradients = new MemoryBuffer1D<float, Stride1D.Dense>[layers];
        BiasGradients = new MemoryBuffer1D<float, Stride1D.Dense>[layers];
        WeightVelocities = new MemoryBuffer1D<float, Stride1D.Dense>[layers];
        BiasVelocities = new MemoryBuffer1D<float, Stride1D.Dense>[layers];
        Activations = new MemoryBuffer1D<float, Stride1D.Dense>[layers + 1];
        Deltas = new MemoryBuffer1D<float, Stride1D.Dense>[layers + 1];
        for (var l = 0; l < layers; l++)
        {
            Weights[l] = accelerator.Allocate1D(parameters.Weights[l]);
            Biases[l] = accelerator.Allocate1D(parameters.Biases[l]);
            WeightGradients[l] = accelerator.Allocate1D<float>(parameters.Weights[l].Length);
            BiasGradients[l] = accelerator.Allocate1D<float>(parameters.Biases[l].Length);
            WeightVelocities[l] = accelerator.Allocate1D<float>(parameters.Weights[l].Length);
            BiasVelocities[l] = accelerator.Allocate1D<float>(parameters.Biases[l].Length);
            WeightVelocities[l].MemSetToZero();
            BiasVelocities[l].MemSetToZero();
        }
        for (var l = 0; l <= layers; l++)
        {
            Activations[l] = accelerator.Allocate1D<float>((long)batch * widths[l]);
            Deltas[l] = accelerator.Allocate1D<float>((long)batch * widths[l]);
        }
    }

    public MemoryBuffer1D<float, Stride1D.Dense>[] Weights { get; }

    public MemoryBuffer1D<float, Stride1D.Dense>[] Biases { get; }

    public MemoryBuffer1D<float, Stride1D.Dense>[] WeightGradients { get; }

    public MemoryBuffer1D<float, Stride1D.Dense>[] BiasGradients { get; }

    public MemoryBuffer1D<float, Stride1D.Dense>[] WeightVelocities { get; }

    public MemoryBuffer1D<float, Stride1D.Dense>[] BiasVelocities { get; }

    /// <summary>Activations[0] is the input batch, Activations[l + 1] the output of layer l (the last holds the logits).</summary>
    public MemoryBuffer1D<float, Stride1D.Dense>[] Activations { get; }

    /// <summary>Deltas[l + 1] is the loss gradient with respect to layer l's pre-activation.</summary>
    public MemoryBuffer1D<float, Stride1D.Dense>[] Deltas { get; }

    public GpuMlpParameters Download(GpuMlpSpec spec) =>
        new(spec, Weights.Select(b => b.GetAsArray1D()).ToArray(), Biases.Select(b => b.GetAsArray1D()).ToArray());

    public void Dispose()
    {
        foreach (var buffer in Weights.Concat(Biases).Concat(WeightGradients).Concat(BiasGradients)
            .Concat(WeightVelocities).Concat(BiasVelocities).Concat(Activations).Concat(Deltas))
        {
            buffer.Dispose();
        }
    }
}
