namespace Micrograd.Functional;

/// <summary>
/// The nodes of one graph in a topological order (every operand before the nodes that use it),
/// with each node's operand positions in that order. Built without recursion.
/// </summary>
internal sealed class Topology
{
    private Topology(Value[] nodes, int[] operandA, int[] operandB, Dictionary<Value, int> position)
    {
        Nodes = nodes;
        OperandA = operandA;
        OperandB = operandB;
        Position = position;
    }

    /// <summary>The graph's nodes; the output is last.</summary>
    public Value[] Nodes { get; }

    /// <summary>OperandA[i] is the position of Nodes[i]'s first operand, or −1.</summary>
    public int[] OperandA { get; }

    /// <summary>OperandB[i] is the position of Nodes[i]'s second operand, or −1.</summary>
    public int[] OperandB { get; }

    /// <summary>Each node's position in <see cref="Nodes"/>.</summary>
    public Dictionary<Value, int> Position { get; }

    /// <summary>
    /// Sorts the graph below <paramref name="output"/> by an iterative post-order depth-first
    /// search: a node is placed once both of its operands are. Linear in the number of nodes, however
    /// deep the graph or however often a subexpression is shared.
    /// </summary>
    /// <param name="output">The node whose graph is sorted.</param>
    public static Topology Of(Value output)
    {
        const int Open = -1; // seen, but an operand is not placed yet
        var position = new Dictionary<Value, int>();
        var nodes = new List<Value>();
        var operandA = new List<int>();
        var operandB = new List<int>();
        var pending = new Stack<Value>();
        pending.Push(output);

        while (pending.Count > 0)
        {
            var node = pending.Peek();
            if (!position.TryGetValue(node, out var state))
            {
                // First visit: open it and schedule its unplaced operands above it on the stack.
                position[node] = Open;
                if (node.B is { } b && !position.ContainsKey(b))
                {
                    pending.Push(b);
                }

                if (node.A is { } a && !position.ContainsKey(a))
                {
                    pending.Push(a);
                }
            }
            else
            {
                pending.Pop();
                if (state == Open)
                {
                    // Both operands are placed (a graph of immutable nodes has no cycles): place it.
                    position[node] = nodes.Count;
                    nodes.Add(node);
                    operandA.Add(node.A is { } a ? position[a] : -1);
                    operandB.Add(node.B is { } b ? position[b] : -1);
                }
            }
        }

        return new Topology([.. nodes], [.. operandA], [.. operandB], position);
    }
}
