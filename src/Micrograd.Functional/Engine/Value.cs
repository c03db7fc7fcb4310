using System.Diagnostics.Contracts;
using System.Globalization;
using System.Text;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Micrograd.Functional;

/// <summary>
/// An immutable node of a scalar expression graph: a leaf (input, parameter or constant) or the
/// result of one primitive <see cref="Functional.Op"/> on one or two operand nodes. Its
/// <see cref="Data"/> is computed eagerly when it is built, as in micrograd; its gradients are
/// not stored on it but returned by <see cref="Backward"/> as a <see cref="Gradients"/> map.
/// </summary>
/// <remarks>
/// <para>
/// <b>Identity.</b> Every node is distinct: two leaves holding equal data are different nodes with
/// gradients of their own. Equality and hashing are by identity (never structural), so a node is
/// a cheap dictionary key and comparing or hashing it never walks its graph. A <c>with</c> copy is
/// a new node with a new <see cref="Id"/>.
/// </para>
/// <para>
/// <b>Thread safety.</b> A node never changes after construction, so a graph can be read and
/// differentiated from any number of threads at once.
/// </para>
/// </remarks>
public sealed partial record Value
{
    // A node is 64 bytes on a 64-bit runtime: the object header (16), the two operands, the exponent, the label or custom
    // rule, the value, and one word for the id, the op and the traced flag. Its local partials are not stored: the backward
    // pass computes them from the rule table and the operands' values (Backward.cs, NumericAlgebra).
    private const int OpShift = 56; // the op in the top byte (bits 56–63): every Op, a byte, fits
    private const ulong TracedBit = 1UL << 55;
    private const long MaxId = (1L << 55) - 1; // ids in bits 0–54: 3.6·10¹⁶ nodes, 11 years at 10⁸ nodes per second

    private static long s_lastId;

    private readonly Value? _a;
    private readonly Value? _b;
    private readonly double _exponent;
    private readonly object? _meta; // a leaf's label (string) or a custom op's rule (CustomOp): one field for both
    private readonly ulong _stamp; // Id | IsTraced << 55 | Op << 56

    /// <summary>Creates a leaf node: an input, a parameter or a constant.</summary>
    /// <param name="data">The leaf's value. Any double, NaN and ±∞ included.</param>
    /// <param name="label">An optional name, shown by <see cref="ToString"/> and by graph tracing.</param>
    public Value(double data, string? label = null)
    {
        Primal = data;
        _meta = label;
        _stamp = Stamp(Op.Leaf, traced: false);
    }

    /// <summary>Creates the result of applying <paramref name="op"/> to its operands, using the op table's forward formula (or the custom op's own).</summary>
    private Value(Op op, Value a, Value? b, double exponent = 0.0, CustomOp? custom = null)
    {
        Primal = custom is null
            ? Calculus.Forward(op, a.Primal, b?.Primal ?? 0.0, exponent)
            : custom.Forward(a.Primal, b?.Primal ?? 0.0);
        _a = a;
        _b = b;
        _exponent = exponent;
        _meta = custom;
        _stamp = Stamp(op, traced: a.IsTraced || (b?.IsTraced ?? false));
    }

    /// <summary>The copy constructor behind <c>with</c>: the copy is a new node with a fresh identity.</summary>
    private Value(Value original)
    {
        Primal = original.Primal;
        _meta = original._meta;
        _a = original._a;
        _b = original._b;
        _exponent = original._exponent;
        _stamp = Stamp(original.Op, original.IsTraced);
    }

    /// <summary>The node's value, computed when the node was built.</summary>
    /// <exception cref="InvalidOperationException">
    /// The node is being traced by <see cref="Compiler.Compile(Func{Value[], Value}, int)"/>: its value
    /// is a placeholder, and a decision taken on it would be frozen into the compiled function.
    /// </exception>
    public double Data => IsTraced ? throw TracedDataRead() : Primal;

    /// <summary>The node's value, for the library's own arithmetic; unlike <see cref="Data"/> it may be read while tracing.</summary>
    internal double Primal { get; }

    /// <summary>
    /// True when the node depends on a placeholder input of <see cref="Compiler.Compile(Func{Value[], Value}, int)"/>:
    /// its value exists only as a placeholder, so <see cref="Data"/> refuses to be read.
    /// </summary>
    internal bool IsTraced
    {
        get => (_stamp & TracedBit) != 0;
        private init => _stamp = value ? _stamp | TracedBit : _stamp & ~TracedBit;
    }

    /// <summary>The primitive operation that produced this node, or <see cref="Op.Leaf"/>.</summary>
    public Op Op => (Op)(_stamp >> OpShift);

    /// <summary>The optional name given to a leaf at construction.</summary>
    public string? Label => _meta as string;

    /// <summary>
    /// A process-wide sequence number: unique per node and increasing in creation order, so a
    /// node's id is always greater than its operands' ids.
    /// </summary>
    public long Id => (long)(_stamp & (ulong)MaxId);

    /// <summary>The operands of this node: none for a leaf, one for a unary op, two for a binary one (+, ·, aᵇ, max, min, where, a binary custom op).</summary>
    /// <remarks>Allocates a small array on each call; meant for tracing and inspection.</remarks>
    [Pure]
    public IReadOnlyList<Value> Operands => (_a, _b) switch
    {
        (null, _) => [],
        (var a, null) => [a],
        (var a, var b) => [a, b],
    };

    /// <summary>The constant exponent p of a <see cref="Op.Pow"/> node (aᵖ); None for other nodes.</summary>
    [Pure]
    public Option<double> Exponent => Op == Op.Pow ? Some(_exponent) : None;

    /// <summary>The constant exponent p of a <see cref="Op.Pow"/> node; 0 for other nodes (the rule table ignores it there).</summary>
    internal double P => _exponent;

    /// <summary>The user-defined primitive of an <see cref="Op.Custom"/> node; null for other nodes.</summary>
    internal CustomOp? Custom => _meta as CustomOp;

    /// <summary>True for a <see cref="Op.StopGradient"/> node: every differentiation mode passes nothing (exactly 0) to its operand.</summary>
    internal bool StopsGradient => Op == Op.StopGradient;

    /// <summary>The first operand, or null for a leaf.</summary>
    internal Value? A => _a;

    /// <summary>The second operand, or null for a leaf or a unary op.</summary>
    internal Value? B => _b;

    /// <summary>Identity equality: true only when <paramref name="other"/> is this very node.</summary>
    /// <param name="other">The node to compare with.</param>
    [Pure]
    public bool Equals(Value? other) => ReferenceEquals(this, other);

    /// <summary>A hash of the node's identity; never walks the graph.</summary>
    [Pure]
    public override int GetHashCode() => Id.GetHashCode();

    /// <summary>Describes this node alone (never its graph), e.g. <c>Value(data=-4, label=a, id=1)</c> or <c>Value(data=-2, op=Add, id=3)</c>.</summary>
    [Pure]
    public override string ToString()
    {
        var text = new StringBuilder("Value(");
        PrintMembers(text);
        return text.Append(')').ToString();
    }

    /// <summary>Prints the node's own members: data, then op and id for a result, or label for a named leaf.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("data=").Append(Primal.ToString(CultureInfo.InvariantCulture));
        if (IsTraced)
        {
            builder.Append(" (traced placeholder)");
        }

        if (Op != Op.Leaf)
        {
            builder.Append(", op=").Append(Op);
            if (Custom is { } custom)
            {
                builder.Append('(').Append(custom.Name).Append(')');
            }

            Exponent.IfSome(p => builder.Append(", exponent=").Append(p.ToString(CultureInfo.InvariantCulture)));
        }

        if (Label is not null)
        {
            builder.Append(", label=").Append(Label);
        }

        builder.Append(", id=").Append(Id);
        return true;
    }

    /// <summary>A placeholder input of a function being compiled: a leaf whose <see cref="Data"/> may not be read.</summary>
    /// <param name="placeholder">The value shown by <see cref="ToString"/> while tracing.</param>
    internal static Value Tracer(double placeholder) => new(placeholder) { IsTraced = true };

    private InvalidOperationException TracedDataRead() => new(
        $"Value.Data was read while compiling, on {this}. A compiled function runs one fixed tape for every input, " +
        "so a decision taken on a placeholder value would be frozen into it (the other branch would never run). " +
        "Write the choice as an op (Relu, Max, Min, Abs, Step), or compile each branch separately, or use " +
        "Compiler.CompileChecked, which traces at real points and reports where the paths differ. " +
        "To log inside a compiled function, print the node itself (ToString marks it as traced).");

    /// <summary>A new node's word: a fresh id (one more than the last node's), its op and whether it is traced.</summary>
    private static ulong Stamp(Op op, bool traced)
    {
        var id = Interlocked.Increment(ref s_lastId);
        if (id > MaxId)
        {
            throw IdsExhausted();
        }

        return (ulong)id | (traced ? TracedBit : 0) | (ulong)op << OpShift;
    }

    private static InvalidOperationException IdsExhausted() => new(
        $"This process has built {MaxId:N0} nodes, as many as a node's 55-bit id can number; no more can be built. " +
        "Ids order a graph's nodes, so they are never reused: start a new process.");

    /// <summary>Builds a unary node.</summary>
    private static Value Unary(Op op, Value a, double exponent = 0.0) => new(op, a, null, exponent);

    /// <summary>Builds a binary node.</summary>
    private static Value Binary(Op op, Value a, Value b) => new(op, a, b);

    /// <summary>Builds a node of a user-defined primitive, with its own forward formula and derivative rules.</summary>
    internal static Value OfCustom(CustomOp custom, Value a, Value? b) => new(Op.Custom, a, b, custom: custom);
}
