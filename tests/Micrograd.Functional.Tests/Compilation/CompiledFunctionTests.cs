using FsCheck.Xunit;
using Micrograd.Functional.Tests.Engine;

namespace Micrograd.Functional.Tests.Compilation;

/// <summary>A compiled tape gives the engine's numbers, bit for bit, without a graph or allocation.</summary>
public class CompiledFunctionTests
{
    private static long[] Bits(IEnumerable<double> xs) => [.. xs.Select(BitConverter.DoubleToInt64Bits)];

    [Property(Arbitrary = [typeof(ExpressionGraphs)], MaxTest = 300)]
    public void A_compiled_graph_gives_the_engines_value_and_gradient_bit_for_bit(RandomGraph graph)
    {
        var compiled = Compiler.Compile(x => graph.Build(x), graph.Inputs.Length);
        var (leaves, output) = graph.Build();
        var grads = output.Backward();

        var gradient = new double[graph.Inputs.Length];
        var value = compiled.ValueAndGrad(graph.Inputs, gradient);

        Assert.Equal(BitConverter.DoubleToInt64Bits(output.Data), BitConverter.DoubleToInt64Bits(value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(output.Data), BitConverter.DoubleToInt64Bits(compiled.Evaluate(graph.Inputs)));
        Assert.Equal(Bits(grads.For(leaves)), Bits(gradient));
    }

    [Fact]
    public void One_compilation_serves_many_inputs()
    {
        var f = Compiler.Compile(x => (x[0] * x[1]).Tanh() + x[0].Pow(2), 2);
        var gradient = new double[2];
        foreach (var (a, b) in new[] { (0.5, -1.5), (2.0, 0.25), (-1.0, 3.0) })
        {
            var value = f.ValueAndGrad([a, b], gradient);
            var t = Math.Tanh(a * b);
            Tolerance.Close(t + a * a, value, 1e-15);
            Tolerance.Close((1 - t * t) * b + 2 * a, gradient[0], 1e-15);
            Tolerance.Close((1 - t * t) * a, gradient[1], 1e-15);
        }
    }

    [Fact]
    public void The_tape_holds_one_instruction_per_op_and_freezes_other_leaves_as_constants()
    {
        var w = new Value(3.0); // captured, not an input: a constant
        var f = Compiler.Compile(x => x[0] * w + 1.0, 1);
        Assert.Equal((1, 2, 2, 5), (f.InputCount, f.InstructionCount, f.ConstantCount, f.SlotCount));
        var gradient = new double[1];
        Assert.Equal(7.0, f.ValueAndGrad([2.0], gradient));
        Assert.Equal(3.0, gradient[0]);
    }

    [Fact]
    public void An_input_the_output_does_not_use_has_gradient_zero()
    {
        var f = Compiler.Compile(x => x[0].Exp(), 3);
        var gradient = new[] { double.NaN, double.NaN, double.NaN };
        f.ValueAndGrad([0.0, 5.0, 6.0], gradient);
        Assert.Equal(new[] { 1.0, 0.0, 0.0 }, gradient);
    }

    [Fact]
    public void A_branch_on_the_data_of_a_traced_value_is_refused_at_compile_time_instead_of_frozen()
    {
        // The reproduction: traced at the placeholder, this used to compile to v·3 and give 15 at 5.
        var error = Assert.Throws<InvalidOperationException>(() => Compiler.Compile(v => v[0].Data > 0 ? v[0] * 2 : v[0] * 3, 1));
        Assert.Contains("Value.Data was read while compiling", error.Message);
        Assert.Contains("Write the choice as an op (Relu, Max, Min, Abs, Step)", error.Message);
        Assert.Contains("CompileChecked", error.Message);
        Assert.Contains("would be frozen into it (the other branch would never run)", error.Message);
        Assert.Contains("print the node itself (ToString marks it as traced)", error.Message);

        // Written with ops, the choice is on the tape and right everywhere.
        var g = Compiler.Compile(x => x[0].Relu() + (-x[0]).Relu(), 1);
        Assert.Equal(2.0, g.Evaluate([-2.0]));
        Assert.Equal(5.0, g.Evaluate([5.0]));
    }

    [Fact]
    public void Numeric_gradients_of_a_traced_value_are_refused_at_compile_time_and_symbolic_ones_follow_the_input()
    {
        // A gradient step inside a compiled function: Backward() would compute 2x at the placeholder and freeze it.
        var error = Assert.Throws<InvalidOperationException>(() => Compiler.Compile(v => v[0] - 0.1 * (v[0] * v[0]).Backward()[v[0]], 1));
        Assert.Contains("Backward() was called while compiling", error.Message);
        Assert.Contains("Ad.Grad, Ad.Grads or BackwardSymbolic()", error.Message);
        Assert.Contains("computed here from the placeholder inputs, so they would be frozen into the compiled function", error.Message);

        // Written with Ad.Grads, the gradient is on the tape: x − 0.1·2x = 0.8x at every input.
        var step = Compiler.Compile(v => v[0] - 0.1 * Ad.Grads(x => x[0] * x[0])(v)[0], 1);
        Assert.Equal(4.0, step.Evaluate([5.0]), 12);
        Assert.Equal(-1.6, step.Evaluate([-2.0]), 12);
    }

    [Fact]
    public void A_node_whose_second_operand_alone_depends_on_an_input_is_traced_too()
    {
        // 2 + x: the constant comes first, the input second; reading the sum's data would freeze a choice as much as reading x's.
        var error = Assert.Throws<InvalidOperationException>(() => Compiler.Compile(v => (2.0 + v[0]) is var y && y.Data > 0 ? y : -y, 1));
        Assert.Contains("Value.Data was read while compiling", error.Message);
        Assert.Throws<InvalidOperationException>(() => Compiler.Compile(v => Value.Max(new Value(2.0), v[0]) is var y && y.Data > 0 ? y : -y, 1));
    }

    [Fact]
    public void A_traced_value_can_be_printed_and_a_constant_can_be_read_while_compiling()
    {
        var w = new Value(3.0, "w");
        var log = new List<string>();
        var f = Compiler.Compile(x =>
        {
            var y = x[0] * w.Data; // a captured constant is not traced: its Data is a real number
            log.Add(y.ToString());
            return y;
        }, 1);
        Assert.Equal(12.0, f.Evaluate([4.0]));
        Assert.Single(log);
        Assert.Contains("(traced placeholder)", log[0]);
        Assert.Equal(4.0, new Value(4.0).Data); // outside compilation nothing changes
    }

    [Fact]
    public void Checked_compilation_reports_a_branch_on_data()
    {
        static Value Abs(Value[] x) => x[0].Data < 0 ? -x[0] : x[0];
        var message = Compiler.CompileChecked(Abs, [1.0], [-1.0]).Match(Succ: _ => "", Fail: e => e.Message);
        Assert.StartsWith("The function takes a different path at the second point: the traces have 0 and 1 instructions", message);
        Assert.True(Compiler.CompileChecked(x => x[0].Relu() + (-x[0]).Relu(), [1.0], [-1.0]).IsSucc);
    }

    [Fact]
    public void Checked_compilation_reports_a_changed_constant()
    {
        static Value Scaled(Value[] x) => x[0] * (x[0].Data > 0 ? 2.0 : 3.0);
        var message = Compiler.CompileChecked(Scaled, [1.0], [-1.0]).Match(Succ: _ => "", Fail: e => e.Message);
        Assert.Contains("constant 0 is 2 in one trace and 3 in the other", message);
    }

    [Fact]
    public void A_million_deep_chain_compiles_and_runs()
    {
        var f = Compiler.Compile(x =>
        {
            var v = x[0];
            for (var i = 0; i < 1_000_000; i++)
            {
                v += x[0];
            }

            return v;
        }, 1);
        var gradient = new double[1];
        Assert.Equal(1_000_001 * 0.5, f.ValueAndGrad([0.5], gradient));
        Assert.Equal(1_000_001.0, gradient[0]);
    }

    [Fact]
    public void After_warm_up_a_call_allocates_nothing()
    {
        var f = Compiler.Compile(x => ((x[0] * x[1]).Tanh() + x[2].Exp()).Pow(2), 3);
        double[] inputs = [0.1, 0.2, 0.3];
        var gradient = new double[3];
        f.ValueAndGrad(inputs, gradient);
        f.Evaluate(inputs);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            f.ValueAndGrad(inputs, gradient);
            f.Evaluate(inputs);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void One_compiled_function_called_from_many_threads_gives_correct_results()
    {
        var f = Compiler.Compile(x => (x[0] * x[1] + x[0].Sigmoid()).Tanh(), 2);
        var expected = Enumerable.Range(0, 2000).Select(i =>
        {
            var g = new double[2];
            var v = f.ValueAndGrad([i / 1000.0, 1 - i / 1000.0], g);
            return (v, g[0], g[1]);
        }).ToArray();

        var wrong = 0;
        Parallel.For(0, 200_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            var i = k % 2000;
            Span<double> g = stackalloc double[2];
            var v = f.ValueAndGrad([i / 1000.0, 1 - i / 1000.0], g);
            if ((v, g[0], g[1]) != expected[i])
            {
                Interlocked.Increment(ref wrong);
            }
        });
        Assert.Equal(0, wrong);
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_clear_errors()
    {
        var f = Compiler.Compile(x => x[0] + x[1], 2);
        Assert.Contains("takes 2 inputs; it was given 1", Assert.Throws<ArgumentException>(() => f.Evaluate([1.0])).Message);
        Assert.Contains("gradient span has 1 entries", Assert.Throws<ArgumentException>(() => f.ValueAndGrad([1.0, 2.0], new double[1])).Message);
        Assert.Contains("Scratch spans must hold", Assert.Throws<ArgumentException>(() => f.ValueAndGrad([1.0, 2.0], new double[2], new double[1], new double[4], new double[2])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Compiler.Compile(x => x[0], 0));
        Assert.Contains("returned null", Assert.Throws<ArgumentNullException>(() => Compiler.Compile(_ => null!, 1)).Message);
        Assert.Contains("same number of inputs", Assert.Throws<ArgumentException>(() => Compiler.CompileChecked(x => x[0], [1.0], [1.0, 2.0])).Message);
    }
}
