using Micrograd.Playground.Training;

namespace Micrograd.Playground.Tests.Training;

public class TrainingSessionTests
{
    private static TrainingSession Session(Action<TrainingSettings>? change = null)
    {
        var settings = new TrainingSettings();
        change?.Invoke(settings);
        return new TrainingSession(settings.Plan());
    }

    private static List<double> StepUntilEnded(TrainingSession session)
    {
        session.Start();
        while (session.Step())
        {
        }

        return [.. session.Losses];
    }

    [Fact]
    public void The_page_defaults_reproduce_the_notebook_step_0_and_step_99_losses_and_reach_100_percent()
    {
        var session = Session();
        var losses = StepUntilEnded(session);

        Assert.Equal(100, losses.Count);
        Assert.Equal(0.8958441028683222, losses[0]); // micrograd's demo notebook, step 0
        Assert.Equal(0.010978370135492717, losses[99]); // and step 99
        Assert.Equal(SessionStatus.Done, session.Status);
        Assert.Equal(1.0, session.Last!.Accuracy);
        Assert.Equal("99", TrainingReadout.Step(session));
        Assert.Equal("0.010978370135492717", TrainingReadout.Loss(session));
        Assert.Equal("100%", TrainingReadout.Accuracy(session));
        Assert.Equal("done", TrainingReadout.Status(session));
    }

    [Fact]
    public void The_run_is_done_as_soon_as_its_last_step_completes_and_takes_no_further_step()
    {
        var session = Session(s => s.Steps = 3);
        Assert.True(session.Start());
        Assert.True(session.Step());
        Assert.True(session.Step());
        Assert.Equal(SessionStatus.Running, session.Status);
        Assert.True(session.Step());
        Assert.Equal(SessionStatus.Done, session.Status);
        Assert.False(session.Step());
        Assert.False(session.Start());
        Assert.Equal(3, session.Losses.Count);
    }

    [Fact]
    public async Task Pausing_and_resuming_gives_the_losses_of_an_uninterrupted_run()
    {
        var uninterrupted = StepUntilEnded(Session(s => s.Steps = 12));

        var session = Session(s => s.Steps = 12);
        var pauses = 0;
        session.Start();
        await session.RunAsync(() => Task.CompletedTask, () =>
        {
            if (session.Losses.Count % 5 == 0)
            {
                session.Pause(); // between steps, as the page's button does
            }

            return Task.CompletedTask;
        });
        while (session.Status == SessionStatus.Paused)
        {
            Assert.Equal("paused", TrainingReadout.Status(session));
            Assert.False(session.Step()); // a paused run takes no step
            pauses++;
            session.Start();
            await session.RunAsync(() => Task.CompletedTask, () => Task.CompletedTask);
        }

        Assert.Equal(1, pauses); // paused after step 4, resumed, then ran to the end
        Assert.Equal(uninterrupted, session.Losses);
    }

    [Theory]
    [InlineData(OptimizerKind.SgdRamp, 1000.0, 1)]
    [InlineData(OptimizerKind.Sgd, 1000.0, 1)]
    [InlineData(OptimizerKind.Adam, 100.0, 1)]
    public void A_learning_rate_far_too_high_stops_the_run_with_a_divergence_message_naming_the_step(OptimizerKind optimizer, double rate, int step)
    {
        var session = Session(s => (s.Optimizer, s.LearningRate) = (optimizer, rate));
        StepUntilEnded(session);

        Assert.Equal(SessionStatus.Diverged, session.Status);
        Assert.Equal(step, session.DivergedAt);
        var status = TrainingReadout.Status(session);
        Assert.StartsWith($"Training diverged at step {step}: the loss is ", status, StringComparison.Ordinal);
        Assert.Equal(step + 1, session.Losses.Count); // the blown-up step is on the curve; none after it
        Assert.True(session.Losses[step] > TrainingSession.BlowUpFactor * session.Losses[0]);
        Assert.False(session.Start());
    }

    [Fact]
    public void A_NaN_loss_stops_the_run_with_the_library_divergence_message()
    {
        // SGD at 1e300: step 0's update sends the weights to ±1e300, and step 1's forward pass gives ∞ − ∞ = NaN,
        // which the library reports with a TrainingDivergedException before any blow-up check could see it.
        var session = Session(s => (s.Optimizer, s.LearningRate) = (OptimizerKind.Sgd, 1e300));
        StepUntilEnded(session);

        Assert.Equal(SessionStatus.Diverged, session.Status);
        Assert.Equal(1, session.DivergedAt);
        Assert.StartsWith("Training diverged at step 1: the loss is NaN. The model of step 0", TrainingReadout.Status(session), StringComparison.Ordinal);
        Assert.Equal([0.8958441028683222], session.Losses);
        Assert.Equal("0", TrainingReadout.Step(session));
    }

    [Fact]
    public void Before_the_first_step_the_step_loss_and_accuracy_hooks_are_empty_and_the_status_is_idle()
    {
        var session = Session();
        Assert.Equal("", TrainingReadout.Step(session));
        Assert.Equal("", TrainingReadout.Loss(session));
        Assert.Equal("", TrainingReadout.Accuracy(session));
        Assert.Equal("idle", TrainingReadout.Status(session));
        Assert.Equal("0.000", TrainingReadout.StepMs(session));
        Assert.Same(session.Plan.Model, session.Model);
    }

    [Fact]
    public async Task The_time_inside_the_steps_is_part_of_the_wall_time_and_every_step_is_timed()
    {
        var session = Session(s => s.Steps = 5);
        session.Start();
        await session.RunAsync(() => Task.Delay(1), () => Task.CompletedTask);

        Assert.Equal(5, session.Timings.Count);
        Assert.InRange(session.Timings.ComputeMs, 0.0, session.Timings.ElapsedMs);
        Assert.InRange(session.Timings.MedianStepMs, 0.0, session.Timings.ComputeMs);
    }

    [Fact]
    public async Task An_exception_while_showing_a_step_leaves_the_run_paused_and_reaches_the_caller()
    {
        var session = Session();
        session.Start();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(
            () => session.RunAsync(() => Task.CompletedTask, () => throw new InvalidOperationException("the canvas is gone")));

        Assert.Equal("the canvas is gone", e.Message);
        Assert.Equal(SessionStatus.Paused, session.Status);
        Assert.Single(session.Losses);
    }
}
