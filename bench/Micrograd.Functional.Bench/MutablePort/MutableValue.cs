namespace Micrograd.Functional.Bench.MutablePort;

/// <summary>
/// micrograd's <c>Value</c> ported to C# the way public ports do it: a mutable node holding its
/// data, a gradient the backward pass accumulates into, its children, and a closure that pushes
/// its gradient to them. Composites are micrograd's: −a = a·(−1), a − b = a + (−b),
/// a / b = a·b⁻¹, and a double operand becomes a constant leaf.
/// </summary>
/// <remarks>
/// The baseline of the benchmarks, so it is a fair one: children are a plain array rather than
/// a per-node <see cref="HashSet{T}"/> (as micrograd's <c>set(_children)</c> would be), and the
/// topological sort is iterative, so deep graphs do not overflow the stack.
/// </remarks>
public sealed class MutableValue
{
    private static readonly Action s_leafBackward = () => { };

    private readonly MutableValue[] _prev;
    private readonly string _op;
    private Action _backward = s_leafBackward;

    /// <summary>Creates a leaf: an input, a parameter or a constant.</summary>
    /// <param name="data">The leaf's value.</param>
    public MutableValue(double data)
        : this(data, [], string.Empty)
    {
    }

    private MutableValue(double data, MutableValue[] prev, string op)
    {
        Data = data;
        _prev = prev;
        _op = op;
    }

    /// <summary>The node's value.</summary>
    public double Data { get; set; }

    /// <summary>∂output/∂this, accumulated by <see cref="Backward"/>; reset it with <see cref="ZeroGrad"/>.</summary>
    public double Grad { get; set; }

    /// <summary>a + b; both receive the output's gradient.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    public static MutableValue operator +(MutableValue a, MutableValue b)
    {
        var result = new MutableValue(a.Data + b.Data, [a, b], "+");
        result._backward = () =>
        {
            a.Grad += result.Grad;
            b.Grad += result.Grad;
        };
        return result;
    }

    /// <summary>a + b, with b a constant leaf.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The constant.</param>
    public static MutableValue operator +(MutableValue a, double b) => a + new MutableValue(b);

    /// <summary>a + b, built as b + a (micrograd's <c>__radd__</c>).</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right operand.</param>
    public static MutableValue operator +(double a, MutableValue b) => b + a;

    /// <summary>a · b; ∂/∂a = b, ∂/∂b = a.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    public static MutableValue operator *(MutableValue a, MutableValue b)
    {
        var result = new MutableValue(a.Data * b.Data, [a, b], "*");
        result._backward = () =>
        {
            a.Grad += b.Data * result.Grad;
            b.Grad += a.Data * result.Grad;
        };
        return result;
    }

    /// <summary>a · b, with b a constant leaf.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The constant.</param>
    public static MutableValue operator *(MutableValue a, double b) => a * new MutableValue(b);

    /// <summary>a · b, built as b · a (micrograd's <c>__rmul__</c>).</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right operand.</param>
    public static MutableValue operator *(double a, MutableValue b) => b * a;

    /// <summary>−a, built as a · (−1).</summary>
    /// <param name="a">The operand.</param>
    public static MutableValue operator -(MutableValue a) => a * -1.0;

    /// <summary>a − b, built as a + (−b).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    public static MutableValue operator -(MutableValue a, MutableValue b) => a + -b;

    /// <summary>a / b, built as a · b⁻¹ with b⁻¹ a constant leaf (Python computes the float's power).</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The constant divisor.</param>
    public static MutableValue operator /(MutableValue a, double b) => a * Math.Pow(b, -1.0);

    /// <summary>a / b, built as b⁻¹ · a (micrograd's <c>__rtruediv__</c>).</summary>
    /// <param name="a">The constant dividend.</param>
    /// <param name="b">The divisor.</param>
    public static MutableValue operator /(double a, MutableValue b) => b.Pow(-1.0) * a;

    /// <summary>Sets the gradient of every parameter to 0 before a new backward pass (micrograd's <c>zero_grad</c>).</summary>
    /// <param name="parameters">The parameters.</param>
    public static void ZeroGrad(IEnumerable<MutableValue> parameters)
    {
        foreach (var p in parameters)
        {
            p.Grad = 0.0;
        }
    }

    /// <summary>thisᵖ for a constant p; d/dx xᵖ = p·xᵖ⁻¹.</summary>
    /// <param name="exponent">The constant exponent p.</param>
    public MutableValue Pow(double exponent)
    {
        var result = new MutableValue(Math.Pow(Data, exponent), [this], $"**{exponent}");
        result._backward = () => Grad += exponent * Math.Pow(Data, exponent - 1) * result.Grad;
        return result;
    }

    /// <summary>max(0, x); the gradient passes where the output is positive.</summary>
    public MutableValue Relu()
    {
        var result = new MutableValue(Data < 0 ? 0.0 : Data, [this], "ReLU");
        result._backward = () => Grad += (result.Data > 0 ? 1.0 : 0.0) * result.Grad;
        return result;
    }

    /// <summary>tanh x; d/dx tanh x = 1 − tanh² x.</summary>
    public MutableValue Tanh()
    {
        var t = Math.Tanh(Data);
        var result = new MutableValue(t, [this], "tanh");
        result._backward = () => Grad += (1 - t * t) * result.Grad;
        return result;
    }

    /// <summary>
    /// Sets this node's gradient to 1 and every other node's gradient in its graph to ∂this/∂node
    /// (added to what it held): sorts the graph topologically, then runs each node's closure
    /// from this node back to the leaves.
    /// </summary>
    public void Backward()
    {
        var topo = TopologicalOrder();
        Grad = 1.0;
        for (var i = topo.Count - 1; i >= 0; i--)
        {
            topo[i]._backward();
        }
    }

    /// <summary>The post-order depth-first search of micrograd's <c>build_topo</c>, with an explicit stack instead of recursion.</summary>
    private List<MutableValue> TopologicalOrder()
    {
        var topo = new List<MutableValue>();
        var visited = new HashSet<MutableValue>();
        var stack = new Stack<(MutableValue Node, bool ChildrenDone)>();
        stack.Push((this, false));
        while (stack.Count > 0)
        {
            var (node, childrenDone) = stack.Pop();
            if (childrenDone)
            {
                topo.Add(node);
            }
            else if (visited.Add(node))
            {
                stack.Push((node, true)); // placed after every child pushed above it
                foreach (var child in node._prev)
                {
                    if (!visited.Contains(child))
                    {
                        stack.Push((child, false));
                    }
                }
            }
        }

        return topo;
    }

    /// <summary>Describes the node like micrograd's <c>__repr__</c>, plus the op that produced it.</summary>
    public override string ToString() => $"MutableValue(data={Data}, grad={Grad}, op={_op})";
}
