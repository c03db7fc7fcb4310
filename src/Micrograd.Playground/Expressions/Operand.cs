using Micrograd.Functional;

namespace Micrograd.Playground.Expressions;

/// <summary>
/// A value on the evaluator's stack: a plain number or a graph node. As in micrograd, a number stays a plain double
/// until it meets a node, and then the library's double overloads build the node (<c>c + 1</c>, <c>1 + c</c>,
/// <c>3 * d</c>, <c>10.0 / f</c>, <c>b ** 3</c> as <see cref="Value.Pow(double)"/>), so the graph is exactly the one
/// the same C# builds. Two numbers give a number (Python's float arithmetic, with IEEE's ∞ and NaN instead of
/// Python's exceptions).
/// </summary>
internal readonly struct Operand
{
    private Operand(double number, Value? node) => (Number, Node) = (number, node);

    /// <summary>The number, when <see cref="Node"/> is null.</summary>
    public double Number { get; }

    /// <summary>The node, or null for a plain number.</summary>
    public Value? Node { get; }

    /// <summary>A plain number.</summary>
    public static Operand Of(double number) => new(number, null);

    /// <summary>A node.</summary>
    public static Operand Of(Value node) => new(0, node);

    /// <summary>The operand as a node: a number becomes a constant leaf, as C#'s implicit conversion does.</summary>
    public Value AsNode() => Node ?? new Value(Number);

    /// <summary>a + b.</summary>
    public static Operand operator +(Operand a, Operand b) => (a.Node, b.Node) switch
    {
        (null, null) => Of(a.Number + b.Number),
        ({ } x, null) => Of(x + b.Number),
        (null, { } y) => Of(a.Number + y),
        ({ } x, { } y) => Of(x + y),
    };

    /// <summary>a − b.</summary>
    public static Operand operator -(Operand a, Operand b) => (a.Node, b.Node) switch
    {
        (null, null) => Of(a.Number - b.Number),
        ({ } x, null) => Of(x - b.Number),
        (null, { } y) => Of(a.Number - y),
        ({ } x, { } y) => Of(x - y),
    };

    /// <summary>a · b.</summary>
    public static Operand operator *(Operand a, Operand b) => (a.Node, b.Node) switch
    {
        (null, null) => Of(a.Number * b.Number),
        ({ } x, null) => Of(x * b.Number),
        (null, { } y) => Of(a.Number * y),
        ({ } x, { } y) => Of(x * y),
    };

    /// <summary>a / b.</summary>
    public static Operand operator /(Operand a, Operand b) => (a.Node, b.Node) switch
    {
        (null, null) => Of(a.Number / b.Number),
        ({ } x, null) => Of(x / b.Number),
        (null, { } y) => Of(a.Number / y),
        ({ } x, { } y) => Of(x / y),
    };

    /// <summary>−a (a node's negation is built as a · (−1), micrograd's way).</summary>
    public static Operand operator -(Operand a) => a.Node is { } x ? Of(-x) : Of(-a.Number);

    /// <summary>
    /// aᵇ: a constant exponent for a node base (<see cref="Value.Pow(double)"/>), a differentiable one for a node
    /// exponent (<see cref="Value.Pow(Value)"/>, a number base becoming a constant leaf), a double for two numbers.
    /// </summary>
    public static Operand Power(Operand a, Operand b) => (a.Node, b.Node) switch
    {
        (null, null) => Of(Math.Pow(a.Number, b.Number)),
        ({ } x, null) => Of(x.Pow(b.Number)),
        (_, { } y) => Of(a.AsNode().Pow(y)),
    };
}
