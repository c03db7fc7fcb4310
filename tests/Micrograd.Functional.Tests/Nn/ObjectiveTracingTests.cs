using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>The objective's accuracy reads real values: while tracing for the compiler it refuses rather than freeze a placeholder's accuracy.</summary>
public class ObjectiveTracingTests
{
    [Fact]
    public void Compiling_a_function_that_uses_the_objectives_accuracy_throws_the_tracing_error()
    {
        var shape = Mlp.Create(2, [4, 1], seed: 7);
        var data = Datasets.Moons(samples: 10);
        var error = Assert.Throws<InvalidOperationException>(() => Compiler.Compile(
            p =>
            {
                var (loss, accuracy) = Training.Objective(shape.WithParameterNodes(p), data, Loss.Hinge, 1e-4);
                return loss * accuracy;
            },
            shape.Parameters.Length));
        Assert.Contains("Value.Data was read while compiling", error.Message);
    }

    [Fact]
    public void Compiling_only_the_objectives_loss_still_works()
    {
        var shape = Mlp.Create(2, [4, 1], seed: 7);
        var data = Datasets.Moons(samples: 10);
        var compiled = Compiler.Compile(p => Training.ObjectiveLoss(shape.WithParameterNodes(p), data, Loss.Hinge, 1e-4), shape.Parameters.Length);
        var parameters = shape.ParameterValues().ToArray();
        Assert.Equal(Training.Objective(shape, data, Loss.Hinge, 1e-4).Loss.Data, compiled.ValueAndGrad(parameters, new double[parameters.Length]));
    }
}
