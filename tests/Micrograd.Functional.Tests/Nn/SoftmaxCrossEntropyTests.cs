using Micrograd.Functional.Nn;
using Micrograd.Functional.Tests.Engine;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>Softmax cross-entropy against its closed forms and finite differences, and its guards.</summary>
public class SoftmaxCrossEntropyTests
{
    public static TheoryData<double[], int> Cases => new()
    {
        { [1.0, 2.0, 3.0], 0 },
        { [1.0, 2.0, 3.0], 2 },
        { [0.5, -0.25], 1 },
        { [-2.0, 0.0, 0.7, 1.3], 3 },
        { [4.0, 4.0, 4.0], 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_is_minus_log_softmax_of_the_labelled_score(double[] scores, int label)
    {
        var loss = Loss.SoftmaxCrossEntropy.Of(Leaves(scores), label);
        // Closed form, computed naively (safe for these small scores): −ln(e^(s_y) / Σ e^(s_j)).
        Tolerance.Close(-Math.Log(Math.Exp(scores[label]) / scores.Sum(Math.Exp)), loss.Data, 1e-14);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_is_softmax_minus_onehot(double[] scores, int label)
    {
        var s = Leaves(scores);
        var gradient = Loss.SoftmaxCrossEntropy.Of(s, label).Backward().For(s);
        var z = scores.Sum(Math.Exp);
        for (var j = 0; j < scores.Length; j++)
        {
            Tolerance.Close(Math.Exp(scores[j]) / z - (j == label ? 1 : 0), gradient[j], 1e-14, $"∂/∂s{j}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_agrees_with_central_finite_differences(double[] scores, int label)
    {
        var s = Leaves(scores);
        var gradient = Loss.SoftmaxCrossEntropy.Of(s, label).Backward().For(s);
        const double h = 1e-6;
        for (var j = 0; j < scores.Length; j++)
        {
            double At(double shift) => Loss.SoftmaxCrossEntropy.Of(Leaves([.. scores.Select((x, i) => i == j ? x + shift : x)]), label).Data;
            Assert.Equal((At(h) - At(-h)) / (2 * h), gradient[j], 8);
        }
    }

    [Theory]
    [InlineData(1, 2000.0, new[] { 1.0, -1.0, 0.0 })] // −ln softmax₁ = ln(e¹⁰⁰⁰ + e⁻¹⁰⁰⁰ + 1) + 1000 = 2000
    [InlineData(0, 0.0, new[] { 0.0, 0.0, 0.0 })]     // the confident right answer: no loss, no NaN
    [InlineData(2, 1000.0, new[] { 1.0, 0.0, -1.0 })]
    public void Scores_of_plus_or_minus_1000_give_finite_exact_losses_and_gradients(int label, double loss, double[] gradient)
    {
        var s = Leaves([1000.0, -1000.0, 0.0]);
        var l = Loss.SoftmaxCrossEntropy.Of(s, label);
        Assert.Equal(loss, l.Data);
        Assert.Equal(gradient, l.Backward().For(s));
    }

    [Theory]
    [InlineData(new[] { 0.0, 1000.0 }, 0, 1000.0, new[] { -1.0, 1.0 })]
    [InlineData(new[] { -1000.0, 1000.0, 0.0 }, 2, 1000.0, new[] { 0.0, 1.0, -1.0 })]
    [InlineData(new[] { -1000.0, 0.0, 1000.0 }, 2, 0.0, new[] { 0.0, 0.0, 0.0 })]
    public void Huge_scores_stay_finite_wherever_the_largest_one_is(double[] scores, int label, double loss, double[] gradient)
    {
        // ln Σⱼ e^(sⱼ) − sᵧ with the largest score 1000 not first: e^(−1000) and e^(−2000) are 0 in doubles.
        var s = Leaves(scores);
        var l = Loss.SoftmaxCrossEntropy.Of(s, label);
        Assert.Equal(loss, l.Data);
        Assert.Equal(gradient, l.Backward().For(s));
    }

    [Fact]
    public void Two_equal_huge_scores_split_the_probability_evenly()
    {
        var s = Leaves([-1000.0, -1000.0]);
        var l = Loss.SoftmaxCrossEntropy.Of(s, 0);
        Tolerance.Close(Math.Log(2), l.Data, 1e-15);
        Assert.Equal(new[] { -0.5, 0.5 }, l.Backward().For(s));
    }

    [Fact]
    public void A_compiled_loss_recomputes_the_max_for_every_input()
    {
        // Traced at scores (0, 0, 0) and then evaluated at (1000, −1000, 0): a max frozen at trace time would overflow.
        var compiled = Compiler.Compile(s => Loss.SoftmaxCrossEntropy.Of(s, 1), 3);
        var gradient = new double[3];
        Assert.Equal(2000.0, compiled.ValueAndGrad([1000.0, -1000.0, 0.0], gradient));
        Assert.Equal(new[] { 1.0, -1.0, 0.0 }, gradient);
    }

    [Fact]
    public void A_label_outside_the_classes_or_a_single_score_is_rejected_with_a_message_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Loss.SoftmaxCrossEntropy.Of(Leaves([1.0, 2.0, 3.0]), 3));
        Assert.Contains("must be 0 to 2; found 3", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Loss.SoftmaxCrossEntropy.Of(Leaves([1.0, 2.0]), -1));
        Assert.Contains("at least 2 outputs", Assert.Throws<ArgumentException>(() => Loss.SoftmaxCrossEntropy.Of(Leaves([1.0]), 0)).Message);
        Assert.Contains("must be 0 to 2; found 5",
            Assert.Throws<ArgumentException>(() => Loss.SoftmaxCrossEntropy.Mean([Leaves([1.0, 2, 3]), Leaves([0.0, 0, 0])], [0, 5])).Message);
    }

    [Fact]
    public void Binary_losses_reject_labels_other_than_0_and_1_and_more_than_one_score()
    {
        foreach (var loss in new[] { Loss.Hinge, Loss.MeanSquaredError, Loss.BinaryCrossEntropy })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => loss.Of(new Value(0.5), 5));
            Assert.Equal(5, error.ActualValue);
            Assert.Contains("must be 0 or 1; found 5", error.Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => loss.Of(new Value(0.5), -1));
            Assert.Contains($"The {loss.Name} loss is binary: it needs a model with 1 output, and this one has 3",
                Assert.Throws<ArgumentException>(() => loss.Of(Leaves([1.0, 2, 3]), 0)).Message);
        }
    }

    [Fact]
    public void A_loss_says_how_many_outputs_and_classes_go_together()
    {
        Assert.Equal((1, 2), (Loss.Hinge.OutputsFor(2), Loss.Hinge.ClassesFor(1)));
        Assert.Equal((3, 3), (Loss.SoftmaxCrossEntropy.OutputsFor(3), Loss.SoftmaxCrossEntropy.ClassesFor(3)));
        Assert.Contains("cannot tell 3 classes apart", Assert.Throws<ArgumentException>(() => Loss.BinaryCrossEntropy.OutputsFor(3)).Message);
        Assert.Throws<ArgumentException>(() => Loss.SoftmaxCrossEntropy.OutputsFor(1));
        Assert.True(Loss.Hinge.IsBinary);
        Assert.False(Loss.SoftmaxCrossEntropy.IsBinary);
        Assert.Equal(Loss.SoftmaxCrossEntropy, Loss.Parse("CE"));
        Assert.Equal("ce", Loss.SoftmaxCrossEntropy.ToString());
    }

    private static Value[] Leaves(double[] xs) => [.. xs.Select(x => new Value(x))];
}
