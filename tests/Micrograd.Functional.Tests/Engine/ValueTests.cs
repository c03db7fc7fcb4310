using LanguageExt;

namespace Micrograd.Functional.Tests.Engine;

/// <summary>What a node is: its data, op, operands, identity and how it prints.</summary>
public class ValueTests
{
    [Fact]
    public void Two_leaves_with_equal_data_are_different_nodes()
    {
        var (a, b) = (new Value(1.5), new Value(1.5));
        Assert.NotEqual(a, b);
        Assert.False(a == b);
        Assert.True(a != b);
        Assert.False(a.Equals((object)b));
        Assert.NotEqual(a.Id, b.Id);
        Assert.NotEqual(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void A_node_equals_itself_and_hashes_by_its_id()
    {
        var a = new Value(1.5);
        Assert.True(a.Equals(a));
        Assert.True(a.Equals((object)a));
        Assert.False(a.Equals(null));
        Assert.Equal(a.Id.GetHashCode(), a.GetHashCode());
    }

    [Fact]
    public void A_with_copy_is_a_new_node_with_its_own_gradient()
    {
        var a = new Value(3.0, "a");
        var copy = a with { };
        Assert.NotEqual(a, copy);
        Assert.True(copy.Id > a.Id);
        Assert.Equal((3.0, Op.Leaf, "a"), (copy.Data, copy.Op, copy.Label));

        var grads = (a * 2 + copy * 5).Backward();
        Assert.Equal(2.0, grads[a]);
        Assert.Equal(5.0, grads[copy]);
    }

    [Fact]
    public void A_with_copy_of_a_result_keeps_its_op_operands_and_derivatives()
    {
        var x = new Value(2.0);
        var square = x.Pow(2);
        var copy = square with { };
        Assert.Equal((4.0, Op.Pow), (copy.Data, copy.Op));
        Assert.Equal(square.Operands, copy.Operands);
        Assert.Equal(2.0, copy.Exponent.IfNone(double.NaN));
        Assert.Equal(4.0, copy.Backward()[x]);
    }

    [Fact]
    public void Ids_increase_in_creation_order_so_operands_come_before_results()
    {
        var a = new Value(1);
        var b = new Value(2);
        var c = a * b;
        Assert.True(a.Id < b.Id && b.Id < c.Id);
    }

    [Fact]
    public void Operands_and_op_describe_how_a_node_was_built()
    {
        var (a, b) = (new Value(2.0), new Value(3.0));
        var sum = a + b;
        var tanh = sum.Tanh();
        Assert.Empty(a.Operands);
        Assert.Equal(Op.Leaf, a.Op);
        Assert.Equal(new[] { a, b }, sum.Operands);
        Assert.Equal(Op.Add, sum.Op);
        Assert.Equal(new[] { sum }, tanh.Operands);
        Assert.Equal(Op.Tanh, tanh.Op);
    }

    [Fact]
    public void Only_a_pow_node_has_an_exponent()
    {
        var x = new Value(2.0);
        Assert.Equal(Option<double>.Some(3.0), x.Pow(3).Exponent);
        Assert.True(x.Exponent.IsNone);
        Assert.True(x.Exp().Exponent.IsNone);
    }

    [Fact]
    public void Composites_are_built_from_primitives_as_micrograd_builds_them()
    {
        var (a, b) = (new Value(6.0), new Value(3.0));

        var negation = -a; // a · (−1)
        Assert.Equal((Op.Mul, -1.0), (negation.Op, negation.Operands[1].Data));
        Assert.Same(a, negation.Operands[0]);

        var difference = a - b; // a + (−b)
        Assert.Equal(Op.Add, difference.Op);
        Assert.Same(a, difference.Operands[0]);
        Assert.Equal(Op.Mul, difference.Operands[1].Op);

        var quotient = a / b; // a · b⁻¹
        Assert.Equal((Op.Mul, 2.0), (quotient.Op, quotient.Data));
        Assert.Equal(-1.0, quotient.Operands[1].Exponent.IfNone(0));
    }

    public static TheoryData<string, Func<Value, Value>, double, double> MixedOperators => new()
    {
        { "x + 2", x => x + 2, 7, 1 },
        { "2 + x", x => 2 + x, 7, 1 },
        { "x - 2", x => x - 2, 3, 1 },
        { "2 - x", x => 2 - x, -3, -1 },
        { "x * 2", x => x * 2, 10, 2 },
        { "2 * x", x => 2 * x, 10, 2 },
        { "x / 2", x => x / 2, 2.5, 0.5 },
        { "2 / x", x => 2 / x, 0.4, -0.08 },
        { "x - x", x => x - x, 0, 0 },
        { "x / x", x => x / x, 1, 0 },
        { "-x", x => -x, -5, -1 },
        { "x ^ 3", x => x.Pow(3), 125, 75 },
    };

    [Theory]
    [MemberData(nameof(MixedOperators))]
    public void Operators_with_a_double_on_either_side_give_the_right_value_and_slope(string expression, Func<Value, Value> f, double value, double slope)
    {
        var x = new Value(5.0);
        var y = f(x);
        Tolerance.Close(value, y.Data, 1e-15, expression);
        Tolerance.Close(slope, y.Backward()[x], 1e-15, $"d({expression})/dx");
    }

    [Fact]
    public void A_double_operand_becomes_a_constant_leaf_of_the_graph()
    {
        var x = new Value(5.0);
        var y = x * 2.0;
        var constant = y.Operands[1];
        Assert.Equal((Op.Leaf, 2.0), (constant.Op, constant.Data));
        Assert.Equal(5.0, y.Backward()[constant]);
    }

    [Fact]
    public void ToString_shows_a_leaf_with_its_data_label_and_id()
    {
        var a = new Value(-4.0, "a");
        Assert.Equal($"Value(data=-4, label=a, id={a.Id})", a.ToString());
        var b = new Value(0.1);
        Assert.Equal($"Value(data=0.1, id={b.Id})", b.ToString());
    }

    [Fact]
    public void ToString_shows_a_result_with_its_op_and_never_its_graph()
    {
        var a = new Value(2.0, "a");
        var cube = a.Pow(3);
        Assert.Equal($"Value(data=8, op=Pow, exponent=3, id={cube.Id})", cube.ToString());
        var sum = cube + a;
        Assert.Equal($"Value(data=10, op=Add, id={sum.Id})", sum.ToString());
    }

    [Fact]
    public void ToString_is_culture_invariant_and_round_trips_doubles()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var v = new Value(0.1 + 0.2);
            Assert.Equal($"Value(data=0.30000000000000004, id={v.Id})", v.ToString());
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_null_operand_is_rejected_with_the_name_of_the_argument()
    {
        var x = new Value(1.0);
        Value? missing = null;
        var error = Assert.Throws<ArgumentNullException>(() => x + missing!);
        Assert.Equal(("b", true), (error.ParamName, error.Message.Contains("operand of a Value operator is null")));
        Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => missing! * x).ParamName);
    }
}
