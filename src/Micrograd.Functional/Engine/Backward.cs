namespace Micrograd.Functional;

/// <summary>
/// Reverse-mode differentiation as a pure function: one fold over the graph in reverse topological
/// order that returns the gradients as a map and changes nothing on the nodes. The same fold gives
/// numeric gradients (<see cref="Value.Backward"/>, doubles) and symbolic ones
/// (<see cref="Value.BackwardSymbolic"/>, nodes); only the algebra it adds and multiplies in differs.
/// </summary>
internal static class Backpropagation
{
    /// <summary>
    /// Computes ∂output/∂v for every node v of the graph of <paramref name="output"/>.
    /// Visiting nodes from the output back to the leaves (newest first, see <see cref="Sweep{T}"/>),
    /// each node passes its gradient to its operands times the local partials of the op table (the
    /// chain rule); a node used several times receives the sum of what each use passes (the
    /// multivariable chain rule), added in the order its users are visited. Nothing flows back
    /// through a stop-gradient: the nodes below it that no other path reaches get exactly 0.
    /// </summary>
    /// <param name="output">The node to differentiate.</param>
    /// <param name="algebra">How to multiply and add the gradients, and where the local partials come from.</param>
    /// <typeparam name="T">A gradient: a double, or a node.</typeparam>
    /// <typeparam name="TAlgebra">The algebra, a struct so that the JIT compiles the fold for each one on its own.</typeparam>
    public static GradientMap<T> Fold<T, TAlgebra>(Value output, TAlgebra algebra)
        where TAlgebra : struct, IChainAlgebra<T>
    {
        var sweep = Sweep<T>.Rent();
        try
        {
            var chainRule = new ChainRule<T, TAlgebra>(algebra);
            sweep.Run(output, algebra.One, ref chainRule); // ∂output/∂output = 1
            return new GradientMap<T>(output, sweep.Count, sweep.Values(), sweep.Index());
        }
        finally
        {
            sweep.Return();
        }
    }

    /// <summary>Refuses to differentiate numerically while compiling: the numbers would be frozen into the compiled function.</summary>
    public static void RefuseTraced(Value output)
    {
        if (output.IsTraced)
        {
            throw new InvalidOperationException(
                $"Backward() was called while compiling, on {output}. It returns numbers, computed here from the placeholder " +
                "inputs, so they would be frozen into the compiled function. Inside a function you compile, differentiate " +
                "with nodes instead: Ad.Grad, Ad.Grads or BackwardSymbolic(), whose gradients are part of the traced graph.");
        }
    }

    /// <summary>At each node, once all its users have passed it their share: ∂out/∂a += ∂node/∂a · ∂out/∂node, and likewise for b.</summary>
    private readonly struct ChainRule<T, TAlgebra>(TAlgebra algebra) : Sweep<T>.IVisitor
        where TAlgebra : struct, IChainAlgebra<T>
    {
        public void Visit(Value node, ref T upstream, bool passed, Sweep<T> sweep)
        {
            if (node.A is not { } a)
            {
                return; // a leaf
            }

            if (!passed || node.StopsGradient)
            {
                // In the graph, but nothing flows back: exactly 0 along this path, not 0·upstream (NaN for a
                // partial or an upstream that is infinite).
                sweep.Reach(a);
                if (node.B is { } stopped)
                {
                    sweep.Reach(stopped);
                }

                return;
            }

            var (da, db) = algebra.Partials(node);
            algebra.AddProduct(ref sweep.Pass(a), da, upstream);
            if (node.B is { } b)
            {
                algebra.AddProduct(ref sweep.Pass(b), db, upstream);
            }
        }
    }
}

/// <summary>The algebra the reverse fold computes in: its 1, the local partials of a node, and sum + local·upstream.</summary>
/// <typeparam name="T">A gradient: a double, or a node.</typeparam>
internal interface IChainAlgebra<T>
{
    /// <summary>∂output/∂output.</summary>
    T One { get; }

    /// <summary>(∂node/∂a, ∂node/∂b) of an op node that is not a stop-gradient.</summary>
    /// <param name="node">The node.</param>
    (T DA, T DB) Partials(Value node);

    /// <summary><paramref name="sum"/> ← <paramref name="sum"/> + <paramref name="local"/> · <paramref name="upstream"/>; the sum is default when nothing was passed yet.</summary>
    /// <param name="sum">The operand's gradient so far.</param>
    /// <param name="local">The node's partial with respect to the operand.</param>
    /// <param name="upstream">The node's gradient.</param>
    void AddProduct(ref T sum, T local, T upstream);
}

/// <summary>
/// Numbers: the partials from the rule table over <see cref="Real"/> (<see cref="Calculus.Partials{T}"/>), at the
/// operands' values and the node's own (a custom op's from its numeric rule), added as doubles. Nodes do not store
/// their partials (that keeps a node at 64 bytes); the fold computes them when it reaches the node, and its
/// operands, which it touches next anyway, hold the values the rule reads.
/// </summary>
internal readonly struct NumericAlgebra : IChainAlgebra<double>
{
    public double One => 1.0;

    public (double DA, double DB) Partials(Value node)
    {
        var (a, b) = (node.A!.Primal, node.B?.Primal ?? 0.0);
        if (node.Op == Op.Custom)
        {
            return node.Custom!.Partials(a, b);
        }

        var (da, db) = Calculus.Partials(node.Op, new Real(a), new Real(b), new Real(node.Primal), node.P);
        return (da.X, db.X);
    }

    public void AddProduct(ref double sum, double local, double upstream) => sum += local * upstream;
}

/// <summary>
/// Nodes: the partials built from the rule table over <see cref="Value"/> (<see cref="SymbolicGradients.LocalPartials"/>),
/// so the gradients are graphs that can be differentiated again.
/// </summary>
/// <param name="outputId">The id of the node differentiated: any node newer than it was made by the rules during this fold.</param>
internal readonly struct SymbolicAlgebra(long outputId) : IChainAlgebra<Value?>
{
    public Value? One => new Value(1.0);

    public (Value? DA, Value? DB) Partials(Value node) => SymbolicGradients.LocalPartials(node);

    public void AddProduct(ref Value? sum, Value? local, Value? upstream)
    {
        // local · upstream, without multiplying by a 1 that the rules made (never by a node of the graph: a leaf of the
        // graph holding 1 is a variable, and its product must stay differentiable).
        var term = IsMadeOne(local!) ? upstream! : IsMadeOne(upstream!) ? local! : local! * upstream!;
        sum = sum is null ? term : sum + term;
    }

    private bool IsMadeOne(Value v) => v.Op == Op.Leaf && v.Primal == 1.0 && v.Id > outputId;
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
    public Gradients Backward()
    {
        Backpropagation.RefuseTraced(this);
        return new Gradients(Backpropagation.Fold<double, NumericAlgebra>(this, default));
    }

    /// <summary>
    /// Differentiates this value with respect to every node of its graph and returns the gradients as
    /// nodes, which can be differentiated again. <see cref="Backward"/> is the fast numeric variant;
    /// both are the same fold.
    /// </summary>
    /// <returns>The map from each node v of the graph to ∂this/∂v as a node; a constant 1 for this node itself.</returns>
    public SymbolicGradients BackwardSymbolic() =>
        new(Backpropagation.Fold<Value?, SymbolicAlgebra>(this, new SymbolicAlgebra(Id)));
}
