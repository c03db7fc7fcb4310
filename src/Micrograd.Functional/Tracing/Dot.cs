using System.Globalization;
using System.Text;

namespace Micrograd.Functional.Tracing;

/// <summary>Which way a drawn graph flows.</summary>
public enum RankDirection
{
    /// <summary>Inputs on the left, the output on the right (micrograd's default, <c>rankdir=LR</c>).</summary>
    LeftToRight,

    /// <summary>Inputs at the top, the output at the bottom (<c>rankdir=TB</c>).</summary>
    TopToBottom,
}

/// <summary>How <see cref="Dot.Write"/> draws a graph.</summary>
public sealed record DotOptions
{
    /// <summary>The direction of flow (default left to right).</summary>
    public RankDirection RankDirection { get; init; } = RankDirection.LeftToRight;

    /// <summary>
    /// The most value nodes drawn (default 250). A larger graph is cut to the nodes nearest its
    /// output, and a note node says how many were left out; see <see cref="GraphSummary"/> for the whole.
    /// </summary>
    public int MaxNodes { get; init; } = 250;

    /// <summary>
    /// Names to show for nodes, by identity (they take precedence over <see cref="Value.Label"/>).
    /// Labelling is only drawing: it never changes a node or its gradients.
    /// </summary>
    public IReadOnlyDictionary<Value, string>? Labels { get; init; }
}

/// <summary>
/// Writes an expression graph in Graphviz's DOT language, as micrograd's <c>draw_dot</c> draws
/// it: each value a record node <c>{ label | data 1.0000 | grad 0.5000 }</c>, each operation a
/// small node feeding its result, and edges operand → op → result.
/// </summary>
public static class Dot
{
    /// <summary>The DOT text of the graph of <paramref name="output"/>.</summary>
    /// <param name="output">The node whose graph is drawn.</param>
    /// <param name="gradients">If given, each record shows its gradient from this map (0 for nodes outside it).</param>
    /// <param name="options">Direction, size bound and labels; defaults when null.</param>
    /// <returns>The DOT text; nodes appear in a topological order, named v0, v1, … in that order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="DotOptions.MaxNodes"/> is below 1, or <see cref="DotOptions.RankDirection"/> is not a named value.</exception>
    public static string Write(Value output, Gradients? gradients = null, DotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new DotOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxNodes, 1, "options.MaxNodes");
        if (!Enum.IsDefined(options.RankDirection))
        {
            throw new ArgumentOutOfRangeException("options.RankDirection", options.RankDirection, "The direction must be LeftToRight or TopToBottom.");
        }

        var topology = Topology.Of(output);
        var order = topology.Order;
        var shown = Nearest(topology, options.MaxNodes);
        var name = new Dictionary<int, string>(); // slot → DOT name, numbered in topological order
        foreach (var slot in order.Where(s => shown[s]))
        {
            name[slot] = $"v{name.Count}";
        }

        var omitted = topology.Count - name.Count;
        var dot = new StringBuilder()
            .AppendLine("digraph G {")
            .AppendLine($"  rankdir={(options.RankDirection == RankDirection.LeftToRight ? "LR" : "TB")};")
            .AppendLine("  node [fontname=\"Helvetica\", fontsize=11];");
        var cutEdges = new List<string>();
        foreach (var slot in order.Where(s => shown[s]))
        {
            var node = topology.Nodes[slot];
            var id = name[slot];
            dot.AppendLine($"  {id} [shape=record, label=\"{Record(node, gradients, options.Labels)}\"];");
            if (node.Op == Op.Leaf)
            {
                continue;
            }

            dot.AppendLine($"  {id}_op [label=\"{Escape(Symbol(node))}\"];");
            dot.AppendLine($"  {id}_op -> {id};");
            foreach (var operand in new[] { topology.OperandA[slot], topology.OperandB[slot] }.Where(s => s >= 0))
            {
                if (name.TryGetValue(operand, out var from))
                {
                    dot.AppendLine($"  {from} -> {id}_op;");
                }
                else if (!cutEdges.Contains(id))
                {
                    cutEdges.Add(id);
                }
            }
        }

        if (omitted > 0)
        {
            dot.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  omitted [shape=note, style=dashed, label=\"{omitted:N0} more nodes not drawn\\n({topology.Count:N0} in all; the {name.Count:N0} nearest the output are shown)\"];"));
            foreach (var id in cutEdges)
            {
                dot.AppendLine($"  omitted -> {id}_op [style=dashed];");
            }
        }

        return dot.AppendLine("}").ToString();
    }

    /// <summary>The <paramref name="max"/> nodes nearest the output, by a breadth-first walk from it (all when the graph is smaller).</summary>
    private static bool[] Nearest(Topology topology, int max)
    {
        var shown = new bool[topology.Count];
        var queue = new Queue<int>([0]); // the output is slot 0
        shown[0] = true;
        var count = 1;
        while (queue.Count > 0)
        {
            var slot = queue.Dequeue();
            foreach (var operand in new[] { topology.OperandA[slot], topology.OperandB[slot] })
            {
                if (operand >= 0 && !shown[operand] && count < max)
                {
                    shown[operand] = true;
                    count++;
                    queue.Enqueue(operand);
                }
            }
        }

        return shown;
    }

    /// <summary>The symbol micrograd shows for an op: +, *, **p, ReLU, tanh, exp, log, sigmoid, softplus; ** for a variable exponent, stop_gradient, and a custom op's name.</summary>
    /// <param name="node">A non-leaf node.</param>
    public static string Symbol(Value node) => node.Op switch
    {
        Op.Add => "+",
        Op.Mul => "*",
        Op.Pow => "**" + node.Exponent.Map(p => p.ToString(CultureInfo.InvariantCulture)).IfNone(""),
        Op.Relu => "ReLU",
        Op.PowValue => "**",
        Op.StopGradient => "stop_gradient",
        Op.Custom => node.Custom!.Name,
        Op.Leaf => "",
        _ => node.Op.ToString().ToLowerInvariant(),
    };

    private static string Record(Value node, Gradients? gradients, IReadOnlyDictionary<Value, string>? labels)
    {
        var label = labels is not null && labels.TryGetValue(node, out var given) ? given : node.Label;
        var fields = new List<string>(3);
        if (!string.IsNullOrEmpty(label))
        {
            fields.Add(Escape(label.Trim()));
        }

        fields.Add("data " + Number(node.Primal));
        if (gradients is not null)
        {
            fields.Add("grad " + Number(gradients[node]));
        }

        return "{ " + string.Join(" | ", fields) + " }";
    }

    private static string Number(double x) => x.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>Escapes the characters that DOT record labels and quoted strings treat specially.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '"' or '{' or '}' or '|' or '<' or '>')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\n' or '\r' ? ' ' : c);
        }

        return escaped.ToString();
    }
}
