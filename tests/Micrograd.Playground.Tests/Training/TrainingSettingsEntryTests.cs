using Micrograd.Functional.Nn;
using Micrograd.Playground.Training;

namespace Micrograd.Playground.Tests.Training;

public class TrainingSettingsEntryTests
{
    [Fact]
    public void A_learning_rate_of_1e308_is_legal_and_the_plan_uses_it()
    {
        var settings = new TrainingSettings { Optimizer = OptimizerKind.Sgd };
        settings.Enter(NumberField.LearningRate, "1e308");

        Assert.Null(settings.Problem);
        Assert.Equal(1e308, settings.Plan().Options.Optimizer.LearningRate.At(0));
        Assert.Equal("1e308", settings.Text(NumberField.LearningRate)); // the box keeps the user's text
    }

    [Fact]
    public void A_learning_rate_past_the_largest_double_is_refused_with_the_text_typed()
    {
        var settings = new TrainingSettings();
        settings.Enter(NumberField.LearningRate, "1e309");
        Assert.Equal("Learning rate: \"1e309\" is not a finite number (the largest is about 1.8e308).", settings.Problem);
    }

    [Theory]
    [InlineData(NumberField.Steps, "1.5", "Steps: \"1.5\" is not a whole number.")]
    [InlineData(NumberField.Seed, "99999999999999999999", "Data seed: \"99999999999999999999\" is out of range: a whole number here lies between -2147483648 and 2147483647.")]
    [InlineData(NumberField.LearningRate, "fast", "Learning rate: \"fast\" is not a number (write e.g. 0.05 or 1e-3).")]
    public void Text_that_does_not_read_blocks_the_run_instead_of_training_with_the_last_good_value(NumberField field, string text, string message)
    {
        var settings = new TrainingSettings();
        settings.Enter(field, text);

        Assert.Equal(message, settings.Problem);
        Assert.Equal(message, Assert.Throws<ArgumentException>(settings.Plan).Message);
        Assert.Equal(text, settings.Text(field));
    }

    [Fact]
    public void Correcting_the_text_clears_the_message_and_takes_the_new_number()
    {
        var settings = new TrainingSettings();
        settings.Enter(NumberField.Steps, "1.5");
        settings.Enter(NumberField.Steps, "7");

        Assert.Null(settings.Problem);
        Assert.Equal(7, settings.Plan().Options.Steps);
    }

    [Fact]
    public void Unread_text_in_the_noise_box_does_not_block_blobs_which_have_no_noise_setting()
    {
        var settings = new TrainingSettings();
        settings.Enter(NumberField.Noise, "lots");
        Assert.Equal("Noise: \"lots\" is not a number (write e.g. 0.05 or 1e-3).", settings.Problem);

        settings.Dataset = DatasetKind.Blobs;
        Assert.Null(settings.Problem);
    }

    [Theory]
    [InlineData("16, 16", LossKind.Hinge, 2)]
    [InlineData("64, 64", LossKind.Hinge, 2)]
    [InlineData("none", LossKind.Hinge, 2)]
    [InlineData("8, 4", LossKind.SoftmaxCrossEntropy, 5)]
    public void The_parameter_count_is_the_librarys_for_the_same_shape(string hidden, LossKind loss, int classes)
    {
        var settings = new TrainingSettings { Hidden = hidden, Loss = loss, Dataset = classes == 2 ? DatasetKind.Moons : DatasetKind.Blobs, Classes = classes };
        Assert.Equal(settings.Plan().Model.Parameters.Length, settings.Parameters);
    }

    [Fact]
    public void A_model_over_the_parameter_limit_is_refused_with_its_count_and_the_limit()
    {
        var settings = new TrainingSettings { Samples = 1000, Hidden = "64, 64, 64, 64" };
        Assert.Equal(
            "The model MLP(2, [64, 64, 64, 64, 1]) has 12,737 parameters; the limit here is 5,000 (a step runs in one stretch that grows with them, and the page cannot repaint meanwhile): choose fewer or narrower hidden layers.",
            settings.Problem);
    }

    [Fact]
    public void Hidden_sizes_none_plan_a_linear_model()
    {
        var plan = new TrainingSettings { Hidden = "none" }.Plan();
        Assert.Equal([2, 1], plan.Model.Shape);
        Assert.Equal(3, plan.Model.Parameters.Length); // w₁x₁ + w₂x₂ + b
    }

    [Theory]
    [InlineData("", "Hidden sizes are empty: write widths separated by commas, e.g. 16, 16 (or none for a linear model).")]
    [InlineData("200 layers of 2", "Hidden sizes \"2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2…\" give 200 layers; at most 4 train at a watchable speed here.")]
    public void Empty_hidden_sizes_and_200_layers_are_refused_with_a_message(string hidden, string message)
    {
        var text = hidden == "200 layers of 2" ? string.Join(", ", Enumerable.Repeat("2", 200)) : hidden;
        Assert.Equal(message, new TrainingSettings { Hidden = text }.Problem);
    }
}
