namespace Micrograd.Functional.Tests.Compilation;

/// <summary>The compiled function's contract at its edges: caller scratch, argument checks, the checked mode's messages.</summary>
public class CompilerContractTests
{
    private static readonly CompiledFunction F = Compiler.Compile(x => (x[0] * x[1]).Exp() + x[0], 2);

    [Fact]
    public void Caller_scratch_of_exactly_the_stated_sizes_gives_the_per_thread_result()
    {
        var expected = new double[2];
        var value = F.ValueAndGrad([0.3, -0.7], expected);

        var gradient = new double[2];
        var result = F.ValueAndGrad([0.3, -0.7], gradient, new double[F.SlotCount], new double[F.SlotCount], new double[2 * F.InstructionCount]);
        Assert.Equal(value, result);
        Assert.Equal(expected, gradient);
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -1, 0)]
    [InlineData(0, 0, -1)]
    public void Scratch_one_slot_too_short_is_rejected_with_the_sizes_it_needs(int values, int adjoints, int partials)
    {
        var error = Assert.Throws<ArgumentException>(() => F.ValueAndGrad(
            [0.3, -0.7], new double[2], new double[F.SlotCount + values], new double[F.SlotCount + adjoints], new double[2 * F.InstructionCount + partials]));
        Assert.Contains($"Scratch spans must hold {F.SlotCount} values and adjoints and {2 * F.InstructionCount} partials", error.Message);
    }

    [Fact]
    public void Wrong_inputs_are_rejected_by_both_overloads()
    {
        Assert.Contains("takes 2 inputs; it was given 3", Assert.Throws<ArgumentException>(() => F.ValueAndGrad([1.0, 2, 3], new double[2])).Message);
        Assert.Contains("takes 2 inputs; it was given 1", Assert.Throws<ArgumentException>(() =>
            F.ValueAndGrad([1.0], new double[2], new double[F.SlotCount], new double[F.SlotCount], new double[2 * F.InstructionCount])).Message);
    }

    [Fact]
    public void A_per_thread_buffer_grows_for_a_bigger_function_and_stays_correct()
    {
        var small = Compiler.Compile(x => x[0] * 2, 1);
        var big = Compiler.Compile(x => Enumerable.Range(0, 500).Aggregate(x[0], (v, _) => v + x[0]), 1);
        var g = new double[1];
        Assert.Equal(2.0, small.ValueAndGrad([1.0], g));
        Assert.Equal(501.0, big.ValueAndGrad([1.0], g));
        Assert.Equal(501.0, g[0]);
        Assert.Equal(2.0, small.ValueAndGrad([1.0], g));
        Assert.Equal(2.0, g[0]);
    }

    [Fact]
    public void Compile_rejects_a_missing_function_or_no_inputs()
    {
        Assert.Throws<ArgumentNullException>(() => Compiler.Compile(null!, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Compiler.Compile(x => x[0], 0));
        Assert.Contains("at least 1", Assert.Throws<ArgumentException>(() => Compiler.CompileChecked(x => x[0], [], [])).Message);
    }

    [Fact]
    public void Checked_compilation_names_a_changed_instruction()
    {
        static Value Branch(Value[] x) => x[0].Data > 0 ? x[0].Tanh() : x[0].Exp();
        var message = Compiler.CompileChecked(Branch, [1.0], [-1.0]).Match(Succ: _ => "", Fail: e => e.Message);
        Assert.Contains("instruction 0 is Instruction { Op = Tanh", message);
        Assert.Contains("in one trace and Instruction { Op = Exp", message);
    }

    [Fact]
    public void Checked_compilation_names_a_changed_exponent()
    {
        static Value Branch(Value[] x) => x[0].Pow(x[0].Data > 0 ? 2 : 3);
        var message = Compiler.CompileChecked(Branch, [1.0], [-1.0]).Match(Succ: _ => "", Fail: e => e.Message);
        Assert.Contains("instruction 0 is Instruction { Op = Pow, A = 0, B = -1, P = 2 } in one trace and Instruction { Op = Pow, A = 0, B = -1, P = 3 } in the other", message);
    }

    [Fact]
    public void Compiled_powers_use_each_instructions_own_exponent()
    {
        // Two powers on one tape: d/dx (x² + x³) = 2x + 3x².
        var f = Compiler.Compile(x => x[0].Pow(2) + x[0].Pow(3), 1);
        var gradient = new double[1];
        Assert.Equal(1.5 * 1.5 + 1.5 * 1.5 * 1.5, f.ValueAndGrad([1.5], gradient), 12);
        Assert.Equal(2 * 1.5 + 3 * 1.5 * 1.5, gradient[0], 12);
        Assert.Equal(1.5 * 1.5 + 1.5 * 1.5 * 1.5, f.Evaluate([1.5]), 12);
    }

    [Fact]
    public void Checked_compilation_reports_a_constant_operand_replaced_by_an_input()
    {
        // x·2 against x·x: the first difference is the instruction's second operand (a constant's slot, then the input's).
        static Value Branch(Value[] x) => x[0].Data > 0 ? x[0] * 2.0 : x[0] * x[0];
        var message = Compiler.CompileChecked(Branch, [1.0], [-1.0]).Match(Succ: _ => "", Fail: e => e.Message);
        Assert.StartsWith("The function takes a different path at the second point: instruction 0 is Instruction { Op = Mul, A = 0, B = 1", message);
    }

    [Fact]
    public void Checked_compilation_names_a_different_output()
    {
        // The same (empty) tape and no constants, but one trace returns the first input and the other the
        // second. (An op output is always the tape's newest instruction, so only a leaf output can differ alone.)
        static Value Branch(Value[] x) => x[0].Data > 0 ? x[0] : x[1];
        var message = Compiler.CompileChecked(Branch, [1.0, 2.0], [-1.0, 2.0]).Match(Succ: _ => "", Fail: e => e.Message);
        Assert.Contains("the outputs are different nodes", message);
    }

    [Fact]
    public void Checked_compilation_reports_a_constant_returned_on_one_path_only()
    {
        // relu written as a branch: one trace returns the input itself, the other a constant 0.
        static Value Relu(Value[] x) => x[0].Data > 0 ? x[0] : new Value(0.0);
        var message = Compiler.CompileChecked(Relu, [1.0], [-1.0]).Match(Succ: _ => "", Fail: e => e.Message);
        Assert.Contains("the traces have 0 and 1 constants", message);
    }

    [Fact]
    public void Checked_compilation_reports_a_different_custom_op_on_each_path()
    {
        var square = CustomOp.Unary("square", x => x * x, x => 2 * x);
        var cube = CustomOp.Unary("cube", x => x * x * x, x => 3 * x * x);
        Value Branch(Value[] x) => x[0].Data > 0 ? square.Apply(x[0]) : cube.Apply(x[0]);
        var message = Compiler.CompileChecked(Branch, [1.0], [-1.0]).Match(Succ: _ => "", Fail: e => e.Message);
        Assert.Contains("the traces use different custom ops", message);
    }

    [Fact]
    public void Checked_compilation_rejects_a_missing_function_or_point_by_name()
    {
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => Compiler.CompileChecked(null!, [1.0], [1.0])).ParamName);
        var missing = Assert.Throws<ArgumentException>(() => Compiler.CompileChecked(x => x[0], default, [1.0]));
        Assert.Contains("at least 1; got 0 and 1", missing.Message);
        Assert.Equal("second", missing.ParamName);
    }

    [Fact]
    public void Data_parallel_rejects_missing_samples_and_negative_counts()
    {
        Assert.Throws<ArgumentNullException>(() => DataParallel.SumValueAndGrad([1.0], 1, null!, new double[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataParallel.SumValueAndGrad([1.0], -1, _ => (F, [1.0]), new double[1]));
    }

    [Fact]
    public void Fewer_samples_than_chunks_still_sum_every_sample_once()
    {
        var f = Compiler.Compile(v => v[0] * v[1], 2);
        var gradient = new double[1];
        Assert.Equal(2.0 * (1 + 2 + 3), DataParallel.SumValueAndGrad([2.0], 3, i => (f, [i + 1.0]), gradient, chunks: 16));
        Assert.Equal(6.0, gradient[0]);
        Assert.Equal(2.0 * (1 + 2 + 3), DataParallel.SumValueAndGrad([2.0], 3, i => (f, [i + 1.0]), gradient, chunks: 2));
    }
}
