namespace Micrograd.Functional.Bench.Graphs;

/// <summary>
/// The scalar operations the benchmark graphs are written in, so each graph is defined once and
/// built by both autograd implementations. An implementation forwards each member to its own
/// operator, keeping that implementation's micrograd semantics (a double operand becomes a
/// constant leaf). Static abstract members on a struct type argument are resolved when the
/// generic code is compiled, so they cost a direct (inlinable) call.
/// </summary>
/// <typeparam name="T">The node type, e.g. <see cref="Value"/>.</typeparam>
public interface IScalarOps<T>
{
    /// <summary>A new leaf: an input or a parameter.</summary>
    /// <param name="data">The leaf's value.</param>
    static abstract T Leaf(double data);

    /// <summary>a + b.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    static abstract T Add(T a, T b);

    /// <summary>a + c, c becoming a constant leaf (Python's <c>a + 1</c>).</summary>
    /// <param name="a">The node.</param>
    /// <param name="c">The constant.</param>
    static abstract T Add(T a, double c);

    /// <summary>c + a, c becoming a constant leaf (Python's <c>1 + a</c>, micrograd's <c>__radd__</c>).</summary>
    /// <param name="c">The constant.</param>
    /// <param name="a">The node.</param>
    static abstract T Add(double c, T a);

    /// <summary>a · b.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    static abstract T Mul(T a, T b);

    /// <summary>a · c, c becoming a constant leaf.</summary>
    /// <param name="a">The node.</param>
    /// <param name="c">The constant.</param>
    static abstract T Mul(T a, double c);

    /// <summary>c · a, c becoming a constant leaf (micrograd's <c>__rmul__</c>).</summary>
    /// <param name="c">The constant.</param>
    /// <param name="a">The node.</param>
    static abstract T Mul(double c, T a);

    /// <summary>max(0, a).</summary>
    /// <param name="a">The operand.</param>
    static abstract T Relu(T a);

    /// <summary>tanh a.</summary>
    /// <param name="a">The operand.</param>
    static abstract T Tanh(T a);
}
