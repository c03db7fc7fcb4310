using Micrograd.Functional;

namespace Micrograd.Playground.Stepping;

/// <summary>What one operand receives in a step: the chain rule's local derivative × upstream = contribution.</summary>
/// <param name="operand">The operand.</param>
/// <param name="local">∂node/∂operand at the operands' values.</param>
/// <param name="contribution">local × upstream: what this use of the operand adds to its gradient.</param>
/// <param name="accumulated">The operand's gradient after this step: the sum of every contribution it has received so far.</param>
public sealed class OperandShare(Value operand, double local, double contribution, double accumulated)
{
    /// <summary>The operand.</summary>
    public Value Operand { get; } = operand;

    /// <summary>∂node/∂operand, the local derivative, from the library's own rule.</summary>
    public double Local { get; } = local;

    /// <summary>local × upstream.</summary>
    public double Contribution { get; } = contribution;

    /// <summary>The operand's gradient so far, this contribution included.</summary>
    public double Accumulated { get; } = accumulated;
}

/// <summary>
/// One node's turn in the backward pass: the gradient it received from the nodes that use it (complete by now: they
/// all came before it), and what it passes on to each operand.
/// </summary>
/// <param name="index">The step's place, 0 for the output.</param>
/// <param name="node">The node.</param>
/// <param name="upstream">∂output/∂node, final at this point; null when nothing reached it (only a stop-gradient lies above it).</param>
/// <param name="shares">What each operand receives, in operand order; empty for a leaf, a stop-gradient, or a node nothing reached.</param>
public sealed class BackwardStep(int index, Value node, double? upstream, IReadOnlyList<OperandShare> shares)
{
    /// <summary>The step's place in the pass, 0 for the output.</summary>
    public int Index { get; } = index;

    /// <summary>The node visited.</summary>
    public Value Node { get; } = node;

    /// <summary>∂output/∂node: the sum of the contributions it received. Null when nothing was passed to it.</summary>
    public double? Upstream { get; } = upstream;

    /// <summary>What each operand receives, in operand order (a node using one operand twice, as x·x, lists it twice).</summary>
    public IReadOnlyList<OperandShare> Shares { get; } = shares;

    /// <summary>True when the node passes gradient on: it is neither a leaf nor a stop-gradient, and something reached it.</summary>
    public bool Passes => Shares.Count > 0;
}
