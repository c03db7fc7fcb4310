using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>Training never goes on silently with a bad batch or a model whose parameters left the finite numbers.</summary>
public class TrainingInputTests
{
    private static readonly Dataset Moons = Datasets.Moons();

    private static Mlp Model() => Mlp.Create(2, [4, 1], seed: 7);

    [Theory]
    [InlineData(TrainingEngine.Compiled)]
    [InlineData(TrainingEngine.Graph)]
    public void A_batch_function_that_returns_null_is_an_error_naming_the_step_not_a_silent_full_batch(TrainingEngine engine)
    {
        var options = TrainingOptions.Micrograd with { Engine = engine, Batch = k => k < 2 ? Moons.Take(10) : null! };
        var steps = Model().Train(Moons, options).GetEnumerator();
        Assert.True(steps.MoveNext());
        Assert.True(steps.MoveNext());
        var error = Assert.Throws<ArgumentException>(() => steps.MoveNext());
        Assert.Equal("options", error.ParamName);
        Assert.StartsWith("TrainingOptions.Batch returned null for step 2", error.Message);
    }

    [Fact]
    public void A_batch_of_the_wrong_width_gives_the_same_error_naming_the_step_on_both_engines()
    {
        var wide = new Dataset([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], [0, 1], "wide");
        string MessageOn(TrainingEngine engine) => Assert.Throws<ArgumentException>(() =>
            Model().Train(Moons, TrainingOptions.Micrograd with { Engine = engine, Batch = k => k == 0 ? Moons : wide }).Take(2).ToArray()).Message;

        var compiled = MessageOn(TrainingEngine.Compiled);
        Assert.Equal(compiled, MessageOn(TrainingEngine.Graph));
        Assert.StartsWith("The batch of step 1 has 3 features but the model takes 2 inputs.", compiled);
    }

    [Theory]
    [InlineData(TrainingEngine.Compiled)]
    [InlineData(TrainingEngine.Graph)]
    public void An_update_that_makes_a_parameter_infinite_is_divergence_even_on_the_last_step(TrainingEngine engine)
    {
        // 1e308 · a gradient of order 1 overflows: the loss before the update is finite, the parameters after it are not.
        var blobs = Datasets.Blobs();
        var model = Mlp.Create(2, [16, 16, 1], seed: 1337);
        var options = TrainingOptions.Micrograd with { Steps = 1, Optimizer = new Sgd(1e308), Engine = engine };
        var error = Assert.Throws<TrainingDivergedException>(() => model.Train(blobs, options).ToArray());

        Assert.Equal(0, error.Step);
        Assert.True(double.IsFinite(error.Loss));
        Assert.Contains("Training diverged at step 0: its update made parameter", error.Message);
        var kept = error.LastFiniteModel.IfNone(() => throw new Xunit.Sdk.XunitException("no model kept"));
        Assert.Equal<double>(model.ParameterValues(), kept.ParameterValues());
    }

    [Fact]
    public void A_run_whose_update_overflows_midway_stops_at_that_step_and_every_step_before_has_finite_parameters()
    {
        // The model of the blobs test above, whose gradient has an entry above 1: 1e308 times it overflows.
        var options = TrainingOptions.Micrograd with { Steps = 10, Optimizer = new Sgd(new Jump(Step: 3, From: 0.01, To: 1e308)) };
        var yielded = new List<TrainingStep>();
        var error = Assert.Throws<TrainingDivergedException>(() => yielded.AddRange(Mlp.Create(2, [16, 16, 1], seed: 1337).Train(Datasets.Blobs(), options)));

        Assert.Equal(3, error.Step);
        Assert.Equal(3, yielded.Count);
        Assert.True(error.NonFiniteParameter.IsSome);
        Assert.All(yielded, step => Assert.All(step.Model.ParameterValues(), p => Assert.True(double.IsFinite(p))));
        Assert.Same(yielded[^1].Model, error.LastFiniteModel.IfNone(() => throw new Xunit.Sdk.XunitException("no model kept")));
    }

    /// <summary>A learning rate that jumps from <paramref name="From"/> to <paramref name="To"/> at step <paramref name="Step"/>.</summary>
    private sealed record Jump(int Step, double From, double To) : LearningRate
    {
        public override double At(int step) => step < Step ? From : To;
    }
}
