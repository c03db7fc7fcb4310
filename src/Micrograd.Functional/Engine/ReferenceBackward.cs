namespace Micrograd.Functional;

/// <summary>
/// Backpropagation as a learner would write it, to read first: the same calculus as <see cref="Value.Backward"/>,
/// bit for bit (a property test checks it), without the fast machinery of <c>Engine/Internals/</c>.
/// </summary>
internal static class ReferenceBackward
{
    /// <summary>∂output/∂v for every node v of the graph of <paramref name="output"/>.</summary>
    /// <param name="output">The node to differentiate.</param>
    public static Dictionary<Value, double> Of(Value output)
    {
        var grad = new Dictionary<Value, double> { [output] = 1.0 }; // ∂output/∂output = 1
        foreach (var node in NewestFirst(output))
        {
            if (node.Op == Op.Leaf)
            {
                continue;
            }

            var upstream = grad[node]; // complete: every user of the node came before it

            var (a, b) = (node.Operands[0], node.Operands.Count > 1 ? node.Operands[1] : null);
            if (node.Op == Op.StopGradient)
            {
                grad.TryAdd(a, 0.0); // in the graph, but nothing flows back: 0, not 0·upstream (which is NaN for an infinite upstream)
                continue;
            }

            // The local derivatives from the rule table (a custom op brings its own rule).
            var (da, db) = node.Custom is null
                ? Calculus.Partials(node.Op, new Real(a.Primal), new Real(b?.Primal ?? 0.0), new Real(node.Primal), node.Exponent.IfNone(0.0))
                : (new Real(node.PartialA), new Real(node.PartialB));

            // The chain rule: each operand receives upstream × local derivative, summed over its uses.
            grad[a] = grad.GetValueOrDefault(a) + da.X * upstream;
            if (b is not null)
            {
                grad[b] = grad.GetValueOrDefault(b) + db.X * upstream;
            }
        }

        return grad;
    }

    /// <summary>
    /// The graph's nodes, newest first. A node is built after its operands, so its <see cref="Value.Id"/> is larger:
    /// descending ids are a reverse topological order. Every user of a node comes before it, so by the time a node
    /// is visited its gradient has received every share. Collected with a stack, not recursion (a deep graph would overflow it).
    /// </summary>
    private static IEnumerable<Value> NewestFirst(Value output)
    {
        var seen = new HashSet<Value> { output };
        var stack = new Stack<Value>([output]);
        while (stack.TryPop(out var node))
        {
            foreach (var operand in node.Operands.Where(seen.Add))
            {
                stack.Push(operand);
            }
        }

        return seen.OrderByDescending(node => node.Id);
    }
}
