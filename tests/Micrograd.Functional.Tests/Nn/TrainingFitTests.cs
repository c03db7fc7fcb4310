using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>Data whose classes the loss or the model cannot tell apart is refused up front, with a message that says the fix.</summary>
public class TrainingFitTests
{
    private static readonly Dataset ThreeBlobs = Datasets.Blobs(classes: 3);

    [Fact]
    public void A_binary_loss_on_three_classes_says_the_loss_is_binary_and_names_the_softmax_fix()
    {
        var options = TrainingOptions.Micrograd with { Loss = Loss.Hinge };
        var error = Assert.Throws<ArgumentException>(() => Mlp.Create(2, [4, 1]).Train(ThreeBlobs, options));
        Assert.Contains("Loss hinge is binary (labels 0 and 1) but the data has 3 classes: use Loss.SoftmaxCrossEntropy with a model of 3 outputs", error.Message);
    }

    [Fact]
    public void A_softmax_model_with_fewer_outputs_than_classes_says_both_numbers()
    {
        var options = TrainingOptions.Micrograd with { Loss = Loss.SoftmaxCrossEntropy };
        var error = Assert.Throws<ArgumentException>(() => Mlp.Create(2, [4, 2]).Train(ThreeBlobs, options));
        Assert.Contains("the model has 2 outputs but the data has 3 classes", error.Message);
    }

    [Fact]
    public void The_objective_checks_the_same_way()
    {
        Assert.Contains("Loss bce is binary (labels 0 and 1) but the data has 3 classes",
            Assert.Throws<ArgumentException>(() => Training.Objective(Mlp.Create(2, [1]), ThreeBlobs, Loss.BinaryCrossEntropy, 0)).Message);
        Assert.Contains("the model has 2 outputs but the data has 3 classes",
            Assert.Throws<ArgumentException>(() => Training.Objective(Mlp.Create(2, [2]), ThreeBlobs, Loss.SoftmaxCrossEntropy, 0)).Message);
    }

    [Fact]
    public void A_model_with_as_many_outputs_as_classes_trains()
    {
        var options = TrainingOptions.Micrograd with { Loss = Loss.SoftmaxCrossEntropy, Optimizer = new Adam(0.05), Steps = 2 };
        Assert.Equal(2, Mlp.Create(2, [4, 3]).Train(ThreeBlobs, options).Count());
    }
}
