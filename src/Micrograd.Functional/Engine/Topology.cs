using System.Runtime.InteropServices;

namespace Micrograd.Functional;

/// <summary>
/// The nodes of one graph, numbered by slot in the order a depth-first search discovers them (the
/// output is slot 0), with each node's operand slots and a topological order of the slots (every
/// operand before the nodes that use it, the output last). Built without recursion.
/// </summary>
internal sealed class Topology
{
    private Topology(List<Value> nodes, List<int> order, List<int> operandA, List<int> operandB, Dictionary<Value, int> slot)
    {
        Nodes = nodes;
        Order = order;
        OperandA = operandA;
        OperandB = operandB;
        Slot = slot;
    }

    /// <summary>The graph's nodes by slot; the output is slot 0.</summary>
    public List<Value> Nodes { get; }

    /// <summary>The slots in a topological order; the output is last.</summary>
    public List<int> Order { get; }

    /// <summary>OperandA[s] is the slot of node s's first operand, or −1.</summary>
    public List<int> OperandA { get; }

    /// <summary>OperandB[s] is the slot of node s's second operand, or −1.</summary>
    public List<int> OperandB { get; }

    /// <summary>Each node's slot.</summary>
    public Dictionary<Value, int> Slot { get; }

    /// <summary>
    /// Sorts the graph below <paramref name="output"/> by an iterative post-order depth-first
    /// search: a node is placed once both of its operands are. Each edge costs one dictionary
    /// lookup; everything else is array work. Linear in the size of the graph, however deep it is
    /// or however often a subexpression is shared.
    /// </summary>
    /// <param name="output">The node whose graph is sorted.</param>
    public static Topology Of(Value output)
    {
        var slot = new Dictionary<Value, int>();
        var nodes = new List<Value>();
        var operandA = new List<int>();
        var operandB = new List<int>();
        var expanded = new List<bool>();
        var order = new List<int>();

        // A slot s on the stack means "expand s"; its complement ~s (negative) means "place s".
        var stack = new Stack<int>();
        stack.Push(Discover(output));
        while (stack.Count > 0)
        {
            var top = stack.Pop();
            if (top < 0)
            {
                order.Add(~top); // its operands were pushed above it, so they are placed already
                continue;
            }

            if (expanded[top])
            {
                continue; // a second entry for a node reached through two parents
            }

            expanded[top] = true;
            stack.Push(~top);
            var node = nodes[top];
            if (node.B is { } b)
            {
                var s = operandB[top] = Discover(b);
                if (!expanded[s])
                {
                    stack.Push(s);
                }
            }

            if (node.A is { } a)
            {
                var s = operandA[top] = Discover(a);
                if (!expanded[s])
                {
                    stack.Push(s);
                }
            }
        }

        return new Topology(nodes, order, operandA, operandB, slot);

        // The node's slot, giving it the next one if it is new. (An operand that is expanded but not
        // placed would be its own ancestor: a cycle, which immutable nodes cannot form.)
        int Discover(Value node)
        {
            ref var s = ref CollectionsMarshal.GetValueRefOrAddDefault(slot, node, out var seen);
            if (!seen)
            {
                s = nodes.Count;
                nodes.Add(node);
                operandA.Add(-1);
                operandB.Add(-1);
                expanded.Add(false);
            }

            return s;
        }
    }
}
