using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>Training as a lazy sequence of immutable step records.</summary>
public class TrainingTests
{
    private static readonly Dataset Moons = Datasets.Moons();

    private static Mlp Model() => Mlp.Create(2, [4, 1], seed: 7);

    [Fact]
    public void Training_is_lazy_nothing_runs_until_a_step_is_asked_for()
    {
        var calls = 0;
        var options = TrainingOptions.Micrograd with { Batch = _ => { calls++; return Moons; } };
        var steps = Model().Train(Moons, options);
        Assert.Equal(0, calls);
        Assert.Equal(3, steps.Take(3).Count());
        Assert.Equal(3, calls);
    }

    [Fact]
    public void Training_leaves_the_initial_model_unchanged()
    {
        var model = Model();
        var before = model.ParameterValues();
        var last = model.Train(Moons, TrainingOptions.Micrograd with { Steps = 5 }).Last();
        Assert.Equal<double>(before, model.ParameterValues());
        Assert.NotEqual<double>(before, last.Model.ParameterValues());
    }

    [Fact]
    public void Each_step_records_its_number_rate_loss_accuracy_and_time()
    {
        var steps = Model().Train(Moons, TrainingOptions.Micrograd with { Steps = 4 }).ToArray();
        Assert.Equal(new[] { 0, 1, 2, 3 }, steps.Select(s => s.Step));
        // The preset's ramp 1.0 → 0.1 stretches over the run's 4 steps: 1 − 0.9·k/4.
        Assert.Equal(new[] { 1.0, 0.775, 0.55, 0.325 }, steps.Select(s => Math.Round(s.LearningRate, 12)));
        Assert.All(steps, s => Assert.InRange(s.Accuracy, 0, 1));
        Assert.True(steps.Zip(steps.Skip(1)).All(p => p.Item1.Elapsed <= p.Item2.Elapsed));
        Assert.StartsWith("step 0 loss ", steps[0].ToString());
    }

    [Fact]
    public void A_step_prints_its_loss_in_full_and_its_accuracy_in_percent()
    {
        Assert.Equal("step 3 loss 0.1, accuracy 75%", new TrainingStep(3, 0.1, 0.75, 0.5, TimeSpan.Zero, Model()).ToString());
    }

    [Fact]
    public void A_step_reports_the_loss_of_the_model_before_its_update()
    {
        var model = Model();
        var first = model.Train(Moons, TrainingOptions.Micrograd).First();
        var (loss, accuracy) = Training.Objective(model, Moons, Loss.Hinge, 1e-4);
        Assert.Equal(loss.Data, first.Loss);
        Assert.Equal(accuracy, first.Accuracy);

        var second = model.Train(Moons, TrainingOptions.Micrograd).Skip(1).First();
        Assert.Equal(Training.Objective(first.Model, Moons, Loss.Hinge, 1e-4).Loss.Data, second.Loss);
    }

    [Fact]
    public void The_same_inputs_train_to_the_same_model_every_time()
    {
        var a = Model().Train(Moons, TrainingOptions.Micrograd with { Steps = 10 }).Last().Model.ParameterValues();
        var b = Model().Train(Moons, TrainingOptions.Micrograd with { Steps = 10 }).Last().Model.ParameterValues();
        Assert.Equal<double>(a, b);
    }

    [Theory]
    [InlineData("momentum")]
    [InlineData("adam")]
    public void Other_optimizers_and_losses_train_too(string optimizer)
    {
        Optimizer chosen = optimizer == "adam" ? new Adam(new LearningRate.Constant(0.05)) : new Momentum(new LearningRate.Constant(0.05));
        foreach (var loss in Loss.All)
        {
            // One output for a binary loss, two (one score per class) for softmax cross-entropy.
            var steps = Mlp.Create(2, [8, loss.OutputsFor(2)], seed: 3).Train(Moons, new TrainingOptions { Loss = loss, Optimizer = chosen, Steps = 40 }).ToArray();
            Assert.True(steps[^1].Loss < steps[0].Loss, $"{optimizer}/{loss}: {steps[0].Loss} → {steps[^1].Loss}");
        }
    }

    [Fact]
    public void A_diverging_run_stops_with_an_error_naming_the_step_and_keeps_the_last_finite_model()
    {
        // A learning rate of 1e200 sends the weights to ±∞ after one step.
        var options = TrainingOptions.Micrograd with { Optimizer = new Sgd(new LearningRate.Constant(1e200)) };
        var seen = new List<TrainingStep>();
        var error = Assert.Throws<TrainingDivergedException>(() =>
        {
            foreach (var step in Model().Train(Moons, options))
            {
                seen.Add(step);
            }
        });

        Assert.Equal(seen.Count, error.Step);
        Assert.False(double.IsFinite(error.Loss));
        Assert.Contains($"Training diverged at step {error.Step}", error.Message);
        var kept = error.LastFiniteModel.IfNone(() => throw new Xunit.Sdk.XunitException("no model kept"));
        Assert.True(double.IsFinite(Training.Objective(kept, Moons, Loss.Hinge, 1e-4).Loss.Data));
    }

    [Fact]
    public void A_run_that_diverges_at_once_keeps_no_model()
    {
        var model = Model().WithParameters(Enumerable.Repeat(double.NaN, 17).ToArray());
        var error = Assert.Throws<TrainingDivergedException>(() => model.Train(Moons, TrainingOptions.Micrograd).First());
        Assert.Equal(0, error.Step);
        Assert.True(error.LastFiniteModel.IsNone);
        Assert.Contains("No step had a finite loss", error.Message);
    }

    [Fact]
    public void Cancellation_stops_training_before_the_next_step()
    {
        using var cancel = new CancellationTokenSource();
        var steps = Model().Train(Moons, TrainingOptions.Micrograd, cancel.Token);
        var taken = 0;
        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var _ in steps)
            {
                if (++taken == 3)
                {
                    cancel.Cancel();
                }
            }
        });
        Assert.Equal(3, taken);
    }

    [Fact]
    public void Minibatches_train_on_the_batch_of_each_step()
    {
        var rng = new NumpyRandomState(1337);
        var options = TrainingOptions.Micrograd with { Steps = 3, Batch = _ => Minibatches.Random(Moons, 10, rng) };
        var steps = Model().Train(Moons, options).ToArray();
        Assert.All(steps, s => Assert.Equal(0, s.Accuracy * 10 % 1, 9)); // accuracy over 10 samples is a multiple of 0.1
    }

    [Fact]
    public void Bad_arguments_are_rejected_before_training_starts()
    {
        Assert.Contains("3 features but the model takes 2 inputs",
            Assert.Throws<ArgumentException>(() => Model().Train(new Dataset([[1.0, 2, 3]], [1], "wide"), TrainingOptions.Micrograd)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Model().Train(Moons, TrainingOptions.Micrograd with { Steps = -1 }));
        Assert.Contains("needs a model with 1 output",
            Assert.Throws<ArgumentException>(() => Training.Objective(Mlp.Create(2, [2]), Moons, Loss.Hinge, 0)).Message);
    }
}
