using Micrograd.Functional.Nn;
using Micrograd.Functional.Tests.Engine;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>Optimizers as pure state transitions, checked against steps computed by hand.</summary>
public class OptimizerTests
{
    private static readonly System.Collections.Immutable.ImmutableArray<double> P = [1.0, -2.0];
    private static readonly System.Collections.Immutable.ImmutableArray<double> G = [0.5, -4.0];

    [Fact]
    public void Micrograds_schedule_is_1_minus_0_9_k_over_100()
    {
        var rate = LearningRate.Micrograd();
        Assert.Equal(1.0, rate.At(0));
        Assert.Equal(1.0 - 0.9 * 50 / 100, rate.At(50));
        Assert.Equal(1.0 - 0.9 * 99 / 100, rate.At(99));
        Assert.Equal(0.25, new LearningRate.Constant(0.25).At(1234));
    }

    [Fact]
    public void Sgd_steps_against_the_gradient_at_the_scheduled_rate()
    {
        var sgd = new Sgd(LearningRate.Micrograd());
        var (p1, s1) = sgd.Step(P, G, sgd.Start(2));
        Assert.Equal(new[] { 1.0 - 1.0 * 0.5, -2.0 + 1.0 * 4.0 }, p1); // η(0) = 1
        var (p2, s2) = sgd.Step(p1, G, s1);
        Assert.Equal(new[] { 0.5 - 0.991 * 0.5, 2.0 + 0.991 * 4.0 }, p2); // η(1) = 1 − 0.009
        Assert.Equal(2, s2.Step);
    }

    [Fact]
    public void Momentum_accumulates_velocity()
    {
        var momentum = new Momentum(new LearningRate.Constant(0.1), Beta: 0.9);
        var (p1, s1) = momentum.Step(P, G, momentum.Start(2));
        // v₁ = g = (0.5, −4); p₁ = p − 0.1·v₁
        Assert.Equal(new[] { 0.95, -1.6 }, p1);
        var (p2, s2) = momentum.Step(p1, G, s1);
        // v₂ = 0.9·v₁ + g = (0.95, −7.6); p₂ = p₁ − 0.1·v₂
        Tolerance.Close(0.95 - 0.095, p2[0], 1e-15);
        Tolerance.Close(-1.6 + 0.76, p2[1], 1e-15);
        Assert.Equal(new[] { 0.9 * 0.5 + 0.5, 0.9 * -4.0 - 4.0 }, ((Momentum.State)s2).Velocity);
    }

    [Fact]
    public void Adams_first_step_moves_each_parameter_by_the_learning_rate()
    {
        // With bias correction, m̂₁ = g and v̂₁ = g², so the first step is η·g/(|g| + ε) ≈ η·sign(g).
        var adam = new Adam(new LearningRate.Constant(0.01));
        var (p1, s1) = adam.Step(P, G, adam.Start(2));
        Tolerance.Close(1.0 - 0.01 * 0.5 / (0.5 + 1e-8), p1[0], 1e-15);
        Tolerance.Close(-2.0 + 0.01 * 4.0 / (4.0 + 1e-8), p1[1], 1e-15);

        // Second step with gradient (0.5, −4) again: m = 0.9·0.1g + 0.1g = 0.19g, v = 0.999·0.001g² + 0.001g² = 0.001999g².
        var (p2, _) = adam.Step(p1, G, s1);
        var mHat = 0.19 / (1 - 0.81);
        var vHat = 0.001999 / (1 - 0.998001);
        Tolerance.Close(p1[0] - 0.01 * mHat * 0.5 / (Math.Sqrt(vHat) * 0.5 + 1e-8), p2[0], 1e-14);
        Assert.Equal(2, ((Adam.State)s1).Step + 1);
    }

    [Fact]
    public void A_step_is_pure_the_same_arguments_give_the_same_result()
    {
        var adam = new Adam(new LearningRate.Constant(0.01));
        var start = adam.Start(2);
        var first = adam.Step(P, G, start);
        var second = adam.Step(P, G, start);
        Assert.Equal<double>(first.Parameters, second.Parameters);
        Assert.Equal(0, start.Step);
        Assert.Equal(new[] { 0.0, 0.0 }, ((Adam.State)start).M);
    }

    [Fact]
    public void A_state_from_another_optimizer_or_size_is_rejected()
    {
        var adam = new Adam(new LearningRate.Constant(0.01));
        var momentum = new Momentum(new LearningRate.Constant(0.01));
        Assert.Contains("does not belong to adam over 2 parameters", Assert.Throws<ArgumentException>(() => adam.Step(P, G, momentum.Start(2))).Message);
        Assert.Contains("does not belong to momentum over 2 parameters", Assert.Throws<ArgumentException>(() => momentum.Step(P, G, momentum.Start(3))).Message);
        Assert.Contains("does not belong to sgd", Assert.Throws<ArgumentException>(() => new Sgd(LearningRate.Micrograd()).Step(P, G, adam.Start(2))).Message);
        Assert.Contains("2 parameters but 1 gradients", Assert.Throws<ArgumentException>(() => adam.Step(P, [1.0], adam.Start(2))).Message);
    }
}
