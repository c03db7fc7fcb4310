using System.Diagnostics.Contracts;

namespace Micrograd.Functional;

/// <summary>Reverse mode: cotangents pulled from the output back to the inputs.</summary>
public static partial class Ad
{
    /// <summary>
    /// Reverse mode with a pullback, as JAX's <c>vjp</c>: x ↦ (f(x), c ↦ c·∇f(x)), all as nodes.
    /// The gradient is built once, when the function is applied; each pullback call only scales it.
    /// </summary>
    /// <param name="f">A scalar function of several variables.</param>
    [Pure]
    public static Func<Value[], (Value Value, Func<Value, Value[]> Pullback)> Vjp(Func<Value[], Value> f)
    {
        var valueAndGrads = ValueAndGrads(f);
        return x =>
        {
            var (y, grads) = valueAndGrads(x);
            return (y, c =>
            {
                ArgumentNullException.ThrowIfNull(c);
                return [.. grads.Select(g => c * g)];
            });
        };
    }

    /// <summary>
    /// The Jacobian J[i, j] = ∂fᵢ/∂xⱼ by reverse mode (JAX's <c>jacrev</c>): one backward sweep per
    /// output, so it suits functions with fewer outputs than inputs.
    /// </summary>
    /// <param name="f">A function from n variables to m values.</param>
    /// <returns>x ↦ the m × n Jacobian at x, as nodes.</returns>
    [Pure]
    public static Func<Value[], Value[,]> JacobianReverse(Func<Value[], Value[]> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x =>
        {
            var y = Outputs(f, x);
            var jacobian = new Value[y.Length, x.Length];
            for (var i = 0; i < y.Length; i++)
            {
                var row = y[i].BackwardSymbolic().For(x);
                for (var j = 0; j < x.Length; j++)
                {
                    jacobian[i, j] = row[j];
                }
            }

            return jacobian;
        };
    }
}
