namespace Neyman.Learning.Gpu.Tests;

/// <summary>One trainer on ILGPU's CPU accelerator shared by a test class, so the kernels compile once.</summary>
public sealed class CpuEmulatedTrainer : IDisposable
{
    public GpuMlpTrainer Trainer { get; } = GpuMlpTrainer.Create(GpuBackend.Cpu);

    public void Dispose() => Trainer.Dispose();
}
