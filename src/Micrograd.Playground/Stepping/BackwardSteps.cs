using Micrograd.Functional;

namespace Micrograd.Playground.Stepping;

/// <summary>
/// The backward pass as a lazy sequence of steps, one per node of the graph, in the order the engine visits them:
/// newest first (descending <see cref="Value.Id"/>, a reverse topological order, as <c>ReferenceBackward</c> does), so
/// every user of a node has passed its share before the node's turn. Each step applies the chain rule once per operand:
/// contribution = local derivative × upstream, added to the operand's gradient. Leaves and stop-gradients pass nothing,
/// and neither does a node nothing reached (it lies only below a stop-gradient): not 0 × upstream, which would be NaN
/// for an infinite upstream. Summing the steps gives <see cref="Value.Backward"/>'s gradients bit for bit.
/// </summary>
public static class BackwardSteps
{
    /// <summary>The nodes of <paramref name="output"/>'s graph, newest first; collected with a stack, not recursion.</summary>
    /// <param name="output">The node differentiated.</param>
    public static IReadOnlyList<Value> VisitOrder(Value output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var seen = new HashSet<Value> { output };
        var stack = new Stack<Value>([output]);
        while (stack.TryPop(out var node))
        {
            foreach (var operand in node.Operands.Where(seen.Add))
            {
                stack.Push(operand);
            }
        }

        return [.. seen.OrderByDescending(node => node.Id)];
    }

    /// <summary>The steps of the backward pass from <paramref name="output"/>, computed one at a time as they are read.</summary>
    /// <param name="output">The node differentiated; its gradient starts at 1.</param>
    public static IEnumerable<BackwardStep> Of(Value output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Of(output, VisitOrder(output));
    }

    /// <summary>The steps from <paramref name="output"/> over its nodes already in <see cref="VisitOrder"/>.</summary>
    internal static IEnumerable<BackwardStep> Of(Value output, IReadOnlyList<Value> order)
    {
        var grad = new Dictionary<Value, double> { [output] = 1.0 }; // ∂output/∂output = 1
        for (var index = 0; index < order.Count; index++)
        {
            var node = order[index];
            if (!grad.TryGetValue(node, out var upstream))
            {
                yield return new BackwardStep(index, node, null, []);
                continue;
            }

            if (node.Op is Op.Leaf or Op.StopGradient)
            {
                yield return new BackwardStep(index, node, upstream, []);
                continue;
            }

            var operands = node.Operands;
            var locals = LocalDerivatives.Of(node);
            var shares = new OperandShare[operands.Count];
            for (var i = 0; i < operands.Count; i++)
            {
                var contribution = locals[i] * upstream; // the chain rule
                var accumulated = grad.GetValueOrDefault(operands[i]) + contribution;
                grad[operands[i]] = accumulated;
                shares[i] = new OperandShare(operands[i], locals[i], contribution, accumulated);
            }

            yield return new BackwardStep(index, node, upstream, shares);
        }
    }
}
