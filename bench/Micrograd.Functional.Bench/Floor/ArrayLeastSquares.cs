using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Floor;

/// <summary>
/// f(x) = Σᵢ (Σⱼ aᵢⱼ·xⱼ − bᵢ)² and its gradient ∂f/∂xⱼ = Σᵢ 2·rᵢ·aᵢⱼ written by hand on arrays,
/// in the graph's arithmetic order: the floor for the compiled tape on this workload.
/// </summary>
/// <param name="workload">The constants aᵢⱼ and bᵢ.</param>
public sealed class ArrayLeastSquares(LeastSquaresWorkload workload)
{
    /// <summary>f(x).</summary>
    /// <param name="x">The variables.</param>
    public double Evaluate(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < workload.Terms; i++)
        {
            var r = Residual(workload.A[i], workload.B[i], x);
            sum += r * r;
        }

        return sum;
    }

    /// <summary>f(x), with ∂f/∂x written to <paramref name="gradient"/>.</summary>
    /// <param name="x">The variables.</param>
    /// <param name="gradient">Receives one partial derivative per variable.</param>
    public double ValueAndGrad(ReadOnlySpan<double> x, Span<double> gradient)
    {
        gradient.Clear();
        var sum = 0.0;
        for (var i = 0; i < workload.Terms; i++)
        {
            var a = workload.A[i];
            var r = Residual(a, workload.B[i], x);
            sum += r * r;
            var twoR = r + r; // ∂(r·r)/∂r, as the graph's product rule sums it: r·1 + r·1
            for (var j = 0; j < x.Length; j++)
            {
                gradient[j] += a[j] * twoR;
            }
        }

        return sum;
    }

    private static double Residual(double[] a, double b, ReadOnlySpan<double> x)
    {
        var r = a[0] * x[0];
        for (var j = 1; j < x.Length; j++)
        {
            r += a[j] * x[j];
        }

        return r + -b;
    }
}
