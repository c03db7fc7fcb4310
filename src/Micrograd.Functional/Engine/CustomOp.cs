namespace Micrograd.Functional;

/// <summary>
/// A user-defined primitive: a scalar function of one or two values with its own forward formula
/// and derivative rule(s), made once (<see cref="Unary"/>, <see cref="Binary"/>) and applied to
/// nodes with <see cref="Apply(Value)"/>. A node it builds is an <see cref="Op.Custom"/> node like
/// any other: <see cref="Value.Backward"/>, <see cref="Compiler.Compile(Func{Value[], Value}, int)"/>,
/// the transforms of <see cref="Ad"/> and graph drawing (which shows <see cref="Name"/>) all use its rules.
/// </summary>
/// <remarks>
/// <para>
/// <b>Rules over numbers and over values.</b> The numeric rule (f′ over doubles) drives
/// <see cref="Value.Backward"/> and the compiled tape; they call it as they differentiate (a node keeps no
/// partials), so a rule that throws throws there, not when the node is built. The optional rule over <see cref="Value"/>
/// builds f′ as a graph, which is what symbolic gradients need: <see cref="Value.BackwardSymbolic"/>
/// and every transform of <see cref="Ad"/> (<c>Grad</c> and its nesting, <c>Jvp</c>, <c>Vjp</c>,
/// Jacobians, Hessians), and a compiled gradient function. Without it those modes throw <see cref="NotSupportedException"/> naming the op,
/// rather than returning a wrong number. Write the rule over values with ops only (never by reading
/// <see cref="Value.Data"/>: a compiled function would refuse it, or freeze the choice).
/// </para>
/// <para>
/// <b>What a custom op cannot do.</b> Its forward formula is a black box: the library never
/// differentiates it, so the rules you give are the derivative, and nothing checks that they agree
/// with the forward formula or with each other (check them with <see cref="GradCheck"/>). It has
/// at most two operands and no constant parameters (capture them in the delegates). On the
/// compiled tape it is a delegate call, slower than a built-in op, and it is not part of the
/// multiply–accumulate fusion. Two custom ops are the same op only if they are the same object.
/// </para>
/// <para>
/// <b>Thread safety.</b> A custom op is immutable; it is as thread-safe as its delegates, which
/// should be pure functions (they are called from whatever thread builds or differentiates a node).
/// </para>
/// </remarks>
/// <example>
/// softsign(x) = x / (1 + |x|), with softsign′(x) = 1 / (1 + |x|)²:
/// <code>
/// var softsign = CustomOp.Unary("softsign",
///     forward: x => x / (1 + Math.Abs(x)),
///     derivative: x => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x))),
///     derivativeOverValues: x => (1 + x.Abs()).Pow(-2));
/// var y = softsign.Apply(new Value(0.5));
/// </code>
/// </example>
public sealed class CustomOp
{
    private readonly Func<double, double, double> _forward;
    private readonly Func<double, double, (double DA, double DB)> _partials;
    private readonly Func<Value, Value, (Value DA, Value DB)>? _partialsOverValues;

    private CustomOp(string name, int arity, Func<double, double, double> forward, Func<double, double, (double, double)> partials, Func<Value, Value, (Value, Value)>? partialsOverValues)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Arity = arity;
        _forward = forward;
        _partials = partials;
        _partialsOverValues = partialsOverValues;
    }

    /// <summary>The name shown by graph drawing and <see cref="Value.ToString"/>.</summary>
    public string Name { get; }

    /// <summary>The number of operands: 1 or 2.</summary>
    public int Arity { get; }

    /// <summary>True when a derivative rule over <see cref="Value"/> was given, so symbolic gradients (nested <c>Ad.Grad</c>, Hessians) work.</summary>
    public bool HasRuleOverValues => _partialsOverValues is not null;

    /// <summary>Makes a unary primitive out = f(a), with ∂out/∂a = f′(a).</summary>
    /// <param name="name">A name for drawing and printing; not empty.</param>
    /// <param name="forward">f over doubles.</param>
    /// <param name="derivative">f′ over doubles.</param>
    /// <param name="derivativeOverValues">f′ built from ops on <see cref="Value"/> nodes, so the derivative can be differentiated again; optional.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static CustomOp Unary(string name, Func<double, double> forward, Func<double, double> derivative, Func<Value, Value>? derivativeOverValues = null)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(derivative);
        return new CustomOp(name, 1, (a, _) => forward(a), (a, _) => (derivative(a), 0.0),
            derivativeOverValues is null ? null : (a, _) => (derivativeOverValues(a), new Value(0.0)));
    }

    /// <summary>Makes a binary primitive out = f(a, b), with partials (∂out/∂a, ∂out/∂b).</summary>
    /// <param name="name">A name for drawing and printing; not empty.</param>
    /// <param name="forward">f over doubles.</param>
    /// <param name="partials">(∂f/∂a, ∂f/∂b) over doubles.</param>
    /// <param name="partialsOverValues">(∂f/∂a, ∂f/∂b) built from ops on <see cref="Value"/> nodes; optional.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static CustomOp Binary(string name, Func<double, double, double> forward, Func<double, double, (double DA, double DB)> partials, Func<Value, Value, (Value DA, Value DB)>? partialsOverValues = null)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(partials);
        return new CustomOp(name, 2, forward, partials, partialsOverValues);
    }

    /// <summary>f(a) as a new node.</summary>
    /// <param name="a">The operand.</param>
    /// <exception cref="InvalidOperationException">The op is binary.</exception>
    public Value Apply(Value a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Arity == 1 ? Value.OfCustom(this, a, null) : throw ArityMismatch(1);
    }

    /// <summary>f(a, b) as a new node.</summary>
    /// <param name="a">The first operand.</param>
    /// <param name="b">The second operand.</param>
    /// <exception cref="InvalidOperationException">The op is unary.</exception>
    public Value Apply(Value a, Value b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Arity == 2 ? Value.OfCustom(this, a, b) : throw ArityMismatch(2);
    }

    /// <summary>Names the op, e.g. <c>CustomOp(softsign, unary)</c>.</summary>
    public override string ToString() => $"CustomOp({Name}, {(Arity == 1 ? "unary" : "binary")})";

    /// <summary>The forward formula over doubles (b is ignored by a unary op).</summary>
    internal double Forward(double a, double b) => _forward(a, b);

    /// <summary>The numeric derivative rule: (∂out/∂a, ∂out/∂b) at the operands' values (b is ignored by a unary op).</summary>
    internal (double DA, double DB) Partials(double a, double b) => _partials(a, b);

    /// <summary>The forward formula and the numeric derivative rule: out, ∂out/∂a, ∂out/∂b.</summary>
    internal Local Evaluate(double a, double b)
    {
        var (da, db) = _partials(a, b);
        return new Local(_forward(a, b), da, db);
    }

    /// <summary>The derivative rule over nodes, for a node this op built.</summary>
    /// <exception cref="NotSupportedException">No rule over <see cref="Value"/> was given.</exception>
    internal (Value DA, Value DB) PartialsOver(Value node) =>
        _partialsOverValues is { } rule
            ? rule(node.A!, node.B ?? node.A!)
            : throw new NotSupportedException(
                $"The custom op '{Name}' was made without a derivative rule over Value, so it has no symbolic gradient " +
                "(BackwardSymbolic and the Ad transforms: Grad, Jvp, Vjp, Jacobians, Hessians, and a compiled gradient function need one). " +
                $"Pass {(Arity == 1 ? "derivativeOverValues" : "partialsOverValues")} when making it, written with Value ops; " +
                "Backward and the compiled tape work without it.");

    private InvalidOperationException ArityMismatch(int given) =>
        new($"The custom op '{Name}' takes {Arity} operand{(Arity == 1 ? "" : "s")}; it was applied to {given}.");
}
