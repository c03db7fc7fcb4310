using Micrograd.Functional;

namespace Micrograd.Playground.Expressions;

/// <summary>
/// The functions a program may call: <c>Value(number)</c>, which makes a leaf, every one-operand primitive of the
/// library (also as a method: <c>x.relu()</c> is <c>relu(x)</c>), and the two-operand <c>max</c> and <c>min</c>. Each
/// builds exactly the node the library's own method builds.
/// </summary>
public static class Functions
{
    /// <summary>The name of the function that makes a leaf: <c>Value(-4.0)</c>, as in micrograd.</summary>
    public const string Leaf = "Value";

    /// <summary>The one-operand primitives, by name, in the order the documentation lists them.</summary>
    public static IReadOnlyList<(string Name, Func<Value, Value> Apply)> Unary { get; } =
    [
        ("relu", x => x.Relu()),
        ("tanh", x => x.Tanh()),
        ("exp", x => x.Exp()),
        ("log", x => x.Log()),
        ("sigmoid", x => x.Sigmoid()),
        ("softplus", x => x.Softplus()),
        ("sin", x => x.Sin()),
        ("cos", x => x.Cos()),
        ("sqrt", x => x.Sqrt()),
        ("abs", x => x.Abs()),
        ("step", x => x.Step()),
        ("stop_gradient", x => x.StopGradient()),
    ];

    /// <summary>The two-operand primitives, by name.</summary>
    public static IReadOnlyList<(string Name, Func<Value, Value, Value> Apply)> Binary { get; } =
    [
        ("max", Value.Max),
        ("min", Value.Min),
    ];

    /// <summary>Every function name, for error messages: <c>Value, relu, tanh, …, max, min</c>.</summary>
    public static string Known { get; } = string.Join(", ", new[] { Leaf }.Concat(Unary.Select(f => f.Name)).Concat(Binary.Select(f => f.Name)));

    /// <summary>The number of arguments the function <paramref name="name"/> takes, or null when there is no such function.</summary>
    /// <param name="name">A function name.</param>
    public static int? Arity(string name) =>
        name == Leaf || Unary.Any(f => f.Name == name) ? 1
        : Binary.Any(f => f.Name == name) ? 2
        : null;

    /// <summary>True when <paramref name="name"/> is a one-operand primitive, so <c>x.name()</c> is a method call.</summary>
    /// <param name="name">A method name.</param>
    public static bool IsMethod(string name) => Unary.Any(f => f.Name == name);
}
