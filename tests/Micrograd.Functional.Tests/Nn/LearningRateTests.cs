using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>Learning-rate schedules are defined, finite and ≥ 0 for every step, and checked when built.</summary>
public class LearningRateTests
{
    [Fact]
    public void A_linear_ramp_holds_its_end_rate_after_its_last_step()
    {
        // The reproduction: Linear(1.0, 0.1, 100) gave 1 − 0.9·125/100 = −0.125 at step 125.
        var rate = new LearningRate.Linear(1.0, 0.1, 100);
        Assert.Equal(1.0 - 0.9 * 99 / 100, rate.At(99));
        Assert.Equal(0.1, rate.At(100));
        Assert.Equal(0.1, rate.At(125));
        Assert.Equal(0.1, rate.At(199));
        Assert.Equal(0.1, rate.At(int.MaxValue));
        Assert.All(Enumerable.Range(0, 1000), k => Assert.InRange(rate.At(k), 0.1, 1.0));
    }

    [Fact]
    public void A_ramp_that_rises_also_holds_its_end_rate()
    {
        var warmup = new LearningRate.Linear(0.0, 0.5, 10);
        Assert.Equal(0.0, warmup.At(0));
        Assert.Equal(0.25, warmup.At(5));
        Assert.Equal(0.5, warmup.At(10));
        Assert.Equal(0.5, warmup.At(11));
    }

    [Fact]
    public void A_ramp_of_one_step_starts_at_its_start_rate_and_holds_its_end_rate_from_step_1()
    {
        var rate = new LearningRate.Linear(1.0, 0.5, 1);
        Assert.Equal(1.0, rate.At(0));
        Assert.Equal(0.5, rate.At(1));
        Assert.Equal(0.5, rate.At(2));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Negative_or_non_finite_rates_are_rejected_when_a_schedule_is_built(double bad)
    {
        AssertRejected("Rate", bad, () => new LearningRate.Constant(bad));
        AssertRejected("Start", bad, () => new LearningRate.Linear(bad, 0.1, 10));
        AssertRejected("End", bad, () => new LearningRate.Linear(1.0, bad, 10));
        AssertRejected("End", bad, () => new LearningRate.Linear(1.0, 0.1, 10) with { End = bad });
        AssertRejected("Rate", bad, () => new Sgd(bad));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_ramp_of_fewer_than_one_step_is_rejected(int steps)
    {
        AssertRejected("Steps", steps, () => new LearningRate.Linear(1.0, 0.1, steps));
        AssertRejected("Steps", steps, () => LearningRate.Micrograd(steps));
    }

    [Fact]
    public void A_zero_rate_is_allowed_and_a_negative_step_is_not()
    {
        Assert.Equal(0.0, new LearningRate.Constant(0).At(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRate.Constant(0.1).At(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRate.Micrograd().At(-1));
    }

    [Fact]
    public void The_micrograd_preset_ramps_over_the_runs_own_number_of_steps()
    {
        Assert.Equal(new Sgd(LearningRate.Micrograd(100)), TrainingOptions.Micrograd.Optimizer);
        Assert.Equal(new Sgd(LearningRate.Micrograd(200)), (TrainingOptions.Micrograd with { Steps = 200 }).Optimizer);
        Assert.Equal(new Sgd(LearningRate.Micrograd(7)), new TrainingOptions { Steps = 7 }.Optimizer);
        // An optimizer set explicitly keeps its own schedule.
        Assert.Equal(new Sgd(0.5), (TrainingOptions.Micrograd with { Optimizer = new Sgd(0.5), Steps = 200 }).Optimizer);
    }

    [Fact]
    public void Training_200_steps_with_the_micrograd_preset_never_uses_a_negative_rate_and_the_loss_does_not_climb_back()
    {
        // The second reproduction: with the ramp fixed at 100 steps the rate went negative after step 111,
        // gradient ascent, and the loss rose again.
        var steps = Mlp.Create(2, [16, 16, 1], seed: 1337).Train(Datasets.Moons(), TrainingOptions.Micrograd with { Steps = 200 }).ToArray();
        Assert.Equal(200, steps.Length);
        Assert.All(steps, s => Assert.InRange(s.LearningRate, 0.1, 1.0));
        Assert.Equal(1.0 - 0.9 * 199 / 200, steps[199].LearningRate);
        var best = steps.Min(s => s.Loss);
        Assert.True(steps[^1].Loss <= steps[99].Loss, $"loss at step 99 {steps[99].Loss}, at step 199 {steps[^1].Loss}");
        Assert.True(steps.Skip(100).All(s => s.Loss < 2 * steps[99].Loss), "the loss climbed back over the second hundred steps");
        Assert.True(steps[^1].Loss < 3 * best, $"final loss {steps[^1].Loss}, best {best}");
    }

    [Fact]
    public void Schedules_print_readably()
    {
        Assert.Equal("1 → 0.1 over 100 steps", LearningRate.Micrograd().ToString());
        Assert.Equal("0.05", new LearningRate.Constant(0.05).ToString());
    }

    private static void AssertRejected(string parameter, double value, Func<object> build)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(build);
        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(value, Convert.ToDouble(error.ActualValue, System.Globalization.CultureInfo.InvariantCulture));
    }
}
