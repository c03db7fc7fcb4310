using System.Collections.Immutable;

namespace Micrograd.Functional.Tests.Compilation;

/// <summary>A compiled function's other entry points and its checks on the caller's spans.</summary>
public class CompiledFunctionArgumentTests
{
    // f(x, y) = x·y: 2 inputs, no constants, 1 instruction, so 3 slots and 2 partials.
    private static readonly CompiledFunction F = Compiler.Compile(v => v[0] * v[1], 2);

    [Theory]
    [InlineData("values", "adjoints")]
    [InlineData("values", "partials")]
    [InlineData("adjoints", "partials")]
    [InlineData("gradient", "values")]
    [InlineData("gradient", "adjoints")]
    [InlineData("gradient", "partials")]
    [InlineData("gradient", "inputs")]
    public void Any_two_overlapping_spans_are_rejected_before_anything_is_written(string first, string second)
    {
        // Every span gets memory of its own, except the two named, which share an element of one array.
        var shared = new double[8];
        Span<double> Own(string name, int length) =>
            name == first ? shared.AsSpan(0, length) : name == second ? shared.AsSpan(1, length) : new double[length];

        var error = Assert.Throws<ArgumentException>(() =>
            F.ValueAndGrad(Own("inputs", 2), Own("gradient", 2), Own("values", 3), Own("adjoints", 3), Own("partials", 2)));
        Assert.Contains("must not overlap each other or the inputs", error.Message);
    }

    [Fact]
    public void Value_and_grad_at_an_immutable_point_of_x_times_y_at_3_4_is_12_and_4_3()
    {
        var (value, grad) = F.ValueAndGrad(ImmutableArray.Create(3.0, 4.0));
        Assert.Equal(12.0, value);
        Assert.Equal(new[] { 4.0, 3.0 }, grad);
        Assert.Equal(new[] { 4.0, 3.0 }, F.Grad(ImmutableArray.Create(3.0, 4.0)));
    }

    [Fact]
    public void A_default_immutable_point_is_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentNullException>(() => F.Evaluate(default(ImmutableArray<double>)));
        Assert.Equal("point", error.ParamName);
        Assert.Contains("default (uninitialised) ImmutableArray", error.Message);
        Assert.Equal("point", Assert.Throws<ArgumentNullException>(() => F.ValueAndGrad(default(ImmutableArray<double>))).ParamName);
    }

    [Fact]
    public void A_compiled_function_describes_its_tape_by_size()
    {
        Assert.Equal("CompiledFunction(inputs=2, instructions=1, constants=0)", F.ToString());
        Assert.Equal("CompiledFunction(inputs=1, instructions=2, constants=2)", Compiler.Compile(v => v[0] * 2.0 + 1.0, 1).ToString());
    }
}
