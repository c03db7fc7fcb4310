using System.Text.RegularExpressions;
using Micrograd.Functional;
using Micrograd.Functional.Tracing;

namespace Micrograd.Playground.Components;

/// <summary>
/// A graph drawn by the library's <see cref="Dot.Write"/>, and the DOT name (v0, v1, …) it gave each value, so the
/// stepper can highlight a node in the picture. The names are read from the library's own output: the graph is
/// written once with every node labelled by its <see cref="Value.Id"/>, and those lines are matched up with the
/// names; labels only change the drawing, never the order (a property of <see cref="Dot.Write"/>).
/// </summary>
public sealed partial class GraphDrawing
{
    private readonly Dictionary<long, string> names;

    private GraphDrawing(string dot, Dictionary<long, string> names)
    {
        Dot = dot;
        this.names = names;
    }

    /// <summary>The DOT text to render.</summary>
    public string Dot { get; }

    /// <summary>The DOT name of each drawn value, by <see cref="Value.Id"/>.</summary>
    public IReadOnlyDictionary<long, string> Names => names;

    /// <summary>The DOT name of <paramref name="node"/>, or null when it was not drawn (cut by the size bound).</summary>
    public string? NameOf(Value node) => names.GetValueOrDefault(node.Id);

    /// <summary>Draws the graph of <paramref name="output"/> with its gradients and the given labels.</summary>
    /// <param name="output">The node whose graph is drawn.</param>
    /// <param name="gradients">Each record's gradient.</param>
    /// <param name="labels">Names to show (variables), by identity.</param>
    /// <param name="maxNodes">The most value nodes drawn; a larger graph is cut to the nodes nearest its output.</param>
    public static GraphDrawing Of(Value output, Gradients? gradients, IReadOnlyDictionary<Value, string> labels, int maxNodes) =>
        new(Micrograd.Functional.Tracing.Dot.Write(output, gradients, new DotOptions { MaxNodes = maxNodes, Labels = labels }), NamesOf(output, maxNodes));

    /// <summary>
    /// The DOT name of each value a drawing of at most <paramref name="maxNodes"/> nodes shows, by <see cref="Value.Id"/>,
    /// without the drawing: what a caller choosing the drawing's size needs (one <see cref="Dot.Write"/>, not two).
    /// </summary>
    /// <param name="output">The node whose graph is drawn.</param>
    /// <param name="maxNodes">The most value nodes drawn.</param>
    public static Dictionary<long, string> NamesOf(Value output, int maxNodes)
    {
        var marks = new Dictionary<Value, string>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Value>([output]);
        while (stack.TryPop(out var node)) // a stack, not recursion: graphs can be deep
        {
            if (marks.TryAdd(node, "@" + node.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                foreach (var operand in node.Operands)
                {
                    stack.Push(operand);
                }
            }
        }

        var marked = Micrograd.Functional.Tracing.Dot.Write(output, null, new DotOptions { MaxNodes = maxNodes, Labels = marks });
        var names = new Dictionary<long, string>();
        foreach (Match m in RecordLine().Matches(marked))
        {
            names[long.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture)] = m.Groups["name"].Value;
        }

        return names;
    }

    [GeneratedRegex(@"^\s*(?<name>v\d+) \[shape=record, label=""\{ @(?<id>\d+) \|", RegexOptions.Multiline)]
    private static partial Regex RecordLine();
}
