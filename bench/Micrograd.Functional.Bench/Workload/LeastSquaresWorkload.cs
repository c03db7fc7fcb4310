namespace Micrograd.Functional.Bench.Workload;

/// <summary>
/// The data of AutoDiff's "Laplacian-like" benchmark: f(x) = Σᵢ (Σⱼ aᵢⱼ·xⱼ − bᵢ)², a sum of N
/// squared residuals over a few variables, with every aᵢⱼ and bᵢ a constant.
/// </summary>
/// <param name="A">The coefficients; <c>A[i][j]</c> is aᵢⱼ.</param>
/// <param name="B">The targets bᵢ.</param>
/// <param name="X">The point x where f and its gradient are evaluated.</param>
public sealed record LeastSquaresWorkload(double[][] A, double[] B, double[] X)
{
    /// <summary>The number of terms N.</summary>
    public int Terms => B.Length;

    /// <summary>The number of variables (the length of x).</summary>
    public int Variables => X.Length;

    /// <summary>Draws aᵢⱼ, bᵢ and x uniform(−1, 1) from a fixed seed.</summary>
    /// <param name="terms">The number of terms N.</param>
    /// <param name="variables">The number of variables.</param>
    /// <param name="seed">The seed of the <see cref="Random"/>.</param>
    public static LeastSquaresWorkload Create(int terms, int variables, int seed)
    {
        var random = new Random(seed);
        double Draw() => 2 * random.NextDouble() - 1;
        var a = Enumerable.Range(0, terms).Select(_ => Enumerable.Range(0, variables).Select(_ => Draw()).ToArray()).ToArray();
        var b = Enumerable.Range(0, terms).Select(_ => Draw()).ToArray();
        var x = Enumerable.Range(0, variables).Select(_ => Draw()).ToArray();
        return new LeastSquaresWorkload(a, b, x);
    }
}
