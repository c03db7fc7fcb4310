using Micrograd.Playground.Training;

namespace Micrograd.Playground.Tests.Training;

public class NumberTextTests
{
    [Theory]
    [InlineData(NumberField.LearningRate, "1e308", 1e308)]
    [InlineData(NumberField.LearningRate, " 0.05 ", 0.05)]
    [InlineData(NumberField.Noise, "1E-3", 0.001)]
    [InlineData(NumberField.Steps, "2147483647", 2147483647.0)]
    [InlineData(NumberField.Seed, "-3", -3.0)]
    public void Text_that_reads_as_a_number_gives_exactly_that_number(NumberField field, string text, double expected)
    {
        Assert.Equal((expected, (string?)null), NumberText.Read(field, text));
    }

    [Theory]
    [InlineData(NumberField.Steps, "1.5", "Steps: \"1.5\" is not a whole number.")]
    [InlineData(NumberField.Seed, "99999999999999999999", "Data seed: \"99999999999999999999\" is out of range: a whole number here lies between -2147483648 and 2147483647.")]
    [InlineData(NumberField.LearningRate, "1e", "Learning rate: \"1e\" is not a number (write e.g. 0.05 or 1e-3).")]
    [InlineData(NumberField.ModelSeed, "  ", "Model seed: the box is empty; type a number.")]
    [InlineData(NumberField.Samples, "1,000", "Samples: \"1,000\" is not a whole number.")]
    [InlineData(NumberField.Noise, "NaN", "Noise: \"NaN\" is not a finite number (the largest is about 1.8e308).")]
    public void Text_that_does_not_read_gets_a_message_naming_the_box_and_the_text(NumberField field, string text, string message)
    {
        var (value, error) = NumberText.Read(field, text);
        Assert.True(double.IsNaN(value));
        Assert.Equal(message, error);
    }

    [Fact]
    public void A_pasted_page_is_cut_to_40_characters_in_the_message()
    {
        var (_, error) = NumberText.Read(NumberField.Steps, new string('x', 500));
        Assert.Equal($"Steps: \"{new string('x', 40)}…\" is not a whole number.", error);
    }
}
