using Micrograd.Functional.Data;
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
        Assert.Equal(new[] { 0.9 * 0.5 + 0.5, 0.9 * -4.0 - 4.0 }, s2.Velocity);
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
        Assert.Equal(2, s1.Step + 1);
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
        Assert.Equal(new[] { 0.0, 0.0 }, start.M);
    }

    [Fact]
    public void A_state_started_for_another_size_is_rejected()
    {
        var adam = new Adam(new LearningRate.Constant(0.01));
        var momentum = new Momentum(new LearningRate.Constant(0.01));
        Assert.Contains("started for 3 parameters, not 2", Assert.Throws<ArgumentException>(() => momentum.Step(P, G, momentum.Start(3))).Message);
        Assert.Contains("started for 1 parameters, not 2", Assert.Throws<ArgumentException>(() => adam.Step(P, G, adam.Start(1))).Message);
        Assert.Contains("2 parameters but 1 gradients", Assert.Throws<ArgumentException>(() => adam.Step(P, [1.0], adam.Start(2))).Message);
    }

    [Fact]
    public void Each_optimizer_steps_only_with_its_own_kind_of_state_so_a_mix_up_does_not_compile()
    {
        // adam.Step(p, g, momentum.Start(2)) is a compile error: Step's state parameter has the optimizer's own state type.
        Assert.Equal(typeof(Sgd.State), StateParameterOf(typeof(Sgd)));
        Assert.Equal(typeof(Momentum.State), StateParameterOf(typeof(Momentum)));
        Assert.Equal(typeof(Adam.State), StateParameterOf(typeof(Adam)));
        Assert.DoesNotContain(typeof(Optimizer).GetMethods(), m => m.IsPublic && m.GetParameters().Any(p => p.ParameterType == typeof(OptimizerState)));
    }

    [Fact]
    public void A_plain_number_is_a_constant_learning_rate()
    {
        Assert.Equal(new Sgd(new LearningRate.Constant(0.1)), new Sgd(0.1));
        Assert.Equal(new Adam(new LearningRate.Constant(0.01)), new Adam(0.01));
        Assert.Equal(new Momentum(new LearningRate.Constant(0.1), 0.8), new Momentum(0.1, 0.8));
        var (p1, _) = new Sgd(0.1).Step(P, G, new Sgd(0.1).Start(2));
        Assert.Equal(new[] { 1.0 - 0.1 * 0.5, -2.0 + 0.1 * 4.0 }, p1);
    }

    [Fact]
    public void A_hand_written_adam_loop_takes_the_same_steps_as_Train()
    {
        var data = Datasets.Moons(samples: 30);
        var start = Mlp.Create(2, [4, 1], seed: 3);
        var adam = new Adam(0.01);

        var model = start;
        var state = adam.Start(model.Parameters.Length);
        for (var k = 0; k < 5; k++)
        {
            var grads = Training.Objective(model, data, Loss.Hinge, 1e-4).Loss.Backward();
            var (p, s) = adam.Step(model.ParameterValues(), grads.For(model.Parameters), state);
            (model, state) = (model.WithParameters(p), s);
        }

        var trained = start.Train(data, new TrainingOptions { Optimizer = adam, Steps = 5, Engine = TrainingEngine.Graph }).Last().Model;
        Assert.Equal<double>(trained.ParameterValues(), model.ParameterValues());
        Assert.Equal(5, state.Step);
    }

    [Fact]
    public void Optimizers_and_their_states_print_readably()
    {
        Assert.Equal("Sgd(lr 1 → 0.1 over 100 steps)", new Sgd(LearningRate.Micrograd()).ToString());
        Assert.Equal("Momentum(lr 0.1, β 0.9)", new Momentum(0.1).ToString());
        Assert.Equal("Adam(lr 0.01, β₁ 0.9, β₂ 0.999, ε 1E-08)", new Adam(0.01).ToString());
        Assert.Equal("Sgd.State(step=0)", new Sgd(0.1).Start(337).ToString());
        Assert.Equal("Momentum.State(step=0, 337 velocities)", new Momentum(0.1).Start(337).ToString());
        var (_, adamState) = new Adam(0.01).Step(P, G, new Adam(0.01).Start(2));
        Assert.Equal("Adam.State(step=1, 2 moments)", adamState.ToString());
        Assert.Equal(["sgd", "momentum", "adam"], new Optimizer[] { new Sgd(0.1), new Momentum(0.1), new Adam(0.1) }.Select(o => o.Name));
    }

    [Fact]
    public void Records_of_the_nn_namespace_print_no_collection_type_names()
    {
        var model = Mlp.Create(2, [3, 2], seed: 1);
        object[] records =
        [
            model, model.Layers[0], model.Layers[0].Neurons[0], TrainingOptions.Micrograd,
            new Adam(0.01).Start(3), new Momentum(0.1).Start(3), new Sgd(0.1).Start(3), new Adam(0.01), LearningRate.Micrograd(),
        ];
        Assert.All(records, r => Assert.DoesNotContain("System.", r.ToString(), StringComparison.Ordinal));
        Assert.Equal("TrainingOptions(hinge, Sgd(lr 1 → 0.1 over 100 steps), 100 steps, L2 0.0001, full batch, Compiled)", TrainingOptions.Micrograd.ToString());
        Assert.Equal(
            "TrainingOptions(ce, Sgd(lr 0.5), 100 steps, L2 0.0001, minibatches, Graph)",
            (TrainingOptions.Micrograd with { Loss = Loss.SoftmaxCrossEntropy, Optimizer = new Sgd(0.5), Batch = _ => null!, Engine = TrainingEngine.Graph }).ToString());
    }

    private static Type StateParameterOf(Type optimizer) =>
        optimizer.GetMethods().Single(m => m.Name == "Step" && m.IsPublic).GetParameters()[2].ParameterType;
}
