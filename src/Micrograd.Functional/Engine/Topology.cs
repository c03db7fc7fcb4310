namespace Micrograd.Functional;

/// <summary>
/// The nodes of one graph by slot, in descending <see cref="Value.Id"/> order (the output is slot 0),
/// with each node's operand slots. Because a node is always created after its operands, the slots
/// in decreasing order (<see cref="Order"/>) are a topological order: every operand before the
/// nodes that use it, the output last. Built by a <see cref="Sweep{T}"/>, without recursion.
/// </summary>
internal sealed class Topology
{
    private Topology(Value[] nodes, int[] operandA, int[] operandB, NodeIndex index)
    {
        Nodes = nodes;
        OperandA = operandA;
        OperandB = operandB;
        Index = index;
    }

    /// <summary>The graph's nodes by slot, newest first; the output is slot 0.</summary>
    public Value[] Nodes { get; }

    /// <summary>The number of nodes.</summary>
    public int Count => Nodes.Length;

    /// <summary>The slots in a topological order (oldest node first, the output last): Count − 1 down to 0.</summary>
    public IEnumerable<int> Order => Enumerable.Range(0, Count).Reverse();

    /// <summary>OperandA[s] is the slot of node s's first operand, or −1.</summary>
    public int[] OperandA { get; }

    /// <summary>OperandB[s] is the slot of node s's second operand, or −1.</summary>
    public int[] OperandB { get; }

    /// <summary>Each node's slot.</summary>
    public NodeIndex Index { get; }

    /// <summary>Sorts the graph below <paramref name="output"/>. Linear in the size of the graph, however deep it is or however often a subexpression is shared.</summary>
    /// <param name="output">The node whose graph is sorted.</param>
    public static Topology Of(Value output)
    {
        var sweep = Sweep<double>.Rent(); // (the numeric fold's table: it carries no values here)
        try
        {
            var listing = new Listing([]);
            sweep.Run(output, 0.0, ref listing);
            var nodes = listing.Nodes.ToArray();
            var index = sweep.Index();
            var operandA = new int[nodes.Length];
            var operandB = new int[nodes.Length];
            for (var s = 0; s < nodes.Length; s++)
            {
                operandA[s] = nodes[s].A is { } a ? index.SlotOf(a) : -1;
                operandB[s] = nodes[s].B is { } b ? index.SlotOf(b) : -1;
            }

            return new Topology(nodes, operandA, operandB, index);
        }
        finally
        {
            sweep.Return();
        }
    }

    /// <summary>Lists the nodes in visiting order, which is slot order, and reaches their operands.</summary>
    private readonly record struct Listing(List<Value> Nodes) : Sweep<double>.IVisitor
    {
        public void Visit(Value node, ref double value, bool passed, Sweep<double> sweep)
        {
            Nodes.Add(node);
            if (node.A is { } a)
            {
                sweep.Reach(a);
            }

            if (node.B is { } b)
            {
                sweep.Reach(b);
            }
        }
    }
}
