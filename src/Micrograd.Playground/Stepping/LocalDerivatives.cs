using Micrograd.Functional;

namespace Micrograd.Playground.Stepping;

/// <summary>
/// A node's local derivatives ∂node/∂a, ∂node/∂b, taken through the library's public API: the node's op is rebuilt on
/// fresh leaves holding the operands' data, and the library differentiates that one node. The result is exactly the
/// library's own rule (the upstream there is 1, and 0 + d·1 is d), with no second copy of the calculus here.
/// </summary>
public static class LocalDerivatives
{
    /// <summary>∂node/∂operand for each operand of <paramref name="node"/>, in operand order.</summary>
    /// <param name="node">A node built by an op (not a leaf).</param>
    /// <exception cref="NotSupportedException">The node is a custom op or a where, which the expression language cannot build.</exception>
    public static IReadOnlyList<double> Of(Value node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var leaves = node.Operands.Select(operand => new Value(operand.Data)).ToArray(); // distinct leaves even for x·x
        var a = leaves[0];
        var rebuilt = node.Op switch
        {
            Op.Add => a + leaves[1],
            Op.Mul => a * leaves[1],
            Op.Pow => a.Pow(node.Exponent.IfNone(0.0)),
            Op.PowValue => a.Pow(leaves[1]),
            Op.Max => Value.Max(a, leaves[1]),
            Op.Min => Value.Min(a, leaves[1]),
            Op.Relu => a.Relu(),
            Op.Tanh => a.Tanh(),
            Op.Exp => a.Exp(),
            Op.Log => a.Log(),
            Op.Sigmoid => a.Sigmoid(),
            Op.Softplus => a.Softplus(),
            Op.Sin => a.Sin(),
            Op.Cos => a.Cos(),
            Op.Sqrt => a.Sqrt(),
            Op.Abs => a.Abs(),
            Op.Step => a.Step(),
            Op.StopGradient => a.StopGradient(),
            _ => throw new NotSupportedException($"The stepper cannot rebuild a {node.Op} node; the expression language never builds one."),
        };
        var gradients = rebuilt.Backward();
        return [.. leaves.Select(leaf => gradients[leaf])];
    }
}
