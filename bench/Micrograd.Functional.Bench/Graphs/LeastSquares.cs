using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Graphs;

/// <summary>
/// AutoDiff's "Laplacian-like" function as a graph: f(x) = Σᵢ rᵢ² with rᵢ = Σⱼ aᵢⱼ·xⱼ − bᵢ.
/// Each term is 21 ops on 11 constant leaves (10 products, 9 sums, − bᵢ, and rᵢ·rᵢ), and the
/// terms are summed left to right.
/// </summary>
public static class LeastSquares
{
    /// <summary>Builds f with <paramref name="x"/> as the variables and every aᵢⱼ, bᵢ a constant leaf.</summary>
    /// <typeparam name="T">The node type.</typeparam>
    /// <typeparam name="TOps">The operations on <typeparamref name="T"/>.</typeparam>
    /// <param name="workload">The constants aᵢⱼ and bᵢ.</param>
    /// <param name="x">The variables, one per column of A.</param>
    public static T Build<T, TOps>(LeastSquaresWorkload workload, T[] x)
        where TOps : struct, IScalarOps<T>
    {
        var sum = Square<T, TOps>(workload.A[0], workload.B[0], x);
        for (var i = 1; i < workload.Terms; i++)
        {
            sum = TOps.Add(sum, Square<T, TOps>(workload.A[i], workload.B[i], x));
        }

        return sum;
    }

    /// <summary>rᵢ² = (aᵢ₀x₀ + aᵢ₁x₁ + … − bᵢ)², with − bᵢ added as the constant −bᵢ (micrograd's <c>a − b</c>) and the square as r·r.</summary>
    private static T Square<T, TOps>(double[] a, double b, T[] x)
        where TOps : struct, IScalarOps<T>
    {
        var r = TOps.Mul(a[0], x[0]);
        for (var j = 1; j < x.Length; j++)
        {
            r = TOps.Add(r, TOps.Mul(a[j], x[j]));
        }

        r = TOps.Add(r, -b);
        return TOps.Mul(r, r);
    }
}
