using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;
using Micrograd.Functional.Tests.Engine;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>
/// The compiled engine (one per-sample tape mapped over each batch) trains along the graph engine's trajectory: bit for
/// bit with a loss whose tape serves both labels (hinge, squared error), within 1e-12 with one tape per class.
/// </summary>
public class TrainingEngineTests
{
    private static long[] Bits(IEnumerable<double> xs) => [.. xs.Select(BitConverter.DoubleToInt64Bits)];

    [Fact]
    public void Micrograds_demo_follows_the_graph_engine_bit_for_bit_at_every_step_to_the_notebooks_numbers()
    {
        var data = Datasets.Moons();
        var model = Mlp.Create(2, [16, 16, 1], seed: 1337);
        var options = TrainingOptions.Micrograd;
        var compiled = model.Train(data, options).ToArray();
        var graph = model.Train(data, options with { Engine = TrainingEngine.Graph }).ToArray();

        Assert.Equal(100, compiled.Length);
        Assert.Equal(0.8958441028683222, compiled[0].Loss); // micrograd's notebook, step 0
        Assert.Equal(0.010978370135492717, compiled[99].Loss); // and step 99
        Assert.Equal(Bits(graph.Select(s => s.Loss)), Bits(compiled.Select(s => s.Loss)));
        Assert.Equal(graph.Select(s => s.Accuracy), compiled.Select(s => s.Accuracy));
        Assert.Equal(Bits(graph[^1].Model.ParameterValues()), Bits(compiled[^1].Model.ParameterValues()));
    }

    [Theory]
    [InlineData("hinge")]
    [InlineData("mse")]
    public void Minibatch_compiled_training_follows_the_graph_engine_bit_for_bit_when_one_tape_serves_both_labels(string loss)
    {
        var (compiled, graph) = TrainOnMinibatches(loss);
        Assert.Equal(Bits(graph.Select(s => s.Loss)), Bits(compiled.Select(s => s.Loss)));
        Assert.Equal(Bits(graph[^1].Model.ParameterValues()), Bits(compiled[^1].Model.ParameterValues()));
    }

    [Fact]
    public void Minibatch_compiled_training_with_one_tape_per_class_follows_the_graph_engine_within_1e_12()
    {
        var (compiled, graph) = TrainOnMinibatches("bce");
        foreach (var (c, g) in compiled.Zip(graph))
        {
            Tolerance.Relative(g.Loss, c.Loss, 1e-12, $"loss at step {g.Step}");
            Assert.Equal(g.Accuracy, c.Accuracy);
        }

        foreach (var (c, g) in compiled[^1].Model.ParameterValues().Zip(graph[^1].Model.ParameterValues()))
        {
            Tolerance.Close(g, c, 1e-12, "parameter");
        }
    }

    private static (TrainingStep[] Compiled, TrainingStep[] Graph) TrainOnMinibatches(string loss)
    {
        var data = Datasets.Moons();
        var model = Mlp.Create(2, [8, 8, 1], seed: 5);
        TrainingStep[] Run(TrainingEngine engine)
        {
            var rng = new NumpyRandomState(42);
            var options = TrainingOptions.Micrograd with { Loss = Loss.All.Single(l => l.Name == loss), Steps = 20, Engine = engine, Batch = _ => Minibatches.Random(data, 32, rng) };
            return model.Train(data, options).ToArray();
        }

        return (Run(TrainingEngine.Compiled), Run(TrainingEngine.Graph));
    }

    [Fact]
    public void Minibatch_gradients_are_the_same_bits_on_every_run()
    {
        var data = Datasets.Moons();
        var model = Mlp.Create(2, [8, 1], seed: 2);
        double[] Run() => [.. model.Train(data, TrainingOptions.Micrograd with { Steps = 5, Batch = _ => data.Take(64) }).Last().Model.ParameterValues()];
        var first = Bits(Run());
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(first, Bits(Run()));
        }
    }
}
