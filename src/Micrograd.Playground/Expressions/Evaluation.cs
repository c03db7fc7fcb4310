using Micrograd.Functional;

namespace Micrograd.Playground.Expressions;

/// <summary>A variable's name and the node it holds at the end of the program.</summary>
/// <param name="name">The variable's name.</param>
/// <param name="value">Its final value.</param>
public sealed class Variable(string name, Value value)
{
    /// <summary>The variable's name.</summary>
    public string Name { get; } = name;

    /// <summary>The node it holds at the end of the program (a rebinding such as <c>c += 1</c> replaces it).</summary>
    public Value Value { get; } = value;
}

/// <summary>A program that ran: its output, its variables, and the labels the drawing shows.</summary>
public sealed class Evaluation
{
    internal Evaluation(Value output, IReadOnlyList<Variable> variables, int nodeCount)
    {
        Output = output;
        Variables = variables;
        NodeCount = nodeCount;
        var labels = new Dictionary<Value, string>();
        foreach (var variable in variables)
        {
            labels[variable.Value] = labels.TryGetValue(variable.Value, out var other) ? $"{other}, {variable.Name}" : variable.Name;
        }

        Labels = labels;
    }

    /// <summary>
    /// The node to differentiate: the variable named by <c>name.backward()</c>, as it was at that statement, or else the
    /// value of the last assignment.
    /// </summary>
    public Value Output { get; }

    /// <summary>Every variable, in the order of its first assignment, with its final value.</summary>
    public IReadOnlyList<Variable> Variables { get; }

    /// <summary>The names to draw on the nodes, by identity: each variable's name on its final value (joined with ", " when several variables hold one node).</summary>
    public IReadOnlyDictionary<Value, string> Labels { get; }

    /// <summary>The number of distinct nodes the program built (at most <see cref="ExpressionLimits.MaxNodes"/>).</summary>
    public int NodeCount { get; }

    /// <summary>The lines not run (imports and prints, as micrograd's README has), in order; empty when none.</summary>
    public IReadOnlyList<SkippedLine> Skipped { get; private set; } = [];

    internal Evaluation WithSkipped(IReadOnlyList<SkippedLine> skipped)
    {
        Skipped = skipped;
        return this;
    }
}
