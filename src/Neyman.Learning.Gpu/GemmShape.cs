namespace Neyman.Learning.Gpu;

/// <summary>
/// Shape and strides of <c>C (M×N) = A (M×K) · B (K×N)</c>: element (i, p) of A is at
/// <c>i·ARow + p·ACol</c>, so a transposed operand is the same buffer with swapped strides.
/// C is dense row-major.
/// </summary>
internal readonly struct GemmShape
{
    public GemmShape(int m, int n, int k, int aRow, int aCol, int bRow, int bCol)
    {
        M = m;
        N = n;
        K = k;
        ARow = aRow;
        ACol = aCol;
        BRow = bRow;
        BCol = bCol;
    }

    public int M { get; }

    public int N { get; }

    public int K { get; }

    public int ARow { get; }

    public int ACol { get; }

    public int BRow { get; }

    public int BCol { get; }

    /// <summary>A (M×K) · B (K×N), both row-major.</summary>
    public static GemmShape NN(int m, int n, int k) => new(m, n, k, k, 1, n, 1);

    /// <summary>Aᵀ · B where the stored A is K×M and B is K×N, both row-major.</summary>
    public static GemmShape TN(int m, int n, int k) => new(m, n, k, 1, m, n, 1);

    /// <summary>A · Bᵀ where A is M×K and the stored B is N×K, both row-major.</summary>
    public static GemmShape NT(int m, int n, int k) => new(m, n, k, k, 1, 1, k);
}
