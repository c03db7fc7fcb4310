using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>Training options and optimizer settings are checked when they are built, <c>with</c> included, never when training starts.</summary>
public class OptionValidationTests
{
    [Theory]
    [InlineData(-1.0)]
    [InlineData(-1e-300)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void An_L2_strength_that_is_negative_or_not_finite_is_refused_when_the_options_are_built(double l2)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TrainingOptions.Micrograd with { L2 = l2 });
        Assert.Equal("L2", error.ParamName);
        Assert.Equal(l2, error.ActualValue);
    }

    [Fact]
    public void Zero_steps_train_nothing_and_an_L2_strength_of_zero_turns_the_penalty_off()
    {
        var model = Mlp.Create(2, [3, 1], seed: 1);
        var data = Datasets.Moons(samples: 8);
        Assert.Empty(model.Train(data, new TrainingOptions { Steps = 0 }));
        Assert.Equal(0.5, (TrainingOptions.Micrograd with { L2 = 0.5 }).L2);
        var off = TrainingOptions.Micrograd with { L2 = 0 };
        Assert.Equal(0.0, off.L2);
        // With α = 0 the objective is the mean hinge loss alone.
        Assert.Equal(Loss.Hinge.Mean([.. data.Features.Select(row => (IReadOnlyList<Value>)model.Forward(row))], data.Labels).Data,
            model.Train(data, off with { Steps = 1 }).Single().Loss);
    }

    [Fact]
    public void A_negative_number_of_steps_is_refused_when_the_options_are_built_not_when_training_starts()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { Steps = -1 });
        Assert.Equal("Steps", error.ParamName);
        Assert.Equal(-1, error.ActualValue);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(-1)]
    [InlineData(2)]
    public void An_engine_that_is_not_a_defined_value_is_refused_when_the_options_are_built(int engine)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TrainingOptions.Micrograd with { Engine = (TrainingEngine)engine });
        Assert.Equal("Engine", error.ParamName);
        Assert.Equal((TrainingEngine)engine, error.ActualValue);
    }

    [Fact]
    public void A_null_loss_or_optimizer_is_refused_when_the_options_are_built()
    {
        Assert.Equal("Loss", Assert.Throws<ArgumentNullException>(() => TrainingOptions.Micrograd with { Loss = null! }).ParamName);
        Assert.Equal("Optimizer", Assert.Throws<ArgumentNullException>(() => TrainingOptions.Micrograd with { Optimizer = null! }).ParamName);
    }

    [Theory]
    [InlineData(1.0, 0.999, 1e-8, "Beta1")]
    [InlineData(-0.1, 0.999, 1e-8, "Beta1")]
    [InlineData(double.NaN, 0.999, 1e-8, "Beta1")]
    [InlineData(0.9, 1.0, 1e-8, "Beta2")]
    [InlineData(0.9, double.NaN, 1e-8, "Beta2")]
    [InlineData(0.9, 0.999, 0.0, "Epsilon")]
    [InlineData(0.9, 0.999, -1e-8, "Epsilon")]
    [InlineData(0.9, 0.999, double.PositiveInfinity, "Epsilon")]
    [InlineData(0.9, 0.999, double.NaN, "Epsilon")]
    public void Adams_betas_must_be_in_0_to_1_and_its_epsilon_positive_and_finite(double beta1, double beta2, double epsilon, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(0.01, beta1, beta2, epsilon));
        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(parameter switch { "Beta1" => beta1, "Beta2" => beta2, _ => epsilon }, error.ActualValue);
    }

    [Fact]
    public void Adams_settings_are_checked_through_with_too()
    {
        var adam = new Adam(0.01);
        Assert.Equal("Beta1", Assert.Throws<ArgumentOutOfRangeException>(() => adam with { Beta1 = 1.0 }).ParamName);
        Assert.Equal("Beta2", Assert.Throws<ArgumentOutOfRangeException>(() => adam with { Beta2 = -0.5 }).ParamName);
        Assert.Equal("Epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => adam with { Epsilon = 0 }).ParamName);
        Assert.Equal(0.0, (adam with { Beta1 = 0.0 }).Beta1); // β = 0 is allowed: no memory
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Momentums_beta_must_be_in_0_to_1(double beta)
    {
        Assert.Equal(beta, Assert.Throws<ArgumentOutOfRangeException>(() => new Momentum(0.1, beta)).ActualValue);
        Assert.Equal("Beta", Assert.Throws<ArgumentOutOfRangeException>(() => new Momentum(0.1) with { Beta = beta }).ParamName);
    }

    [Fact]
    public void A_null_schedule_is_refused_when_an_optimizer_is_built()
    {
        Assert.Equal("LearningRate", Assert.Throws<ArgumentNullException>(() => new Sgd(null!)).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentNullException>(() => new Momentum(null!)).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentNullException>(() => new Adam(null!)).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentNullException>(() => new Sgd(0.1) with { LearningRate = null! }).ParamName);
    }

    [Fact]
    public void A_run_that_diverges_at_once_does_not_blame_only_the_learning_rate()
    {
        var model = Mlp.Create(2, [4, 1], seed: 7).WithParameters(Enumerable.Repeat(double.NaN, 17).ToArray());
        var error = Assert.Throws<TrainingDivergedException>(() => model.Train(Datasets.Moons(), TrainingOptions.Micrograd).First());
        Assert.DoesNotContain("try a smaller learning rate", error.Message);
        Assert.Contains("a smaller learning rate often helps", error.Message);
    }
}
