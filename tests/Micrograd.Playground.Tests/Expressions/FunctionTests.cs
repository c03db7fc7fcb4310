using Micrograd.Functional;
using Micrograd.Playground.Expressions;
using static Micrograd.Playground.Tests.Expressions.Programs;

namespace Micrograd.Playground.Tests.Expressions;

/// <summary>Every function of the language builds the library's own node: same op, same data, same gradient, bit for bit.</summary>
public sealed class FunctionTests
{
    public static TheoryData<string, Op> Unary() => new()
    {
        { "relu", Op.Relu }, { "tanh", Op.Tanh }, { "exp", Op.Exp }, { "log", Op.Log }, { "sigmoid", Op.Sigmoid },
        { "softplus", Op.Softplus }, { "sin", Op.Sin }, { "cos", Op.Cos }, { "sqrt", Op.Sqrt }, { "abs", Op.Abs },
        { "step", Op.Step }, { "stop_gradient", Op.StopGradient },
    };

    private static Value Library(Op op, Value x) => op switch
    {
        Op.Relu => x.Relu(), Op.Tanh => x.Tanh(), Op.Exp => x.Exp(), Op.Log => x.Log(), Op.Sigmoid => x.Sigmoid(),
        Op.Softplus => x.Softplus(), Op.Sin => x.Sin(), Op.Cos => x.Cos(), Op.Sqrt => x.Sqrt(), Op.Abs => x.Abs(),
        Op.Step => x.Step(), _ => x.StopGradient(),
    };

    [Theory]
    [MemberData(nameof(Unary))]
    public void Each_one_operand_function_and_its_method_form_build_the_librarys_node(string name, Op op)
    {
        foreach (var data in new[] { 0.7, -1.3, 0.0, 2.5 })
        {
            var x = new Value(data);
            var expected = Library(op, x * x) * 3; // a chain through the function, so its derivative shows
            var literal = data.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var source in new[] { $"x = Value({literal})\ny = {name}(x * x) * 3", $"x = Value({literal})\ny = (x * x).{name}() * 3" })
            {
                var ran = Run(source);
                Assert.Equal(op, ran.Output.Operands[0].Op);
                Assert.Equal(Bits(expected.Data), Bits(ran.Output.Data));
                Assert.Equal(Bits(expected.Backward()[x]), Bits(ran.Output.Backward()[ran.Variable("x")]));
            }
        }
    }

    [Theory]
    [InlineData("max", 1.5, -2.0)]
    [InlineData("min", 1.5, -2.0)]
    [InlineData("max", 0.5, 0.5)] // a tie: ½ each
    [InlineData("min", 0.5, 0.5)]
    public void Max_and_min_build_the_librarys_node(string name, double a, double b)
    {
        var (x, y) = (new Value(a), new Value(b));
        var expected = name == "max" ? Value.Max(x, y) : Value.Min(x, y);
        var ran = Run(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"x = Value({a})\ny = Value({b})\nz = {name}(x, y)"));
        var (grads, typed) = (expected.Backward(), ran.Output.Backward());
        Assert.Equal(expected.Op, ran.Output.Op);
        Assert.Equal(Bits(expected.Data), Bits(ran.Output.Data));
        Assert.Equal(Bits(grads[x]), Bits(typed[ran.Variable("x")]));
        Assert.Equal(Bits(grads[y]), Bits(typed[ran.Variable("y")]));
    }

    [Fact]
    public void A_function_of_a_number_makes_the_number_a_constant_leaf_as_Cs_implicit_conversion_does()
    {
        var ran = Run("y = tanh(0.5) + max(1, 2)");
        Assert.Equal(Math.Tanh(0.5) + 2, ran.Output.Data);
        Assert.Equal(Op.Tanh, ran.Output.Operands[0].Op);
    }

    [Fact]
    public void The_list_of_functions_names_every_primitive_the_language_has()
    {
        Assert.Equal("Value, relu, tanh, exp, log, sigmoid, softplus, sin, cos, sqrt, abs, step, stop_gradient, max, min", Functions.Known);
    }
}
