namespace Neyman.Learning.Gpu;

/// <summary>Which ILGPU accelerator runs the kernels.</summary>
public enum GpuBackend
{
    /// <summary>The first CUDA device when one is present, otherwise the CPU emulation.</summary>
    Auto,

    /// <summary>An NVIDIA GPU through CUDA; fails when none is present.</summary>
    Cuda,

    /// <summary>ILGPU's CPU accelerator: the same kernels, run on the CPU (for tests and machines without a GPU).</summary>
    Cpu,
}
