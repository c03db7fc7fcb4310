using System.Diagnostics.Contracts;

namespace Micrograd.Functional;

/// <summary>
/// Function transforms in the style of JAX, each taking a function and returning a function, so they
/// compose: <see cref="Grad"/> and <see cref="ValueAndGrad"/> for a function of one variable,
/// <see cref="Grads"/> and <see cref="ValueAndGrads"/> for several, forward mode (<see cref="Jvp"/>,
/// <see cref="JacobianForward"/>), reverse mode (<see cref="Vjp"/>, <see cref="JacobianReverse"/>) and
/// second order (<see cref="Hessian"/>, <see cref="HessianVectorProduct"/>).
/// </summary>
/// <remarks>
/// <para>
/// Every transform works on <see cref="Value"/> nodes and returns nodes: derivatives are built as
/// graphs (<see cref="Value.BackwardSymbolic"/>), so any transform can be applied to the result of
/// another (<c>Ad.Grad(Ad.Grad(f))</c> is f″, <c>Ad.JacobianForward(Ad.Grads(f))</c> is the Hessian).
/// Nested derivatives never confuse their variables, because each one is taken with respect to
/// particular nodes, by identity. Read a number with <see cref="Value.Data"/>; a <c>double</c> argument
/// converts to a constant leaf.
/// </para>
/// <para>
/// The one-variable and several-variable forms have different names (<c>Grad</c>/<c>Grads</c>) rather
/// than overloads, so that a lambda such as F#'s <c>fun t -> t.Pow 3.0</c> needs no type annotation.
/// </para>
/// </remarks>
public static partial class Ad
{
    /// <summary>The derivative f′ of a function of one variable, as a function; nestable: <c>Ad.Grad(Ad.Grad(f))</c> is f″.</summary>
    /// <param name="f">A scalar function of one variable.</param>
    /// <example><c>Ad.Grad(Ad.Grad(x =&gt; x.Pow(3)))(new Value(2.0)).Data</c> is 12.</example>
    [Pure]
    public static Func<Value, Value> Grad(Func<Value, Value> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x => Output(f, x).BackwardSymbolic()[x];
    }

    /// <summary>f and f′ together, from one evaluation of f.</summary>
    /// <param name="f">A scalar function of one variable.</param>
    [Pure]
    public static Func<Value, (Value Value, Value Grad)> ValueAndGrad(Func<Value, Value> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x =>
        {
            var y = Output(f, x);
            return (y, y.BackwardSymbolic()[x]);
        };
    }

    /// <summary>The gradient ∇f = (∂f/∂x₀, …, ∂f/∂xₙ₋₁) of a function of several variables, as a function; each partial is a differentiable node.</summary>
    /// <param name="f">A scalar function of several variables.</param>
    /// <example><c>Ad.Grads(x =&gt; x[0] * x[1])([3.0, 4.0])</c> is [4, 3], as nodes.</example>
    [Pure]
    public static Func<Value[], Value[]> Grads(Func<Value[], Value> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x => Output(f, x).BackwardSymbolic().For(x);
    }

    /// <summary>f and ∇f together, from one evaluation of f.</summary>
    /// <param name="f">A scalar function of several variables.</param>
    [Pure]
    public static Func<Value[], (Value Value, Value[] Grads)> ValueAndGrads(Func<Value[], Value> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return x =>
        {
            var y = Output(f, x);
            return (y, y.BackwardSymbolic().For(x));
        };
    }

    /// <summary>f(x) after checking the argument and the result.</summary>
    private static Value Output(Func<Value, Value> f, Value x) =>
        f(x ?? throw new ArgumentNullException(nameof(x))) ?? throw new ArgumentNullException(nameof(f), "The function returned null.");

    /// <summary>f(x) after checking the argument and the result.</summary>
    private static Value Output(Func<Value[], Value> f, Value[] x) =>
        f(Checked(x)) ?? throw new ArgumentNullException(nameof(f), "The function returned null.");

    /// <summary>f(x) after checking the argument and the results.</summary>
    private static Value[] Outputs(Func<Value[], Value[]> f, Value[] x)
    {
        var y = f(Checked(x)) ?? throw new ArgumentNullException(nameof(f), "The function returned null.");
        return Array.IndexOf(y, null) is var i and >= 0 ? throw new ArgumentException($"The function returned null as output {i}.", nameof(f)) : y;
    }

    /// <summary>A point of nodes: not null, no null entry.</summary>
    private static Value[] Checked(Value[] x, string name = "x")
    {
        ArgumentNullException.ThrowIfNull(x, name);
        return Array.IndexOf(x, null) is var i and >= 0 ? throw new ArgumentNullException(name, $"Entry {i} of the point is null.") : x;
    }
}
