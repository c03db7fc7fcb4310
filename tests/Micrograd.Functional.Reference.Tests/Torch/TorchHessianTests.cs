using FsCheck.Xunit;
using Micrograd.Functional.Reference.Tests.Engine;
using Micrograd.Functional.Tests.Engine;
using static Micrograd.Functional.Reference.Tests.Torch.Tolerance;

namespace Micrograd.Functional.Reference.Tests.Torch;

/// <summary>
/// The torch side of second derivatives, ready for the engine's: <see cref="TorchReference.Derivatives(TorchReference.Function, IReadOnlyList{double}, bool)"/>
/// with secondOrder: true runs torch.autograd.grad with create_graph: true, then differentiates
/// each gradient component again.
/// </summary>
public class TorchHessianTests
{
    [Fact]
    public void The_hessian_of_a_known_function_matches_its_closed_form()
    {
        // f(x, y) = x³y + tanh(x)·y² + e^(xy)
        const double x = 0.7, y = -1.3;
        var t = Math.Tanh(x);
        var sech2 = 1 - t * t;
        var e = Math.Exp(x * y);
        double[] gradient = [3 * x * x * y + sech2 * y * y + y * e, x * x * x + 2 * t * y + x * e];
        double[,] hessian =
        {
            { 6 * x * y - 2 * t * sech2 * y * y + y * y * e, 3 * x * x + 2 * sech2 * y + e + x * y * e },
            { 3 * x * x + 2 * sech2 * y + e + x * y * e, 2 * t + x * x * e },
        };

        var reference = TorchReference.Derivatives(v => v[0].pow(3) * v[1] + v[0].tanh() * v[1].pow(2) + (v[0] * v[1]).exp(), [x, y], secondOrder: true);

        AssertClose(x * x * x * y + t * y * y + e, reference.Value, "f");
        for (var i = 0; i < 2; i++)
        {
            AssertClose(gradient[i], reference.Gradient[i], $"∂f/∂x{i}");
            for (var j = 0; j < 2; j++)
            {
                AssertClose(hessian[i, j], reference.Hessian![i, j], $"∂²f/∂x{i}∂x{j}");
            }
        }
    }

    [Fact]
    public void A_linear_function_and_an_unused_input_have_zero_second_derivatives()
    {
        // f(x, y, z) = 2x + y: constant gradient (no graph to differentiate), z unused.
        var reference = TorchReference.Derivatives(v => 2 * v[0] + v[1], [1.5, -0.5, 3.0], secondOrder: true);

        Assert.Equal([2.0, 1.0, 0.0], reference.Gradient);
        Assert.All(reference.Hessian!.Cast<double>(), h => Assert.Equal(0.0, h));
    }

    [Property(Arbitrary = [typeof(ReferenceGraphs)], MaxTest = 200)]
    public void On_random_graphs_the_hessian_is_symmetric_and_agrees_with_differences_of_the_engines_gradient(RandomGraph graph)
    {
        var reference = TorchReference.Derivatives(graph, secondOrder: true);
        var hessian = reference.Hessian!;
        var n = graph.Inputs.Length;

        // Its gradient is the first-order one.
        var first = TorchReference.Derivatives(graph);
        for (var i = 0; i < n; i++)
        {
            AssertClose(first.Gradient[i], reference.Gradient[i], $"∂out/∂x{i} with and without create_graph, {graph}");
        }

        for (var i = 0; i < n; i++)
        {
            // Column i by central differences of the engine's own gradient: step h in input i,
            // with the graph's ops fixed (Build on given leaves keeps the decoded steps).
            const double h = 1e-5;
            var plus = EngineGradient(graph, i, +h);
            var minus = EngineGradient(graph, i, -h);
            for (var j = 0; j < n; j++)
            {
                Assert.True(
                    Math.Abs(hessian[i, j] - hessian[j, i]) <= Relative * Math.Max(1, Math.Abs(hessian[i, j])),
                    $"H[{i},{j}] = {hessian[i, j]:R} but H[{j},{i}] = {hessian[j, i]:R} in {graph}");

                var difference = (plus[j] - minus[j]) / (2 * h);
                Assert.True(
                    Math.Abs(hessian[j, i] - difference) <= 1e-4 * Math.Max(1, Math.Abs(hessian[j, i])),
                    $"H[{j},{i}]: torch {hessian[j, i]:R}, central difference of the engine's gradient {difference:R} in {graph}");
            }
        }
    }

    private static double[] EngineGradient(RandomGraph graph, int input, double step)
    {
        var leaves = graph.Inputs.Select((x, k) => new Value(k == input ? x + step : x)).ToArray();
        var grads = graph.Build(leaves).Backward();
        return [.. leaves.Select(l => grads[l])];
    }
}
