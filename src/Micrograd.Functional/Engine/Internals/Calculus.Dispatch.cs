using System.Runtime.CompilerServices;

namespace Micrograd.Functional;

/// <summary>The value of one operation together with its local partial derivatives.</summary>
/// <param name="Out">out = f(a, b).</param>
/// <param name="DA">∂out/∂a.</param>
/// <param name="DB">∂out/∂b (0 for unary operations).</param>
internal readonly record struct Local(double Out, double DA, double DB);

/// <content>
/// The two tables of <c>Calculus.cs</c> fused for the JIT: the compiled tape's forward pass needs the output and both
/// partials of one op on numbers, and a switch per table would dispatch three times. Here each arm passes a constant
/// op to both tables, so the compiler folds their switches away: one dispatch per node. Same formulas, same bits.
/// </content>
internal static partial class Calculus
{
    /// <summary>The forward formula and the derivative rule on numbers: out, ∂out/∂a, ∂out/∂b.</summary>
    /// <param name="op">The primitive operation; not <see cref="Op.Leaf"/>.</param>
    /// <param name="a">The first operand's value.</param>
    /// <param name="b">The second operand's value (ignored by unary operations).</param>
    /// <param name="p">The constant exponent of <see cref="Op.Pow"/> (ignored by the others).</param>
    /// <remarks>One dispatch on the op: each arm passes a constant op to the two tables, so the compiler folds their own switches away.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Local Apply(Op op, double a, double b, double p) => op switch
    {
        Op.Add          => Rule(Op.Add, a, b, p),
        Op.Mul          => Rule(Op.Mul, a, b, p),
        Op.Pow          => Rule(Op.Pow, a, b, p),
        Op.Relu         => Rule(Op.Relu, a, b, p),
        Op.Tanh         => Rule(Op.Tanh, a, b, p),
        Op.Exp          => Rule(Op.Exp, a, b, p),
        Op.Log          => Rule(Op.Log, a, b, p),
        Op.Sigmoid      => Rule(Op.Sigmoid, a, b, p),
        Op.Softplus     => Rule(Op.Softplus, a, b, p),
        Op.Sin          => Rule(Op.Sin, a, b, p),
        Op.Cos          => Rule(Op.Cos, a, b, p),
        Op.Sqrt         => Rule(Op.Sqrt, a, b, p),
        Op.Abs          => Rule(Op.Abs, a, b, p),
        Op.PowValue     => Rule(Op.PowValue, a, b, p),
        Op.Max          => Rule(Op.Max, a, b, p),
        Op.Min          => Rule(Op.Min, a, b, p),
        Op.Step         => Rule(Op.Step, a, b, p),
        Op.Where        => Rule(Op.Where, a, b, p),
        Op.StopGradient => Rule(Op.StopGradient, a, b, p),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "A leaf or a custom op has no forward formula in the table."),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Local Rule(Op op, double a, double b, double p)
    {
        var @out = Forward(op, a, b, p);
        var (da, db) = Partials(op, new Real(a), new Real(b), new Real(@out), p);
        return new Local(@out, da.X, db.X);
    }
}
