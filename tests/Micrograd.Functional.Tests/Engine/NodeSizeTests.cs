namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// What a node costs in memory: at most 64 bytes on the 64-bit runtime, whatever its kind (micrograd's Python node
/// takes about 680). Measured as the bytes this thread allocates while building 100,000 nodes, so a new field on
/// <see cref="Value"/> cannot grow it unnoticed.
/// </summary>
public class NodeSizeTests
{
    private const int Count = 100_000;

    public static TheoryData<string> Kinds => ["leaf", "labelled leaf", "sum", "product", "constant power", "variable power", "tanh", "where", "custom op", "with copy", "traced"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_of_node_costs_at_most_64_bytes(string kind)
    {
        var (a, b) = (new Value(0.5, "a"), new Value(2.0, "b"));
        var cube = CustomOp.Unary("cube", x => x * x * x, x => 3 * x * x);
        Func<int, Value> build = kind switch
        {
            "leaf" => i => new Value(i),
            "labelled leaf" => i => new Value(i, "w"),
            "sum" => _ => a + b,
            "product" => _ => a * b,
            "constant power" => _ => a.Pow(2.5),
            "variable power" => _ => a.Pow(b),
            "tanh" => _ => a.Tanh(),
            "where" => _ => Where(a, b),
            "custom op" => _ => cube.Apply(a),
            "with copy" => _ => a with { },
            "traced" => i => Value.Tracer(i),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of node this test builds"),
        };

        // The lower bound is an object header and one double: a measurement that saw nothing fails too.
        Assert.InRange(BytesPerNode(build), 24, 64);
    }

    [Fact]
    public void A_node_reads_back_the_op_it_was_built_with_and_an_id_above_its_operands()
    {
        var (a, b) = (new Value(0.5), new Value(2.0));
        var cube = CustomOp.Unary("cube", x => x * x * x, x => 3 * x * x);
        (Value Node, Op Op)[] built =
        [
            (a + b, Op.Add), (a * b, Op.Mul), (a.Pow(3), Op.Pow), (a.Relu(), Op.Relu), (a.Tanh(), Op.Tanh), (a.Exp(), Op.Exp),
            (a.Log(), Op.Log), (a.Sigmoid(), Op.Sigmoid), (a.Softplus(), Op.Softplus), (a.Sin(), Op.Sin), (a.Cos(), Op.Cos),
            (a.Sqrt(), Op.Sqrt), (a.Abs(), Op.Abs), (a.Pow(b), Op.PowValue), (Value.Max(a, b), Op.Max), (Value.Min(a, b), Op.Min),
            (a.Step(), Op.Step), (Where(a, b), Op.Where), (a.StopGradient(), Op.StopGradient), (cube.Apply(a), Op.Custom),
        ];

        Assert.Equal(Enum.GetValues<Op>().Length - 1, built.Length); // every op but Leaf
        Assert.Equal(Op.Leaf, a.Op);
        foreach (var (node, op) in built)
        {
            Assert.Equal(op, node.Op);
            Assert.True(node.Id > b.Id, $"{node} is newer than its operands");
        }
    }

    [Fact]
    public void A_traced_node_keeps_its_op_and_id_and_passes_the_trace_on()
    {
        var placeholder = Value.Tracer(1.0);
        var plain = new Value(2.0);
        var product = placeholder * plain;
        Assert.Equal((Op.Leaf, true), (placeholder.Op, placeholder.IsTraced));
        Assert.Equal((Op.Leaf, false), (plain.Op, plain.IsTraced));
        Assert.Equal((Op.Mul, true), (product.Op, product.IsTraced));
        Assert.True(placeholder.Id < plain.Id && plain.Id < product.Id);
        var copy = product with { };
        Assert.Equal((Op.Mul, true), (copy.Op, copy.IsTraced));
        Assert.True(copy.Id > product.Id);
    }

    private static T Where<T>(T mask, T x) where T : IScalar<T> => T.Where(mask, x);

    /// <summary>
    /// The bytes this thread allocates per node while <paramref name="build"/> makes <see cref="Count"/> nodes (after one
    /// to warm up), rounded down: the runtime may allocate a few bytes of its own meanwhile (tiered compilation), far
    /// fewer than the 800,000 bytes one more field would add.
    /// </summary>
    private static long BytesPerNode(Func<int, Value> build)
    {
        var nodes = new Value[Count];
        nodes[0] = build(0); // compiles what building calls, outside the measurement
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Count; i++)
        {
            nodes[i] = build(i);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(nodes);
        return allocated / Count;
    }
}
