namespace Micrograd.Functional;

/// <summary>
/// Reverse-mode differentiation as a pure function: a fold over the graph in reverse topological
/// order that returns the gradients as a map and changes nothing on the nodes.
/// </summary>
internal static class Backpropagation
{

    /// <summary>
    /// Computes ∂output/∂v for every node v of the graph of <paramref name="output"/>.
    /// Visiting nodes from the output back to the leaves (newest first, see <see cref="Sweep"/>),
    /// each node passes its gradient to its operands times the local partials of the op table (the
    /// chain rule); a node used several times receives the sum of what each use passes (the
    /// multivariable chain rule), added in the order its users are visited.
    /// </summary>
    /// <param name="output">The node to differentiate.</param>
    public static Gradients Of(Value output)
    {
        if (output.IsTraced)
        {
            throw new InvalidOperationException(
                $"Backward() was called while compiling, on {output}. It returns numbers, computed here from the placeholder " +
                "inputs, so they would be frozen into the compiled function. Inside a function you compile, differentiate " +
                "with nodes instead: Ad.Grad, Ad.Grads or BackwardSymbolic(), whose gradients are part of the traced graph.");
        }

        var sweep = Sweep.Rent();
        try
        {
            var chainRule = default(ChainRule);
            sweep.Run(output, 1.0, ref chainRule); // ∂output/∂output = 1
            return new Gradients(output, sweep.Count, sweep.Values(), sweep.Index());
        }
        finally
        {
            sweep.Return();
        }
    }

    /// <summary>At each node, once all its users have passed it their share: ∂out/∂a += ∂node/∂a · ∂out/∂node, and likewise for b.</summary>
    private struct ChainRule : Sweep.IVisitor
    {
        public readonly void Visit(Value node, ref double upstream, Sweep sweep)
        {
            if (node.StopsGradient)
            {
                sweep.Reach(node.A!); // in the graph, with gradient exactly 0 along this path (not 0·upstream)
                return;
            }

            if (node.A is { } a)
            {
                sweep.Reach(a) += node.PartialA * upstream;
            }

            if (node.B is { } b)
            {
                sweep.Reach(b) += node.PartialB * upstream;
            }
        }
    }
}

public sealed partial record Value
{
    /// <summary>
    /// Differentiates this value with respect to every node of its graph (reverse mode).
    /// Pure: nothing is stored on the nodes, so calling it twice gives the same map, and calls
    /// from many threads on one shared graph are safe and give bit-identical results.
    /// Takes time and memory linear in the number of nodes, and never recurses.
    /// </summary>
    /// <returns>The map from each node v of the graph to ∂this/∂v; 1.0 for this node itself.</returns>
    /// <exception cref="InvalidOperationException">
    /// This node is being traced by <see cref="Compiler.Compile(Func{Value[], Value}, int)"/>: its gradients would be
    /// numbers computed from placeholder inputs and frozen into the compiled function. Use
    /// <see cref="Ad.Grads"/> or <see cref="BackwardSymbolic"/> there.
    /// </exception>
    public Gradients Backward() => Backpropagation.Of(this);
}
