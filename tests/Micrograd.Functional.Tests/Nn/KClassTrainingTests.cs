using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;
using Micrograd.Functional.Tests.Engine;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>k-class models: an output layer of width k trained with softmax cross-entropy, by both engines.</summary>
public sealed class KClassTrainingTests : IDisposable
{
    private static readonly Dataset Blobs = Datasets.Blobs(seed: 3, classes: 3); // three well-separated blobs

    private static readonly TrainingOptions Softmax = new() { Loss = Loss.SoftmaxCrossEntropy, Optimizer = new Adam(0.05), Steps = 40 };

    private readonly string _folder = Directory.CreateTempSubdirectory("micrograd-kclass-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Mlp Model() => Mlp.Create(2, [8, 3], seed: 11);

    private static long[] Bits(IEnumerable<double> xs) => [.. xs.Select(BitConverter.DoubleToInt64Bits)];

    [Fact]
    public void A_three_output_model_learns_three_blobs_with_softmax_cross_entropy()
    {
        var steps = Model().Train(Blobs, Softmax with { Engine = TrainingEngine.Graph }).ToArray();
        Assert.True(steps[^1].Loss < steps[0].Loss / 4, $"loss {steps[0].Loss} → {steps[^1].Loss}");
        Assert.True(Training.Accuracy(steps[^1].Model, Blobs) >= 0.95, $"accuracy {Training.Accuracy(steps[^1].Model, Blobs)}");
    }

    [Fact]
    public void The_reported_accuracy_is_the_argmax_accuracy_of_the_model_before_the_step()
    {
        var model = Model();
        var first = model.Train(Blobs, Softmax).First();
        var argmax = Blobs.Features.Select((x, i) => model.Classify(x.AsSpan()) == Blobs.Labels[i]).Count(ok => ok) / (double)Blobs.Count;
        Assert.Equal(argmax, first.Accuracy);
    }

    [Fact]
    public void Full_batch_compiled_training_follows_the_graph_engine_within_1e_12_at_every_step()
    {
        // Softmax needs one tape per class, so the batched engine sums the samples class by class, not in the graph's
        // order: the last bits may differ (hinge and squared error, one tape for both labels, stay bit for bit).
        var compiled = Model().Train(Blobs, Softmax).ToArray();
        var graph = Model().Train(Blobs, Softmax with { Engine = TrainingEngine.Graph }).ToArray();
        foreach (var (c, g) in compiled.Zip(graph))
        {
            Tolerance.Relative(g.Loss, c.Loss, 1e-12, $"loss at step {g.Step}");
            Assert.Equal(g.Accuracy, c.Accuracy);
        }

        foreach (var (c, g) in compiled[^1].Model.ParameterValues().Zip(graph[^1].Model.ParameterValues()))
        {
            Tolerance.Close(g, c, 1e-12, "a trained parameter");
        }
    }

    [Fact]
    public void Minibatch_compiled_training_compiles_one_tape_per_class_and_follows_the_graph_engine()
    {
        TrainingStep[] Run(TrainingEngine engine)
        {
            var rng = new NumpyRandomState(3);
            return Model().Train(Blobs, Softmax with { Engine = engine, Steps = 15, Batch = _ => Minibatches.Random(Blobs, 20, rng) }).ToArray();
        }

        var (compiled, graph) = (Run(TrainingEngine.Compiled), Run(TrainingEngine.Graph));
        foreach (var (c, g) in compiled.Zip(graph))
        {
            Tolerance.Relative(g.Loss, c.Loss, 1e-12, $"loss at step {g.Step}");
            Assert.Equal(g.Accuracy, c.Accuracy);
        }
    }

    [Fact]
    public void A_binary_loss_refuses_a_model_with_k_outputs_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() => Model().Train(Blobs, TrainingOptions.Micrograd));
        Assert.Contains("The hinge loss is binary: it needs a model with 1 output, and this one has 3", error.Message);
        Assert.Contains("needs a model with 1 output", Assert.Throws<ArgumentException>(() => Training.Objective(Model(), Blobs, Loss.BinaryCrossEntropy, 0)).Message);
    }

    [Theory]
    [InlineData(TrainingEngine.Graph)]
    [InlineData(TrainingEngine.Compiled)]
    public void Data_with_more_classes_than_the_model_has_outputs_is_rejected_with_a_message_naming_both(TrainingEngine engine)
    {
        var twoOutputs = Mlp.Create(2, [4, 2], seed: 1);
        var error = Assert.Throws<ArgumentException>(() => twoOutputs.Train(Blobs, Softmax with { Engine = engine }));
        Assert.Contains("the model has 2 outputs but the data has 3 classes; use a model of 3 outputs", error.Message);

        // Minibatches are checked as they come.
        var fourClasses = Datasets.Blobs(classes: 4);
        var batches = Softmax with { Engine = engine, Batch = _ => fourClasses };
        Assert.Contains("the model has 3 outputs but the data has 4 classes", Assert.Throws<ArgumentException>(() => Mlp.Create(2, [4, 3], seed: 1).Train(Blobs, batches).First()).Message);
    }

    [Fact]
    public void A_k_output_model_saves_and_loads_bit_for_bit_and_classifies_the_same()
    {
        var trained = Model().Train(Blobs, Softmax with { Steps = 5 }).Last().Model;
        var path = Path.Combine(_folder, "three.json");
        ModelFile.Save(trained, path);
        var loaded = ModelFile.Load(path).ThrowIfFail();
        Assert.Equal([2, 8, 3], loaded.Shape);
        Assert.Equal(Bits(trained.ParameterValues()), Bits(loaded.ParameterValues()));
        Assert.All(Blobs.Features, x => Assert.Equal(trained.Classify(x.AsSpan()), loaded.Classify(x.AsSpan())));
    }
}
