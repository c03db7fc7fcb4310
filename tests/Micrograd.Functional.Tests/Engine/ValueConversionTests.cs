namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// The implicit conversion double → Value, and the static members F# needs: they add ways in
/// without changing which overload C# picks or the graphs micrograd's code builds.
/// </summary>
public class ValueConversionTests
{
    [Fact]
    public void A_double_converts_to_a_fresh_constant_leaf()
    {
        Value k = 3.0;
        Value j = 3.0;
        Assert.Equal((Op.Leaf, 3.0), (k.Op, k.Data));
        Assert.NotEqual(k, j);
    }

    [Fact]
    public void Operators_with_a_double_still_build_micrograds_graphs()
    {
        var x = new Value(2.0);

        // 2 * x is micrograd's __rmul__: x · 2 with the constant second. Through the conversion it would come first.
        Assert.Same(x, (2 * x).Operands[0]);
        Assert.Same(x, (2 + x).Operands[0]);

        // x − 1 is x + (−1) with −1 a constant leaf (2 nodes beyond x); through the conversion it would be x + (1·(−1)).
        Assert.Equal(3, (x - 1.0).Backward().Count);
        Assert.Equal(-1.0, (x - 1.0).Operands[1].Data);

        // x / 2 is x · 0.5, the reciprocal folded into the constant.
        Assert.Equal(0.5, (x / 2.0).Operands[1].Data);
        Assert.Equal(Op.Leaf, (x / 2.0).Operands[1].Op);
    }

    [Fact]
    public void Comparing_a_value_with_a_number_is_a_compile_error_naming_data()
    {
        // With the conversion, v == 3.0 would compare identities with a fresh leaf: always false.
        var comparisons = typeof(Value).GetMethods()
            .Where(m => m.Name is "op_Equality" or "op_Inequality" && m.GetParameters().Any(p => p.ParameterType == typeof(double)))
            .ToArray();
        Assert.Equal(4, comparisons.Length);
        Assert.All(comparisons, m =>
        {
            var obsolete = Assert.Single(m.GetCustomAttributes(typeof(ObsoleteAttribute), false).Cast<ObsoleteAttribute>());
            Assert.True(obsolete.IsError);
            Assert.Contains("compare its Data", obsolete.Message);
        });
    }

    [Fact]
    public void Pow_with_a_number_is_still_the_constant_exponent_op()
    {
        var x = new Value(2.0);
        var integer = x.Pow(2);
        var real = x.Pow(2.5);
        Assert.Equal((Op.Pow, 2.0), (integer.Op, integer.Exponent.IfNone(double.NaN)));
        Assert.Equal(Op.Pow, real.Op);
        Assert.Equal(Op.PowValue, x.Pow(new Value(2.0)).Op);
    }

    [Fact]
    public void The_static_functions_build_the_same_op_as_the_instance_ones()
    {
        var x = new Value(0.3);
        (Value Static, Value Instance)[] pairs =
        [
            (Value.Pow(x, 3.0), x.Pow(3.0)), (Value.Pow(x, new Value(2.0)), x.Pow(new Value(2.0))),
            (Value.Relu(x), x.Relu()), (Value.Tanh(x), x.Tanh()), (Value.Exp(x), x.Exp()), (Value.Log(x), x.Log()),
            (Value.Sigmoid(x), x.Sigmoid()), (Value.Softplus(x), x.Softplus()), (Value.Sin(x), x.Sin()),
            (Value.Cos(x), x.Cos()), (Value.Sqrt(x), x.Sqrt()), (Value.Abs(x), x.Abs()),
        ];
        foreach (var (s, i) in pairs)
        {
            Assert.Equal((i.Op, i.Data, i.Exponent), (s.Op, s.Data, s.Exponent));
            Assert.Same(x, s.Operands[0]);
        }
    }

    [Fact]
    public void Zero_and_one_are_fresh_constant_leaves_so_a_sum_can_start_from_zero()
    {
        Assert.NotSame(Value.Zero, Value.Zero);
        Assert.Equal((Op.Leaf, 0.0, 1.0), (Value.Zero.Op, Value.Zero.Data, Value.One.Data));

        Value[] xs = [new(1.5), new(-2.0), new(4.0)];
        var sum = xs.Aggregate(Value.Zero, (acc, x) => acc + x);
        var grads = sum.Backward();
        Assert.Equal(3.5, sum.Data);
        Assert.All(xs, x => Assert.Equal(1.0, grads[x]));
    }
}
