using FsCheck;
using FsCheck.Fluent;

namespace Micrograd.Functional.Tests.Engine;

/// <summary>The operations a generated graph may use, composites included.</summary>
public enum GraphOp { Add, Sub, Mul, Div, Neg, Pow, Relu, Tanh, Exp, Log, Sigmoid, Softplus, Sin, Cos, Sqrt, Abs, PowValue, Max, Min }

/// <summary>One gene of a random graph: an op choice and two operand choices among the nodes built so far.</summary>
public readonly record struct Gene(int Op, int A, int B, int Exponent);

/// <summary>
/// A random expression graph as plain data: input values and genes. Each gene adds one node that
/// applies an op to earlier nodes, so subexpressions are shared freely (a DAG, not a tree).
/// Decoding keeps every op inside its safe domain, with a margin wide enough for finite
/// differences: no log, square root or fractional power of a number below 0.25, no division by
/// a number smaller than 0.25, no ReLU, |a|, max or min within 0.05 of its kink, no variable
/// power aᵇ of a base below 0.25 or with |b| below 0.05 or above 3, no sin or cos beyond ±2 (of a steep inner
/// function they would oscillate faster than finite differences resolve), no exp above 2.5, no
/// result above 20.
/// Because the genes, not the graph, are generated and shrunk, every shrunk graph is valid too.
/// </summary>
public sealed record RandomGraph(double[] Inputs, Gene[] Genes)
{
    /// <summary>The constant exponents Pow may use.</summary>
    public static readonly double[] Exponents = [2, 3, -1, -2, 0.5, 1.5, -0.5, 0];

    private const double Bound = 20;

    /// <summary>The decoded steps: which op each gene applies, to which earlier nodes, with which exponent.</summary>
    public IReadOnlyList<(GraphOp Op, int A, int B, double P)> Steps => Decode();

    /// <summary>Builds the graph on the given leaves; returns every node, the leaves first and the output last.</summary>
    public Value[] BuildAll(IReadOnlyList<Value> leaves)
    {
        var nodes = new List<Value>(leaves);
        foreach (var (op, a, b, p) in Steps)
        {
            nodes.Add(Apply(op, nodes[a], nodes[b], p));
        }

        return [.. nodes];
    }

    /// <summary>Builds the graph on the given leaves and returns its output.</summary>
    public Value Build(IReadOnlyList<Value> leaves) => BuildAll(leaves)[^1];

    /// <summary>Builds the graph on fresh leaves holding <see cref="Inputs"/>.</summary>
    public (Value[] Leaves, Value Output) Build()
    {
        var leaves = Inputs.Select(x => new Value(x)).ToArray();
        return (leaves, Build(leaves));
    }

    /// <summary>The output evaluated on plain doubles with System.Math, independently of the engine.</summary>
    public double Evaluate(IReadOnlyList<double> x)
    {
        var values = new List<double>(x);
        foreach (var (op, a, b, p) in Steps)
        {
            values.Add(Evaluate(op, values[a], values[b], p));
        }

        return values[^1];
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"inputs [{string.Join(", ", Inputs)}]; " +
        string.Join("; ", Steps.Select((s, i) => $"n{Inputs.Length + i} = {s.Op}({Arguments(s)})"));

    /// <summary>Whether the op uses its second operand.</summary>
    public static bool IsBinary(GraphOp op) =>
        op is GraphOp.Add or GraphOp.Sub or GraphOp.Mul or GraphOp.Div or GraphOp.PowValue or GraphOp.Max or GraphOp.Min;

    private static string Arguments((GraphOp Op, int A, int B, double P) s) =>
        IsBinary(s.Op) ? $"n{s.A}, n{s.B}" : s.Op == GraphOp.Pow ? $"n{s.A}, {s.P}" : $"n{s.A}";

    /// <summary>One op on nodes, through the engine's public API (micrograd's composites: a − b = a + (−b), a / b = a·b⁻¹).</summary>
    public static Value Apply(GraphOp op, Value a, Value b, double p) => op switch
    {
        GraphOp.Add => a + b,
        GraphOp.Sub => a - b,
        GraphOp.Mul => a * b,
        GraphOp.Div => a / b,
        GraphOp.Neg => -a,
        GraphOp.Pow => a.Pow(p),
        GraphOp.Relu => a.Relu(),
        GraphOp.Tanh => a.Tanh(),
        GraphOp.Exp => a.Exp(),
        GraphOp.Log => a.Log(),
        GraphOp.Sigmoid => a.Sigmoid(),
        GraphOp.Softplus => a.Softplus(),
        GraphOp.Sin => a.Sin(),
        GraphOp.Cos => a.Cos(),
        GraphOp.Sqrt => a.Sqrt(),
        GraphOp.Abs => a.Abs(),
        GraphOp.PowValue => a.Pow(b),
        GraphOp.Max => Value.Max(a, b),
        GraphOp.Min => Value.Min(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static double Evaluate(GraphOp op, double a, double b, double p) => op switch
    {
        GraphOp.Add => a + b,
        GraphOp.Sub => a - b,
        GraphOp.Mul => a * b,
        GraphOp.Div => a / b,
        GraphOp.Neg => -a,
        GraphOp.Pow => Math.Pow(a, p),
        GraphOp.Relu => Math.Max(0, a),
        GraphOp.Tanh => Math.Tanh(a),
        GraphOp.Exp => Math.Exp(a),
        GraphOp.Log => Math.Log(a),
        GraphOp.Sigmoid => 1 / (1 + Math.Exp(-a)),
        GraphOp.Softplus => Math.Log(1 + Math.Exp(a)),
        GraphOp.Sin => Math.Sin(a),
        GraphOp.Cos => Math.Cos(a),
        GraphOp.Sqrt => Math.Sqrt(a),
        GraphOp.Abs => Math.Abs(a),
        GraphOp.PowValue => Math.Pow(a, b),
        GraphOp.Max => Math.Max(a, b),
        GraphOp.Min => Math.Min(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>Whether op is safe, with margins, on these operand values.</summary>
    private static bool Safe(GraphOp op, double a, double b, double p)
    {
        var ok = op switch
        {
            GraphOp.Div => Math.Abs(b) >= 0.25,
            GraphOp.Pow => p == Math.Floor(p) ? p >= 0 || Math.Abs(a) >= 0.25 : a >= 0.25,
            GraphOp.Relu => Math.Abs(a) >= 0.05,
            GraphOp.Exp => a <= 2.5,
            GraphOp.Log or GraphOp.Sqrt => a >= 0.25,
            GraphOp.Abs => Math.Abs(a) >= 0.05,
            GraphOp.Sin or GraphOp.Cos => Math.Abs(a) <= 2,
            GraphOp.PowValue => a >= 0.25 && Math.Abs(b) is >= 0.05 and <= 3, // at b = 0 PyTorch's ∂a = 0 is a convention, like a kink
            GraphOp.Max or GraphOp.Min => Math.Abs(a - b) >= 0.05,
            _ => true,
        };
        return ok && Math.Abs(Evaluate(op, a, b, p)) <= Bound;
    }

    private List<(GraphOp Op, int A, int B, double P)> Decode()
    {
        var ops = Enum.GetValues<GraphOp>();
        var values = new List<double>(Inputs);
        var steps = new List<(GraphOp, int, int, double)>();
        foreach (var gene in Genes)
        {
            // The first operand is one of the three newest nodes, so graphs grow deep and the
            // output depends on most of them; the second is any earlier node, so they share.
            int a = values.Count - 1 - gene.A % Math.Min(3, values.Count), b = gene.B % values.Count;
            var p = Exponents[gene.Exponent % Exponents.Length];

            // Take the chosen op, or the next one that is safe here (Neg and Tanh always are).
            var op = Enumerable.Range(0, ops.Length)
                .Select(k => ops[(gene.Op + k) % ops.Length])
                .First(o => Safe(o, values[a], values[b], p));
            steps.Add((op, a, b, p));
            values.Add(Evaluate(op, values[a], values[b], p));
        }

        return steps;
    }
}

/// <summary>FsCheck generators and shrinkers for random expression graphs.</summary>
public static class ExpressionGraphs
{
    /// <summary>A double in [lo, hi] with three decimals, so counterexamples read well.</summary>
    public static Gen<double> Between(double lo, double hi) =>
        Gen.Choose((int)(lo * 1000), (int)(hi * 1000)).Select(i => i / 1000.0);

    /// <summary>Genes for up to <paramref name="maxSteps"/> nodes.</summary>
    public static Gen<Gene[]> Genes(int maxSteps) =>
        from count in Gen.Choose(1, maxSteps)
        from genes in Gen.ArrayOf(
            from op in Gen.Choose(0, 1000)
            from a in Gen.Choose(0, 1000)
            from b in Gen.Choose(0, 1000)
            from p in Gen.Choose(0, 1000)
            select new Gene(op, a, b, p), count)
        select genes;

    /// <summary>Random graphs over 1 to 3 inputs in [−2, 2], with 1 to 12 op nodes.</summary>
    public static Gen<RandomGraph> Graphs =>
        from n in Gen.Choose(1, 3)
        from inputs in Gen.ArrayOf(Between(-2, 2), n)
        from genes in Genes(12)
        select new RandomGraph(inputs, genes);

    /// <summary>Smaller graphs: fewer genes, then simpler inputs.</summary>
    public static IEnumerable<RandomGraph> Shrink(RandomGraph g)
    {
        for (var i = 0; i < g.Genes.Length && g.Genes.Length > 1; i++)
        {
            yield return g with { Genes = [.. g.Genes.Take(i), .. g.Genes.Skip(i + 1)] };
        }

        for (var i = 0; i < g.Inputs.Length; i++)
        {
            foreach (var simpler in new[] { 1.0, Math.Round(g.Inputs[i], 1) }.Where(x => x != g.Inputs[i]))
            {
                var inputs = (double[])g.Inputs.Clone();
                inputs[i] = simpler;
                yield return g with { Inputs = inputs };
            }
        }
    }

    /// <summary>The arbitrary used by [Property] tests for a <see cref="RandomGraph"/>.</summary>
    public static Arbitrary<RandomGraph> RandomGraph() => Arb.From(Graphs, Shrink);

    /// <summary>Two graphs over the same inputs, for laws that combine two subexpressions f and g.</summary>
    public static Arbitrary<GraphPair> GraphPair() => Arb.From(
        from f in Graphs
        from genes in Genes(12)
        select new GraphPair(f, f with { Genes = genes }),
        pair => Shrink(pair.F).Select(f => new GraphPair(f, pair.G with { Inputs = f.Inputs }))
            .Concat(Shrink(pair.G).Where(g => g.Inputs == pair.F.Inputs).Select(g => new GraphPair(pair.F, g))));
}

/// <summary>Two random graphs f and g over the same input values.</summary>
public sealed record GraphPair(RandomGraph F, RandomGraph G)
{
    /// <summary>Builds f and g on one shared set of fresh leaves.</summary>
    public (Value[] Leaves, Value F, Value G) Build()
    {
        var leaves = F.Inputs.Select(x => new Value(x)).ToArray();
        return (leaves, F.Build(leaves), G.Build(leaves));
    }

    /// <inheritdoc/>
    public override string ToString() => $"f: {F}\ng: {G}";
}
