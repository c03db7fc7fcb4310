using Micrograd.Functional.Nn;
using Micrograd.Functional.Tests.Engine;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>The losses, their gradients (closed forms), the L2 penalty and accuracy.</summary>
public class LossTests
{
    [Theory]
    [InlineData(0.3, 1, 0.7, -1.0)]  // t = +1: relu(1 − s), slope −1 inside the margin
    [InlineData(2.0, 1, 0.0, 0.0)]   // beyond the margin: no loss, no slope
    [InlineData(0.3, 0, 1.3, 1.0)]   // t = −1: relu(1 + s)
    [InlineData(-1.0, 0, 0.0, 0.0)]  // exactly on the margin: relu′(0) = 0
    public void Hinge_loss_is_relu_of_1_minus_t_times_s(double score, int label, double loss, double slope)
    {
        var s = new Value(score);
        var l = Loss.Hinge.Of(s, label);
        Tolerance.Close(loss, l.Data, 1e-15);
        Assert.Equal(slope, l.Backward()[s]);
    }

    [Theory]
    [InlineData(0.5, 1, 0.25, -1.0)] // (s − 1)², slope 2(s − 1)
    [InlineData(0.5, 0, 2.25, 3.0)]  // (s + 1)², slope 2(s + 1)
    public void Squared_error_is_s_minus_t_squared(double score, int label, double loss, double slope)
    {
        var s = new Value(score);
        var l = Loss.MeanSquaredError.Of(s, label);
        Tolerance.Close(loss, l.Data, 1e-15);
        Tolerance.Close(slope, l.Backward()[s], 1e-15);
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.0, 0)]
    [InlineData(2.5, 1)]
    [InlineData(-3.0, 0)]
    [InlineData(-3.0, 1)]
    public void Cross_entropy_is_minus_log_likelihood_with_slope_sigma_minus_y(double logit, int label)
    {
        var s = new Value(logit);
        var l = Loss.BinaryCrossEntropy.Of(s, label);
        var p = 1 / (1 + Math.Exp(-logit));
        Tolerance.Close(-(label * Math.Log(p) + (1 - label) * Math.Log(1 - p)), l.Data, 1e-14);
        Tolerance.Close(p - label, l.Backward()[s], 1e-15);
    }

    [Theory]
    [InlineData(800.0, 0, 800.0, 1.0)]   // a confident wrong answer: ln(1 + e⁸⁰⁰) = 800 without overflow
    [InlineData(-800.0, 1, 800.0, -1.0)]
    [InlineData(800.0, 1, 0.0, 0.0)]     // a confident right answer: no loss, no NaN
    [InlineData(-40.0, 0, 4.248354255291589e-18, 4.248354255291589e-18)]
    public void Cross_entropy_is_stable_for_large_logits(double logit, int label, double loss, double slope)
    {
        var s = new Value(logit);
        var l = Loss.BinaryCrossEntropy.Of(s, label);
        Tolerance.Relative(loss, l.Data, 1e-15);
        Tolerance.Relative(slope, l.Backward()[s], 1e-15);
    }

    [Fact]
    public void Mean_averages_per_sample_losses_as_micrograd_sums_them()
    {
        var scores = new[] { new Value(0.3), new Value(-0.2), new Value(1.5) };
        var mean = Loss.Hinge.Mean(scores, [1, 0, 1]);
        Tolerance.Close((0.7 + 0.8 + 0.0) / 3, mean.Data, 1e-15);
        var grads = mean.Backward();
        Assert.Equal(new[] { -1.0 / 3, 1.0 / 3, 0.0 }, grads.For(scores));
    }

    [Fact]
    public void Sum_is_built_like_pythons_sum_starting_from_zero()
    {
        var (a, b) = (new Value(2.0), new Value(3.0));
        var sum = Loss.Sum([a, b]);
        // (a + 0) + b
        Assert.Same(b, sum.Operands[1]);
        Assert.Same(a, sum.Operands[0].Operands[0]);
        Assert.Equal(0.0, sum.Operands[0].Operands[1].Data);
        Assert.Equal(0.0, Loss.Sum([]).Data);
        // Python: sum([-0.0]) is 0 + (-0.0) = +0.0, a positive zero.
        Assert.False(double.IsNegative(Loss.Sum([new Value(-0.0)]).Data));
    }

    [Fact]
    public void L2_is_alpha_times_the_sum_of_squares_with_slope_2_alpha_p()
    {
        var p = new[] { new Value(1.0), new Value(-2.0) };
        var l2 = Loss.L2(p, 1e-4);
        Tolerance.Close(5e-4, l2.Data, 1e-15);
        Assert.Equal(new[] { 2e-4, -4e-4 }, l2.Backward().For(p));
    }

    [Fact]
    public void Accuracy_counts_scores_with_the_sign_of_their_class()
    {
        Assert.Equal(0.75, Loss.Accuracy([0.5, -0.1, 0.0, 2.0], [1, 0, 1, 1])); // a score of 0 predicts class 0
        Assert.Equal(0.0, Loss.Accuracy([], []));
    }

    [Fact]
    public void Binary_accuracy_refuses_a_label_other_than_0_or_1_instead_of_counting_it_wrong()
    {
        var error = Assert.Throws<ArgumentException>(() => Loss.Accuracy([0.3, -0.2], [2, 0]));
        Assert.Equal("labels", error.ParamName);
        Assert.Contains("Class labels must be 0 or 1; found 2", error.Message);
        Assert.Contains("Classification.Accuracy", error.Message);
    }

    [Fact]
    public void Losses_are_found_by_name()
    {
        Assert.Equal(Loss.Hinge, Loss.Parse("HINGE"));
        Assert.Equal(Loss.MeanSquaredError, Loss.Parse("mse"));
        Assert.Equal(Loss.BinaryCrossEntropy, Loss.Parse("bce"));
        Assert.True(Loss.Parse("huber").IsNone);
        Assert.Equal("hinge", Loss.Hinge.ToString());
    }

    [Fact]
    public void Bad_batches_are_rejected()
    {
        Assert.Contains("one label per score", Assert.Throws<ArgumentException>(() => Loss.Hinge.Mean([new Value(1)], [1, 0])).Message);
        Assert.Contains("at least one sample", Assert.Throws<ArgumentException>(() => Loss.Hinge.Mean([], [])).Message);
        Assert.Contains("must be 0 or 1; found -1", Assert.Throws<ArgumentException>(() => Loss.Hinge.Mean([new Value(1)], [-1])).Message);
    }
}
