using System.Runtime.InteropServices;

namespace Micrograd.Functional;

/// <summary>
/// Reverse-mode differentiation as a pure function: a fold over the graph in reverse topological
/// order that returns the gradients as a map and changes nothing on the nodes.
/// </summary>
internal static class Backpropagation
{
    /// <summary>
    /// Computes ∂output/∂v for every node v of the graph of <paramref name="output"/>.
    /// Visiting nodes from the output back to the leaves, each node passes its gradient to its
    /// operands times the local partials of the op table (the chain rule); a node used several
    /// times receives the sum of what each use passes (the multivariable chain rule).
    /// </summary>
    /// <param name="output">The node to differentiate.</param>
    public static Gradients Of(Value output)
    {
        var topology = Topology.Of(output);
        var nodes = CollectionsMarshal.AsSpan(topology.Nodes);
        var order = CollectionsMarshal.AsSpan(topology.Order);
        var operandA = CollectionsMarshal.AsSpan(topology.OperandA);
        var operandB = CollectionsMarshal.AsSpan(topology.OperandB);
        var grads = new double[nodes.Length];
        grads[0] = 1.0; // ∂output/∂output; the output is slot 0

        for (var k = order.Length - 1; k >= 0; k--)
        {
            var s = order[k];
            var upstream = grads[s];
            if (operandA[s] is var a and >= 0)
            {
                grads[a] += nodes[s].PartialA * upstream;
            }

            if (operandB[s] is var b and >= 0)
            {
                grads[b] += nodes[s].PartialB * upstream;
            }
        }

        return new Gradients(output, topology, grads);
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
    public Gradients Backward() => Backpropagation.Of(this);
}
