using System.Diagnostics.Contracts;

namespace Micrograd.Functional;

/// <summary>
/// Function transforms in the style of JAX: <see cref="Grad(Func{Value, Value})"/>, value-and-grad,
/// forward mode (<see cref="Jvp(Func{Value[], Value}, IReadOnlyList{double}, IReadOnlyList{double})"/>),
/// reverse mode with a pullback (<see cref="Vjp"/>) and <see cref="Hessian"/>. Gradients are built as
/// graphs (<see cref="Value.BackwardSymbolic"/>), so the transforms nest: the gradient of a gradient is
/// a second derivative. Nested derivatives never confuse their variables, because each derivative
/// is taken with respect to a particular node, by identity.
/// </summary>
public static class Ad
{
    /// <summary>The derivative f′ as a function; nestable: <c>Ad.Grad(Ad.Grad(f))</c> is f″.</summary>
    /// <param name="f">A scalar function of one variable.</param>
    /// <example><c>Ad.Grad(Ad.Grad(x =&gt; x.Pow(3)))(new Value(2.0)).Data</c> is 12.</example>
    [Pure]
    public static Func<Value, Value> Grad(Func<Value, Value> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x => f(x).BackwardSymbolic()[x];
    }

    /// <summary>The gradient ∇f as a function: one partial derivative per input, each a differentiable node.</summary>
    /// <param name="f">A scalar function of several variables.</param>
    [Pure]
    public static Func<Value[], Value[]> Grad(Func<Value[], Value> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x => f(x).BackwardSymbolic().For(x);
    }

    /// <summary>f and f′ together (one evaluation of f).</summary>
    /// <param name="f">A scalar function of one variable.</param>
    [Pure]
    public static Func<Value, (Value Value, Value Gradient)> ValueAndGrad(Func<Value, Value> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x =>
        {
            var y = f(x);
            return (y, y.BackwardSymbolic()[x]);
        };
    }

    /// <summary>f and ∇f together (one evaluation of f).</summary>
    /// <param name="f">A scalar function of several variables.</param>
    [Pure]
    public static Func<Value[], (Value Value, Value[] Gradient)> ValueAndGrad(Func<Value[], Value> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x =>
        {
            var y = f(x);
            return (y, y.BackwardSymbolic().For(x));
        };
    }

    /// <summary>
    /// Forward mode: f(primals) and the directional derivative ∇f·tangents, pushing tangents from the
    /// inputs to the output in topological order with the op table's local partials:
    /// ṫ(out) = ∂out/∂a·ṫ(a) + ∂out/∂b·ṫ(b).
    /// </summary>
    /// <param name="f">A scalar function of several variables.</param>
    /// <param name="primals">The point.</param>
    /// <param name="tangents">The direction, one entry per input.</param>
    [Pure]
    public static (double Value, double Tangent) Jvp(Func<Value[], Value> f, IReadOnlyList<double> primals, IReadOnlyList<double> tangents)
    {
        var (x, y) = Evaluate(f, primals, tangents);
        var graph = Topology.Of(y);
        var input = x.Select((leaf, i) => (leaf, i)).ToDictionary(p => p.leaf, p => p.i);
        var tangent = new double[graph.Count];
        foreach (var s in graph.Order)
        {
            var node = graph.Nodes[s];
            tangent[s] = node.Op == Op.Leaf
                ? input.TryGetValue(node, out var i) ? tangents[i] : 0.0
                : node.StopsGradient ? 0.0
                : node.PartialA * tangent[graph.OperandA[s]] + (graph.OperandB[s] >= 0 ? node.PartialB * tangent[graph.OperandB[s]] : 0.0);
        }

        return (y.Data, tangent[0]);
    }

    /// <summary>Reverse mode with a pullback: f(primals), and a function from a cotangent c to c·∇f.</summary>
    /// <param name="f">A scalar function of several variables.</param>
    /// <param name="primals">The point.</param>
    [Pure]
    public static (double Value, Func<double, double[]> Pullback) Vjp(Func<Value[], Value> f, IReadOnlyList<double> primals)
    {
        var (x, y) = Evaluate(f, primals, primals);
        var gradient = y.Backward().For(x);
        return (y.Data, c => [.. gradient.Select(g => c * g)]);
    }

    /// <summary>The Hessian ∂²f/∂xᵢ∂xⱼ as a function of the point: the gradient of each component of the symbolic gradient.</summary>
    /// <param name="f">A scalar function of several variables.</param>
    [Pure]
    public static Func<IReadOnlyList<double>, double[,]> Hessian(Func<Value[], Value> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return point =>
        {
            var (x, y) = Evaluate(f, point, point);
            var gradient = y.BackwardSymbolic().For(x);
            var hessian = new double[x.Length, x.Length];
            for (var i = 0; i < x.Length; i++)
            {
                var row = gradient[i].Backward();
                for (var j = 0; j < x.Length; j++)
                {
                    hessian[i, j] = row[x[j]];
                }
            }

            return hessian;
        };
    }

    /// <summary>f on fresh leaves holding <paramref name="primals"/>, after checking the arguments.</summary>
    private static (Value[] Inputs, Value Output) Evaluate(Func<Value[], Value> f, IReadOnlyList<double> primals, IReadOnlyList<double> tangents)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(primals);
        ArgumentNullException.ThrowIfNull(tangents);
        if (tangents.Count != primals.Count)
        {
            throw new ArgumentException($"There are {primals.Count} primals but {tangents.Count} tangents.", nameof(tangents));
        }

        Value[] x = [.. primals.Select(p => new Value(p))];
        return (x, f(x) ?? throw new ArgumentNullException(nameof(f), "The function returned null."));
    }
}
