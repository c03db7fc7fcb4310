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
        var nodes = NewestFirst(output);
        foreach (var node in nodes)
        {
            // Only a node something was passed to passes anything on (not one that lies only below a stop-gradient),
            // and a stop-gradient passes nothing: exactly 0 flows back through it, not 0·upstream (NaN if anything is infinite).
            if (node.Op is Op.Leaf or Op.StopGradient || !grad.TryGetValue(node, out var upstream)) // complete: its users came first
            {
                continue;
            }

            var (a, b) = (node.Operands[0], node.Operands.Count > 1 ? node.Operands[1] : null);

            // The local derivatives from the rule table (a custom op brings its own rule).
            var (da, db) = node.Custom is { } custom
                ? custom.Partials(a.Primal, b?.Primal ?? 0.0)
                : Numbers(Calculus.Partials(node.Op, new Real(a.Primal), new Real(b?.Primal ?? 0.0), new Real(node.Primal), node.Exponent.IfNone(0.0)));

            // The chain rule: each operand receives upstream × local derivative, summed over its uses.
            grad[a] = grad.GetValueOrDefault(a) + da * upstream;
            if (b is not null)
            {
                grad[b] = grad.GetValueOrDefault(b) + db * upstream;
            }
        }

        nodes.ForEach(node => grad.TryAdd(node, 0.0)); // the rest of the graph: no path to them carries a gradient
        return grad;
    }

    private static (double DA, double DB) Numbers((Real DA, Real DB) partials) => (partials.DA.X, partials.DB.X);

    /// <summary>
    /// The graph's nodes, newest first. A node is built after its operands, so its <see cref="Value.Id"/> is larger:
    /// descending ids are a reverse topological order. Every user of a node comes before it, so by the time a node
    /// is visited its gradient has received every share. Collected with a stack, not recursion (a deep graph would overflow it).
    /// </summary>
    private static List<Value> NewestFirst(Value output)
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

        return [.. seen.OrderByDescending(node => node.Id)];
    }
}
