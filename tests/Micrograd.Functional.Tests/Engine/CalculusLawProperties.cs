using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Micrograd.Functional.Tests.Engine;

/// <summary>
/// The laws of differential calculus, checked on random expression graphs that share
/// subexpressions. Each property states one law; read together they are the calculus that
/// <c>Backward</c> must obey. f and g are arbitrary subexpressions of the same inputs x.
/// </summary>
[Properties(Arbitrary = [typeof(ExpressionGraphs)], MaxTest = 200)]
public class CalculusLawProperties
{
    private const double Tight = 1e-10;

    [Property]
    public void Forward_values_equal_plain_double_arithmetic(RandomGraph graph)
    {
        var (_, output) = graph.Build();
        Tolerance.Close(graph.Evaluate(graph.Inputs), output.Data, 1e-12);
    }

    [Property]
    public void Sum_rule_d_of_f_plus_g_is_df_plus_dg(GraphPair pair)
    {
        var (x, f, g) = pair.Build();
        var (df, dg, dsum) = (f.Backward(), g.Backward(), (f + g).Backward());
        foreach (var xi in x)
        {
            Tolerance.Close(df[xi] + dg[xi], dsum[xi], Tight);
        }
    }

    [Property]
    public void Linearity_d_of_alpha_f_plus_beta_g_is_alpha_df_plus_beta_dg(GraphPair pair, sbyte a, sbyte b)
    {
        var (alpha, beta) = (a / 8.0, b / 8.0);
        var (x, f, g) = pair.Build();
        var (df, dg, dcombo) = (f.Backward(), g.Backward(), (alpha * f + beta * g).Backward());
        foreach (var xi in x)
        {
            Tolerance.Close(alpha * df[xi] + beta * dg[xi], dcombo[xi], Tight);
        }
    }

    [Property]
    public void Product_rule_d_of_f_times_g_is_df_g_plus_f_dg(GraphPair pair)
    {
        var (x, f, g) = pair.Build();
        var (df, dg, dproduct) = (f.Backward(), g.Backward(), (f * g).Backward());
        foreach (var xi in x)
        {
            Tolerance.Close(df[xi] * g.Data + f.Data * dg[xi], dproduct[xi], Tight);
        }
    }

    [Property]
    public Property Quotient_rule_d_of_f_over_g_is_df_g_minus_f_dg_over_g_squared(GraphPair pair) =>
        Prop.When(Math.Abs(pair.G.Evaluate(pair.G.Inputs)) >= 0.25, () =>
        {
            var (x, f, g) = pair.Build();
            var (df, dg, dquotient) = (f.Backward(), g.Backward(), (f / g).Backward());
            foreach (var xi in x)
            {
                Tolerance.Close((df[xi] * g.Data - f.Data * dg[xi]) / (g.Data * g.Data), dquotient[xi], 1e-9);
            }
        });

    [Property]
    public Property Power_rule_d_of_f_to_the_n_is_n_f_to_the_n_minus_1_df(RandomGraph graph, int choice)
    {
        var n = RandomGraph.Exponents[Math.Abs(choice % RandomGraph.Exponents.Length)];
        var fx = graph.Evaluate(graph.Inputs);
        var defined = n == Math.Floor(n) ? n >= 0 || Math.Abs(fx) >= 0.25 : fx >= 0.25;
        return Prop.When(defined && Math.Abs(Math.Pow(fx, n)) <= 1e3, () =>
        {
            var (x, f) = graph.Build();
            var (df, dpower) = (f.Backward(), f.Pow(n).Backward());
            foreach (var xi in x)
            {
                var expected = n == 0 ? 0.0 : n * Math.Pow(f.Data, n - 1) * df[xi];
                Tolerance.Close(expected, dpower[xi], 1e-9);
            }
        });
    }

    /// <summary>Each unary op u with its derivative u′ written out independently of the engine.</summary>
    public static TheoryData<string> UnaryOps => ["relu", "tanh", "exp", "log", "sigmoid", "softplus", "neg", "sin", "cos", "sqrt", "abs", "max with 0.5", "min with 0.5", "custom softsign"];

    private static readonly CustomOp Softsign = CustomOp.Unary("softsign", u => u / (1 + Math.Abs(u)), u => Math.Pow(1 + Math.Abs(u), -2));

    private static (Func<Value, Value> U, Func<double, double> Derivative, Func<double, bool> Domain) Unary(string name) => name switch
    {
        "relu" => (v => v.Relu(), u => u > 0 ? 1 : 0, u => Math.Abs(u) >= 0.05),
        "tanh" => (v => v.Tanh(), u => 1 / (Math.Cosh(u) * Math.Cosh(u)), _ => true),
        "exp" => (v => v.Exp(), Math.Exp, u => u <= 5),
        "log" => (v => v.Log(), u => 1 / u, u => u >= 0.25),
        "sigmoid" => (v => v.Sigmoid(), u => Math.Exp(-u) / ((1 + Math.Exp(-u)) * (1 + Math.Exp(-u))), _ => true),
        "softplus" => (v => v.Softplus(), u => Math.Exp(u) / (1 + Math.Exp(u)), _ => true),
        "neg" => (v => -v, _ => -1, _ => true),
        "sin" => (v => v.Sin(), Math.Cos, _ => true),
        "cos" => (v => v.Cos(), u => -Math.Sin(u), _ => true),
        "sqrt" => (v => v.Sqrt(), u => 0.5 / Math.Sqrt(u), u => u >= 0.25),
        "abs" => (v => v.Abs(), u => Math.Sign(u), u => Math.Abs(u) >= 0.05),
        "max with 0.5" => (v => Value.Max(v, 0.5), u => u > 0.5 ? 1 : 0, u => Math.Abs(u - 0.5) >= 0.05),
        "min with 0.5" => (v => Value.Min(0.5, v), u => u < 0.5 ? 1 : 0, u => Math.Abs(u - 0.5) >= 0.05),
        "custom softsign" => (Softsign.Apply, u => 1 / ((1 + Math.Abs(u)) * (1 + Math.Abs(u))), _ => true),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(UnaryOps))]
    public void Chain_rule_d_of_u_of_f_is_u_prime_of_f_times_df(string op)
    {
        var (u, derivative, domain) = Unary(op);
        var graphs = ExpressionGraphs.RandomGraph();
        Prop.ForAll(graphs, graph => Prop.When(domain(graph.Evaluate(graph.Inputs)), () =>
        {
            var (x, f) = graph.Build();
            var (df, dcomposite) = (f.Backward(), u(f).Backward());
            foreach (var xi in x)
            {
                Tolerance.Close(derivative(f.Data) * df[xi], dcomposite[xi], 1e-10);
            }
        })).QuickCheckThrowOnFailure();
    }

    [Property]
    public void Gradients_agree_with_central_finite_differences(RandomGraph graph)
    {
        var (x, output) = graph.Build();
        var grads = output.Backward();
        for (var i = 0; i < x.Length; i++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(graph.Inputs[i]));
            var plus = (double[])graph.Inputs.Clone();
            var minus = (double[])graph.Inputs.Clone();
            plus[i] += h;
            minus[i] -= h;
            var numeric = (graph.Evaluate(plus) - graph.Evaluate(minus)) / (2 * h);
            Tolerance.Close(numeric, grads[x[i]], 1e-5, $"d/dx{i}");
        }
    }

    [Property]
    public void A_subexpression_used_twice_accumulates_both_uses(RandomGraph graph)
    {
        var (x, f) = graph.Build();
        var (df, dtwice, dsquare) = (f.Backward(), (f + f).Backward(), (f * f).Backward());
        foreach (var xi in x)
        {
            Tolerance.Close(2 * df[xi], dtwice[xi], Tight, "d(f + f)");
            Tolerance.Close(2 * f.Data * df[xi], dsquare[xi], Tight, "d(f · f)");
        }
    }

    [Property]
    public void Backward_is_pure_a_second_call_gives_the_same_map_and_changes_nothing(RandomGraph graph)
    {
        var (_, output) = graph.Build();
        var before = output.Backward().Select(p => (p.Node, p.Node.Data, p.Grad)).ToArray();
        var after = output.Backward().Select(p => (p.Node, p.Node.Data, p.Grad)).ToArray();
        Assert.Equal(before, after);
    }

    [Property]
    public void A_leaf_outside_the_graph_has_gradient_zero(RandomGraph graph, double data)
    {
        var (_, output) = graph.Build();
        var unrelated = new Value(data);
        var grads = output.Backward();
        Assert.Equal(0.0, grads[unrelated]);
        Assert.False(grads.Contains(unrelated));
    }

    [Property]
    public void Distinct_leaves_with_equal_data_get_their_own_gradients(RandomGraph graph)
    {
        // f(x) + 3·x₁ + 5·x₂ where x₁ and x₂ hold the same number: ∂/∂x₁ = 3, ∂/∂x₂ = 5.
        var (_, f) = graph.Build();
        var data = graph.Inputs[0];
        var (x1, x2) = (new Value(data), new Value(data));
        var grads = (f + 3 * x1 + 5 * x2).Backward();
        Assert.Equal(3.0, grads[x1]);
        Assert.Equal(5.0, grads[x2]);
    }
}
