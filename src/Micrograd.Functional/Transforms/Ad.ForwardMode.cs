using System.Diagnostics.Contracts;

namespace Micrograd.Functional;

/// <summary>Forward mode: tangents pushed from the inputs to the outputs, ṫ(out) = ∂out/∂a·ṫ(a) + ∂out/∂b·ṫ(b).</summary>
/// <remarks>
/// <see cref="Jvp"/> and <see cref="HessianVectorProduct"/> push exactly the tangents they are given, so a
/// zero tangent meeting an infinite or NaN partial gives NaN (0·∞, as IEEE-754 and JAX's <c>jvp</c>).
/// <see cref="JacobianForward"/> and <see cref="Hessian"/> push one unit direction at a time, and the
/// other inputs pass nothing at all: a non-finite partial along another input does not reach the
/// column (√x at 0 spoils only ∂/∂x). Where every partial is finite, column j is exactly the JVP
/// along eⱼ.
/// </remarks>
public static partial class Ad
{
    /// <summary>
    /// Forward mode, as JAX's <c>jvp</c>: a function of (primals, tangents) giving f(primals) and the
    /// directional derivative ∇f·tangents, both as nodes (so it nests).
    /// </summary>
    /// <param name="f">A scalar function of several variables.</param>
    /// <returns>(x, t) ↦ (f(x), ∇f(x)·t); x and t must have the same length.</returns>
    [Pure]
    public static Func<Value[], Value[], (Value Value, Value Tangent)> Jvp(Func<Value[], Value> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return (primals, tangents) =>
        {
            CheckTangents(primals, tangents, nameof(primals), nameof(tangents));
            var y = Output(f, primals);
            return (y, PushForward(primals, tangents, [y])[0]);
        };
    }

    /// <summary>
    /// The Jacobian J[i, j] = ∂fᵢ/∂xⱼ by forward mode (JAX's <c>jacfwd</c>): one tangent sweep per
    /// input, so it suits functions with fewer inputs than outputs.
    /// </summary>
    /// <param name="f">A function from n variables to m values.</param>
    /// <returns>x ↦ the m × n Jacobian at x, as nodes.</returns>
    [Pure]
    public static Func<Value[], Value[,]> JacobianForward(Func<Value[], Value[]> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x =>
        {
            var y = Outputs(f, x);
            var jacobian = new Value[y.Length, x.Length];
            for (var j = 0; j < x.Length; j++)
            {
                var column = PushForward(x, UnitTangent(x.Length, j), y);
                for (var i = 0; i < y.Length; i++)
                {
                    jacobian[i, j] = column[i];
                }
            }

            return jacobian;
        };
    }

    /// <summary>
    /// The Hessian-vector product H(x)·v without forming H: forward mode over the gradient's graph
    /// (JAX's forward-over-reverse), one reverse and one forward sweep.
    /// </summary>
    /// <param name="f">A scalar function of several variables.</param>
    /// <returns>(x, v) ↦ ∇²f(x)·v, as nodes; x and v must have the same length.</returns>
    [Pure]
    public static Func<Value[], Value[], Value[]> HessianVectorProduct(Func<Value[], Value> f)
    {
        var gradient = Grads(f);
        return (x, v) =>
        {
            CheckTangents(x, v, nameof(x), nameof(v));
            return PushForward(x, v, gradient(x));
        };
    }

    /// <summary>
    /// The Hessian ∂²f/∂xᵢ∂xⱼ, as <c>JacobianForward(Grads(f))</c> (JAX's <c>hessian</c>: forward over
    /// reverse). Its entries are nodes, so it nests and composes with <see cref="Grad"/>.
    /// </summary>
    /// <param name="f">A scalar function of several variables.</param>
    /// <returns>x ↦ the n × n Hessian at x.</returns>
    [Pure]
    public static Func<Value[], Value[,]> Hessian(Func<Value[], Value> f) => JacobianForward(Grads(f));

    /// <summary>
    /// The tangents of <paramref name="outputs"/> when the inputs move along <paramref name="tangents"/>
    /// (null: a zero tangent), visiting each graph in topological order (no recursion). Each node's
    /// tangent is built from the op table's partials over nodes, so the result is differentiable again.
    /// </summary>
    private static Value[] PushForward(Value[] inputs, Value?[] tangents, Value[] outputs)
    {
        var tangent = new Dictionary<Value, Value?>(); // by identity; null is a zero tangent
        for (var i = 0; i < inputs.Length; i++)
        {
            tangent[inputs[i]] = Sum(tangent.GetValueOrDefault(inputs[i]), tangents[i]); // an input passed twice moves along both
        }

        foreach (var output in outputs)
        {
            var graph = Topology.Of(output);
            foreach (var s in graph.Order)
            {
                var node = graph.Nodes[s];
                if (node.Op == Op.Leaf || node.StopsGradient || tangent.ContainsKey(node)) // a stop-gradient's tangent is zero, not 0·ṫ
                {
                    tangent.TryAdd(node, null);
                    continue;
                }

                var (da, db) = SymbolicGradients.LocalPartials(node);
                tangent[node] = Sum(Times(node, da, tangent[node.A!]), node.B is { } b ? Times(node, db, tangent[b]) : null);
            }
        }

        return [.. outputs.Select(o => tangent[o] ?? new Value(0.0))];

        static Value? Sum(Value? x, Value? y) => x is null ? y : y is null ? x : x + y;

        // ∂node/∂operand · ṫ(operand), skipping zero tangents and a 1 that the rules made (never an operand of the graph).
        static Value? Times(Value node, Value local, Value? t) =>
            t is null ? null
            : local.Op == Op.Leaf && local.Primal == 1.0 && !ReferenceEquals(local, node.A) && !ReferenceEquals(local, node.B) ? t
            : local * t;
    }

    /// <summary>eⱼ as tangents: 1 at <paramref name="j"/>, zero (null) elsewhere.</summary>
    private static Value?[] UnitTangent(int length, int j)
    {
        var e = new Value?[length];
        e[j] = new Value(1.0);
        return e;
    }

    private static void CheckTangents(Value[] point, Value[] direction, string pointName, string directionName)
    {
        Checked(point, pointName);
        Checked(direction, directionName);
        if (direction.Length != point.Length)
        {
            throw new ArgumentException($"The point {pointName} has {point.Length} entries but {directionName} has {direction.Length}.", directionName);
        }
    }
}
