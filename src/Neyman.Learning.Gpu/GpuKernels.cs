using ILGPU;
using ILGPU.Algorithms;

namespace Neyman.Learning.Gpu;

/// <summary>
/// The ILGPU kernels of the MLP trainer. Every output element is written by one thread and summed
/// in a fixed order (no atomics), so a run is deterministic on a given device.
/// </summary>
internal static class GpuKernels
{
    /// <summary>Tile edge of the shared-memory GEMM; a group is Tile×Tile threads.</summary>
    public const int Tile = 16;

    /// <summary>Work per thread along each output dimension in the register-blocked GEMM.</summary>
    public const int Block = 4;

    /// <summary>Output tile edge of the register-blocked GEMM: a group of Tile×Tile threads covers Wide×Wide outputs.</summary>
    public const int Wide = Tile * Block;

    /// <summary>
    /// C = A·B with a Wide×Wide output tile per group of Tile×Tile threads, each thread computing a
    /// Block×Block patch from Wide×Tile panels of A and B staged in shared memory.
    /// </summary>
    public static void Gemm(ArrayView<float> a, ArrayView<float> b, ArrayView<float> c, GemmShape s)
    {
        var panelA = SharedMemory.Allocate<float>(Wide * Tile);
        var panelB = SharedMemory.Allocate<float>(Tile * Wide);
        var tx = Group.IdxX;
        var ty = Group.IdxY;
        var rowBase = Grid.IdxY * Wide;
        var colBase = Grid.IdxX * Wide;
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (var p0 = 0; p0 < s.K; p0 += Tile)
        {
            // Each thread loads Block elements of each panel.
            for (var r = 0; r < Block; r++)
            {
                var localRow = ty * Block + r;          // 0..Wide-1
                var row = rowBase + localRow;
                var p = p0 + tx;
                panelA[localRow * Tile + tx] = row < s.M && p < s.K ? a[row * s.ARow + p * s.ACol] : 0f;
                var localCol = tx * Block + r;
                var col = colBase + localCol;
                var q = p0 + ty;
                panelB[ty * Wide + localCol] = q < s.K && col < s.N ? b[q * s.BRow + col * s.BCol] : 0f;
            }
            Group.Barrier();
            for (var p = 0; p < Tile; p++)
            {
                var a0 = panelA[(ty * Block + 0) * Tile + p];
                var a1 = panelA[(ty * Block + 1) * Tile + p];
                var a2 = panelA[(ty * Block + 2) * Tile + p];
                var a3 = panelA[(ty * Block + 3) * Tile + p];
                var b0 = panelB[p * Wide + tx * Block + 0];
                var b1 = panelB[p * Wide + tx * Block + 1];
                var b2 = panelB[p * Wide + tx * Block + 2];
                var b3 = panelB[p * Wide + tx * Block + 3];
                c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
                c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
                c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
                c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
            }
            Group.Barrier();
        }
        var r0 = rowBase + ty * Block;
        var k0 = colBase + tx * Block;
        Store(c, s, r0 + 0, k0, c00, c01, c02, c03);
        Store(c, s, r0 + 1, k0, c10, c11, c12, c13);
        Store(c, s, r0 + 2, k0, c20, c21, c22, c23);
        Store(c, s, r0 + 3, k0, c30, c31, c32, c33);
    }

    private static void Store(ArrayView<float> c, GemmShape s, int row, int col, float v0, float v1, float v2, float v3)
    {
        if (row >= s.M)
        {
            return;
        }
        var start = row * s.N + col;
        if (col + 0 < s.N) { c[start + 0] = v0; }
        if (col + 1 < s.N) { c[start + 1] = v1; }
        if (col + 2 < s.N) { c[start + 2] = v2; }
        if (col + 3 < s.N) { c[start + 3] = v3; }
    }

    /// <summary>z[i, j] = act(z[i, j] + bias[j]) for an m×n block (activation -1 means none).</summary>
    public static void BiasActivation(Index1D index, ArrayView<float> z, ArrayView<float> bias, int n, int activation)
    {
        var v = z[index] + bias[index % n];
        z[index] = activation switch
        {
            0 => XMath.Tanh(v),
            1 => v > 0f ? v : 0f,
            2 => 1f / (1f + XMath.Exp(-v)),
            _ => v,
        };
    }

    /// <summary>delta[i] *= act'(from the activation output a[i]).</summary>
    public static void ActivationBackward(Index1D index, ArrayView<float> delta, ArrayView<float> a, int activation)
    {
        var y = a[index];
        var derivative = activation switch
        {
            0 => 1f - y * y,
            1 => y > 0f ? 1f : 0f,
            _ => y * (1f - y),
        };
        delta[index] *= derivative;
    }

    /// <summary>sum[j] = Σ_i delta[i, j] over m rows, in row order.</summary>
    public static void ColumnSum(Index1D column, ArrayView<float> delta, ArrayView<float> sum, int m, int n)
    {
        var total = 0f;
        for (var i = 0; i < m; i++)
        {
            total += delta[i * n + column];
        }
        sum[column] = total;
    }

    /// <summary>out[r, :] = x[rows[start + r], :] for a batch of rows.</summary>
    public static void GatherRows(Index1D index, ArrayView<float> x, ArrayView<int> rows, int start, int width, ArrayView<float> output)
    {
        var r = index / width;
        var f = index - r * width;
        output[index] = x[(long)rows[start + r] * width + f];
    }

    /// <summary>
    /// Gradient of the weighted mean binary cross-entropy with respect to each logit:
    /// w·(σ(z) − y) / Σw, with label and weight looked up through the batch's row indices.
    /// </summary>
    public static void LogitGradient(Index1D index, ArrayView<float> logits, ArrayView<float> labels, ArrayView<float> weights,
        ArrayView<int> rows, int start, float inverseWeightSum, ArrayView<float> delta)
    {
        var row = rows[start + index];
        var p = 1f / (1f + XMath.Exp(-logits[index]));
        delta[index] = weights[row] * (p - labels[row]) * inverseWeightSum;
    }

    /// <summary>PyTorch's SGD with momentum: v = μ·v + g; θ -= rate·v.</summary>
    public static void SgdMomentum(Index1D index, ArrayView<float> parameters, ArrayView<float> gradient, ArrayView<float> velocity,
        float rate, float momentum)
    {
        var v = momentum * velocity[index] + gradient[index];
        velocity[index] = v;
        parameters[index] -= rate * v;
    }
}
