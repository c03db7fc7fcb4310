using Micrograd.Playground.Training;

namespace Micrograd.Playground.Tests.Training;

public class HiddenSizesTests
{
    [Theory]
    [InlineData("16, 16", new[] { 16, 16 })]
    [InlineData("16,16", new[] { 16, 16 })]
    [InlineData(" 32 ", new[] { 32 })]
    [InlineData("8, 4, 2, 1", new[] { 8, 4, 2, 1 })]
    [InlineData("none", new int[0])]
    public void Widths_separated_by_commas_read_as_the_hidden_layers(string text, int[] sizes)
    {
        var (parsed, error) = HiddenSizes.Parse(text);
        Assert.Null(error);
        Assert.Equal(sizes, parsed);
    }

    [Theory]
    [InlineData("16, x", "layer 2, \"x\", is not a whole number")]
    [InlineData("16 16", "layer 1, \"16 16\", is not a whole number")]
    [InlineData("16,,16", "layer 2, \"\", is not a whole number")]
    [InlineData("-4", "layer 1, \"-4\", is not a whole number")]
    [InlineData("2.5", "layer 1, \"2.5\", is not a whole number")]
    [InlineData("16, 0", "layer 2 has width 0; a width must be from 1 to 64")]
    [InlineData("65", "layer 1 has width 65; a width must be from 1 to 64")]
    [InlineData("1,2,3,4,5", "give 5 layers; at most 4")]
    [InlineData("", "Hidden sizes are empty")]
    [InlineData("   ", "Hidden sizes are empty")]
    public void Bad_hidden_sizes_give_a_message_naming_the_layer_and_what_is_wrong(string text, string message)
    {
        var (parsed, error) = HiddenSizes.Parse(text);
        Assert.Null(parsed);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_pasted_text_is_quoted_cut_to_40_characters()
    {
        var (_, error) = HiddenSizes.Parse("16, " + new string('x', 10_000));
        Assert.Contains("\"" + new string('x', 40) + "…\"", error, StringComparison.Ordinal);
        Assert.True(error!.Length < 200);
    }
}
