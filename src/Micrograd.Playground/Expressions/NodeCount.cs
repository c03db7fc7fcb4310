using Micrograd.Functional;

namespace Micrograd.Playground.Expressions;

/// <summary>
/// Counts the distinct nodes a program has built, as it builds them, and stops it past
/// <see cref="ExpressionLimits.MaxNodes"/>. Each new node is visited once (a walk from a result stops at nodes already
/// counted), so counting costs time linear in the graph, and it uses a stack, not recursion.
/// </summary>
internal sealed class NodeCount
{
    private readonly HashSet<Value> seen = []; // Value's equality is identity
    private readonly Stack<Value> stack = new(); // reused: Add runs once per instruction, and leaves it empty

    /// <summary>The number of distinct nodes counted so far.</summary>
    public int Count => seen.Count;

    /// <summary>Counts the nodes of <paramref name="result"/>'s graph not counted before.</summary>
    /// <param name="result">A node the program has just built.</param>
    /// <param name="at">The text that built it, for the error.</param>
    /// <exception cref="ExpressionException">The graph has passed the limit.</exception>
    public void Add(Value result, Token at)
    {
        if (seen.Add(result))
        {
            stack.Push(result);
        }

        while (stack.TryPop(out var node))
        {
            foreach (var operand in node.Operands.Where(seen.Add))
            {
                stack.Push(operand);
            }
        }

        if (seen.Count > ExpressionLimits.MaxNodes)
        {
            throw ExpressionException.At(at, $"the graph has grown past the limit of {ExpressionLimits.MaxNodes:N0} nodes (ExpressionLimits.MaxNodes) here; the page stops the program rather than hang");
        }
    }
}
