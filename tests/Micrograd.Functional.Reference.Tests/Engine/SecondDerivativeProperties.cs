using FsCheck.Xunit;
using Micrograd.Functional.Reference.Tests.Torch;
using Micrograd.Functional.Tests.Engine;
using Micrograd.Functional.Tests.Transforms;
using static Micrograd.Functional.Reference.Tests.Torch.Tolerance;

namespace Micrograd.Functional.Reference.Tests.Engine;

/// <summary>
/// The engine's second derivatives (symbolic gradients differentiated again, <see cref="Ad.Hessian"/>)
/// against libtorch's <c>autograd.grad(create_graph: true)</c>, in float64.
/// </summary>
public class SecondDerivativeProperties
{
    [Property(Arbitrary = [typeof(ReferenceGraphs)], MaxTest = 300)]
    public void The_engines_hessian_equals_torchs_on_random_graphs(RandomGraph graph)
    {
        var reference = TorchReference.Derivatives(graph, secondOrder: true).Hessian!;
        var engine = Leaves.Numbers(Ad.Hessian(x => graph.Build(x))(Leaves.Of(graph.Inputs)));
        var n = graph.Inputs.Length;

        // Entries that cancel to near zero (x/x has second derivative 0, reached through terms of size
        // 2/x²) are compared at the scale of the whole Hessian, or of the graph's first-order values and
        // adjoints before cancellation, whichever is larger.
        var nodes = graph.BuildAll([.. graph.Inputs.Select(x => new Value(x))]);
        var (values, adjoints) = Magnitudes.Of(graph, [.. nodes.Select(v => v.Data)]);
        var scale = reference.Cast<double>().Concat(values).Concat(adjoints).Select(Math.Abs).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                AssertClose(reference[i, j], engine[i, j], scale, $"∂²out/∂x{i}∂x{j}, {graph}");
            }
        }
    }

    [Fact]
    public void The_engines_hessian_of_a_known_function_equals_torchs()
    {
        const double x = 0.7, y = -1.3;
        var reference = TorchReference.Derivatives(v => v[0].pow(3) * v[1] + v[0].tanh() * v[1].pow(2) + (v[0] * v[1]).exp(), [x, y], secondOrder: true).Hessian!;
        var engine = Leaves.Numbers(Ad.Hessian(v => v[0].Pow(3) * v[1] + v[0].Tanh() * v[1].Pow(2) + (v[0] * v[1]).Exp())([new Value(x), new Value(y)]));
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                AssertClose(reference[i, j], engine[i, j], $"∂²f/∂x{i}∂x{j}");
            }
        }
    }

    [Fact]
    public void Nested_grad_gives_torchs_second_derivative_of_each_unary_op()
    {
        foreach (var (name, engine, torch, x) in new (string, Func<Value, Value>, TorchReference.Function, double)[]
        {
            ("tanh", v => v.Tanh(), v => v[0].tanh(), 0.6),
            ("sigmoid", v => v.Sigmoid(), v => v[0].sigmoid(), -0.8),
            ("exp", v => v.Exp(), v => v[0].exp(), 0.3),
            ("log", v => v.Log(), v => v[0].log(), 1.7),
            ("pow 2.5", v => v.Pow(2.5), v => v[0].pow(2.5), 1.2),
            ("softplus", v => v.Softplus(), v => TorchSharp.torch.nn.functional.softplus(v[0]), 0.4),
        })
        {
            var reference = TorchReference.Derivatives(torch, [x], secondOrder: true).Hessian![0, 0];
            AssertClose(reference, Ad.Grad(Ad.Grad(engine))(new Value(x)).Data, $"{name}''({x})");
        }
    }
}
