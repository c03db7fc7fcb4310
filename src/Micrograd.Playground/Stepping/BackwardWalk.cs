using Micrograd.Functional;

namespace Micrograd.Playground.Stepping;

/// <summary>
/// The lab's stepper: walks <see cref="BackwardSteps"/> one step per <see cref="Advance"/>, remembering the steps taken
/// and each node's gradient accumulated so far. A fresh walk (after an edit) starts over with a new instance.
/// </summary>
public sealed class BackwardWalk
{
    private readonly Value output;
    private readonly Dictionary<Value, double> accumulated = [];
    private IEnumerator<BackwardStep> steps;

    /// <summary>A walk over the backward pass from <paramref name="output"/>, before its first step.</summary>
    /// <param name="output">The node differentiated.</param>
    public BackwardWalk(Value output)
    {
        this.output = output ?? throw new ArgumentNullException(nameof(output));
        Order = BackwardSteps.VisitOrder(output);
        steps = BackwardSteps.Of(output, Order).GetEnumerator();
    }

    /// <summary>The graph's nodes in the order the steps visit them, newest first.</summary>
    public IReadOnlyList<Value> Order { get; }

    /// <summary>The number of steps: one per node of the graph.</summary>
    public int Count => Order.Count;

    /// <summary>The number of steps taken so far.</summary>
    public int Taken { get; private set; }

    /// <summary>The last step taken; null before the first.</summary>
    public BackwardStep? Current { get; private set; }

    /// <summary>True when every step has been taken.</summary>
    public bool IsComplete => Taken == Count;

    /// <summary>A node's gradient accumulated so far (1 for the output from the start; 0 before anything reached it).</summary>
    /// <param name="node">Any node.</param>
    public double GradientSoFar(Value node) => ReferenceEquals(node, output) ? 1.0 : accumulated.GetValueOrDefault(node);

    /// <summary>Takes the next step; false when the walk is complete.</summary>
    public bool Advance()
    {
        if (IsComplete || !steps.MoveNext())
        {
            return false;
        }

        Current = steps.Current;
        Taken++;
        foreach (var share in Current.Shares)
        {
            accumulated[share.Operand] = share.Accumulated;
        }

        return true;
    }

    /// <summary>Takes every remaining step.</summary>
    public void Finish()
    {
        while (Advance())
        {
        }
    }

    /// <summary>Back to before the first step.</summary>
    public void Reset()
    {
        steps.Dispose();
        steps = BackwardSteps.Of(output, Order).GetEnumerator();
        accumulated.Clear();
        (Taken, Current) = (0, null);
    }
}
