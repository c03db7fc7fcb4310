using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;
using Micrograd.Playground.Training;

namespace Micrograd.Playground.Tests.Training;

public class TrainingSettingsTests
{
    [Fact]
    public void The_default_settings_plan_micrograds_demo()
    {
        var plan = new TrainingSettings().Plan();

        Assert.Equal(Datasets.Moons(samples: 100, noise: 0.1, seed: 1337), plan.Data);
        Assert.Equal([2, 16, 16, 1], plan.Model.Shape);
        Assert.Equal(Mlp.Create(2, [16, 16, 1], seed: 1337).ParameterValues().ToArray(), plan.Model.ParameterValues().ToArray());
        Assert.Same(Loss.Hinge, plan.Options.Loss);
        Assert.Equal(100, plan.Options.Steps);
        Assert.Equal(1e-4, plan.Options.L2);
        for (var k = 0; k < 100; k++)
        {
            Assert.Equal(1.0 - 0.9 * k / 100, plan.Options.Optimizer.LearningRate.At(k)); // micrograd: 1.0 - 0.9*k/100
        }
    }

    [Fact]
    public void Softmax_on_k_blobs_gets_one_output_per_class()
    {
        var settings = new TrainingSettings { Dataset = DatasetKind.Blobs, Classes = 3, Loss = LossKind.SoftmaxCrossEntropy, Hidden = "8" };
        var plan = settings.Plan();

        Assert.Equal(3, plan.Data.Classes);
        Assert.Equal([2, 8, 3], plan.Model.Shape);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd, "Sgd(lr 0.3)")]
    [InlineData(OptimizerKind.Momentum, "Momentum(lr 0.3, β 0.9)")]
    [InlineData(OptimizerKind.Adam, "Adam(lr 0.3, β₁ 0.9, β₂ 0.999, ε 1E-08)")]
    [InlineData(OptimizerKind.SgdRamp, "Sgd(lr 0.3 → 0.03 over 100 steps)")]
    public void Each_optimizer_choice_runs_at_the_chosen_rate(OptimizerKind optimizer, string expected)
    {
        var plan = new TrainingSettings { Optimizer = optimizer, LearningRate = 0.3 }.Plan();
        Assert.Equal(expected, plan.Options.Optimizer.ToString());
    }

    [Theory]
    [InlineData("samples", "Samples must be from 1 to 1000; got 1001.")]
    [InlineData("noise", "Noise must be from 0 to 1; got NaN.")]
    [InlineData("lr", "The learning rate must be a finite number above 0; got 0.")]
    [InlineData("steps", "Steps must be from 1 to 5000; got 0.")]
    [InlineData("binary-loss-on-3-blobs", "The hinge (micrograd) loss is binary (labels 0 and 1) but the blobs have 3 classes: choose softmax cross-entropy.")]
    [InlineData("classes", "Blobs must have 2 to 6 classes; got 7.")]
    [InlineData("hidden", "Hidden sizes: layer 2, \"x\", is not a whole number; write widths separated by commas, e.g. 16, 16 (or none for a linear model).")]
    public void A_setting_out_of_range_is_refused_with_a_message_naming_it_and_its_value(string what, string message)
    {
        var settings = new TrainingSettings();
        switch (what)
        {
            case "samples": settings.Samples = 1001; break;
            case "noise": settings.Noise = double.NaN; break;
            case "lr": settings.LearningRate = 0; break;
            case "steps": settings.Steps = 0; break;
            case "binary-loss-on-3-blobs": (settings.Dataset, settings.Classes) = (DatasetKind.Blobs, 3); break;
            case "classes": (settings.Dataset, settings.Classes) = (DatasetKind.Blobs, 7); break;
            case "hidden": settings.Hidden = "16, x"; break;
        }

        Assert.Equal(message, settings.Problem);
        Assert.Equal(message, Assert.Throws<ArgumentException>(settings.Plan).Message);
    }

    [Fact]
    public void The_blob_count_is_not_checked_for_moons_which_always_have_two_classes()
    {
        var settings = new TrainingSettings { Classes = 7 };
        Assert.Null(settings.Problem);
        Assert.Equal(2, settings.Plan().Data.Classes);
    }
}
