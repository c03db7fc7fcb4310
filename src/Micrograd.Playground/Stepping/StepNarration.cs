using System.Globalization;
using Micrograd.Functional;
using Micrograd.Functional.Tracing;

namespace Micrograd.Playground.Stepping;

/// <summary>
/// A step of the backward pass told in words for the lab's step panel: which node, the gradient it received, and the
/// chain rule for each operand, "passes local × upstream = contribution" in numbers.
/// </summary>
/// <param name="labels">Variable names by node, as drawn.</param>
public sealed class StepNarration(IReadOnlyDictionary<Value, string> labels)
{
    /// <summary>The sentence that ends the walk.</summary>
    public const string Complete = "The backward pass is complete: every node's gradient is final and equals Backward()'s.";

    /// <summary>How a node is named: its variable's name, or its op's symbol, with its data, e.g. <c>c (+, data -2.0000)</c>.</summary>
    /// <param name="node">Any node.</param>
    public string Name(Value node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var what = node.Op == Op.Leaf ? "leaf" : Dot.Symbol(node);
        var data = "data " + Format(node.Data);
        return labels.TryGetValue(node, out var label) ? $"{label} ({what}, {data})" : $"{what} ({data})";
    }

    /// <summary>The heading line: <c>Backward step k of n: node …</c>.</summary>
    /// <param name="step">The step.</param>
    /// <param name="count">The number of steps.</param>
    public string Heading(BackwardStep step, int count)
    {
        ArgumentNullException.ThrowIfNull(step);
        return $"Backward step {step.Index + 1} of {count}: node {Name(step.Node)}";
    }

    /// <summary>The lines after the heading: the upstream gradient, then what is passed to each operand, or why nothing is.</summary>
    /// <param name="step">The step.</param>
    public IReadOnlyList<string> Lines(BackwardStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Upstream is not { } upstream)
        {
            return ["It received no gradient (only a stop-gradient leads here), so it passes nothing; its gradient is 0."];
        }

        var received = $"Upstream gradient (∂output/∂node, complete now: every node using it came first): {Format(upstream)}.";
        if (step.Node.Op == Op.Leaf)
        {
            return [received, "A leaf passes nothing on: its gradient is final."];
        }

        if (step.Node.Op == Op.StopGradient)
        {
            return [received, "A stop-gradient passes nothing (exactly 0) to its operand."];
        }

        return [received, .. step.Shares.Select(share =>
            $"To {Name(share.Operand)}: passes {Format(share.Local)} × {Format(upstream)} = {Format(share.Contribution)} (local × upstream = contribution); its gradient so far: {Format(share.Accumulated)}.")];
    }

    /// <summary>
    /// A number as the page shows it: four decimals (<c>F4</c>, micrograd's README prints <c>{g.data:.4f}</c>), invariant
    /// culture; from 10¹² up in magnitude, scientific with four decimals (<c>1.0000E+308</c>), so a huge value stays one
    /// short word instead of 300 digits.
    /// </summary>
    /// <param name="x">The number.</param>
    public static string Format(double x) =>
        x.ToString(Math.Abs(x) >= 1e12 && double.IsFinite(x) ? "0.0000E+0" : "F4", CultureInfo.InvariantCulture);

    /// <summary>A number in full, shortest round-trip form, for a title attribute.</summary>
    /// <param name="x">The number.</param>
    public static string Full(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
