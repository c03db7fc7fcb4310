using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>Predicted classes: the sign rule for one output, argmax for several.</summary>
public class ClassificationTests
{
    [Theory]
    [InlineData(new[] { 0.5 }, 1)]
    [InlineData(new[] { 0.0 }, 0)]  // a score of 0 predicts class 0, as micrograd's demo
    [InlineData(new[] { -2.0 }, 0)]
    [InlineData(new[] { 0.1, 0.5, 0.2 }, 1)]
    [InlineData(new[] { -3.0, -1.0 }, 1)]
    [InlineData(new[] { 2.0, 7.0, 7.0 }, 1)] // a tie goes to the first
    [InlineData(new[] { 9.0, 1.0, 1.0, 1.0 }, 0)]
    public void One_output_predicts_by_sign_and_several_by_argmax(double[] outputs, int expected) =>
        Assert.Equal(expected, Classification.Predict(outputs));

    [Fact]
    public void Accuracy_is_the_fraction_of_predictions_equal_to_the_label()
    {
        Assert.Equal(0.5, Classification.Accuracy([0, 2, 1, 1], [0, 1, 1, 2]));
        Assert.Equal(0.0, Classification.Accuracy([], []));
        Assert.Throws<ArgumentException>(() => Classification.Accuracy([0], [0, 1]));
        Assert.Throws<ArgumentException>(() => Classification.Predict([]));
    }

    [Fact]
    public void A_model_classifies_by_the_argmax_of_its_outputs()
    {
        var model = Mlp.Create(2, [3], seed: 4);
        foreach (var x in new[] { new[] { 0.3, -0.7 }, [2.0, 1.0], [-1.5, 0.2] })
        {
            var outputs = model.Evaluate(x);
            Assert.Equal(Array.IndexOf(outputs, outputs.Max()), model.Classify(x));
        }
    }
}
