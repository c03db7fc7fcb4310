using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;
using Micrograd.Functional.Tests.Engine;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>
/// micrograd's demo.ipynb, number for number: the moons of <c>np.random.seed(1337); make_moons(100, noise=0.1)</c>,
/// the weights of <c>random.seed(1337); MLP(2, [16, 16, 1])</c>, hinge loss + 1e-4·Σp², SGD with
/// η = 1.0 − 0.9·k/100, 100 full-batch steps. The checkpoints are the notebook's printed output.
/// Python sums gradients in set order, so the last bits differ: 1e-9 relative.
/// </summary>
public class NotebookReproductionTests
{
    private static readonly Lazy<TrainingStep[]> Run = new(() =>
        Mlp.Create(2, [16, 16, 1], seed: 1337).Train(Datasets.Moons(100, 0.1, seed: 1337), TrainingOptions.Micrograd).ToArray());

    [Fact]
    public void Step_0_has_loss_0_8958441028683222_at_accuracy_50_percent()
    {
        var step = Run.Value[0];
        Tolerance.Relative(0.8958441028683222, step.Loss, 1e-9);
        Assert.Equal(0.5, step.Accuracy);
    }

    [Fact]
    public void Step_99_has_loss_0_010978370135492717_at_accuracy_100_percent()
    {
        var step = Run.Value[99];
        Tolerance.Relative(0.010978370135492717, step.Loss, 1e-9);
        Assert.Equal(1.0, step.Accuracy);
    }

    [Fact]
    public void Accuracy_is_100_percent_at_every_step_from_70_to_99()
    {
        Assert.All(Run.Value[70..], step => Assert.Equal(1.0, step.Accuracy));
        Assert.Equal(100, Run.Value.Length);
    }

    [Fact]
    public void The_step_graph_has_micrograds_65818_nodes()
    {
        var model = Mlp.Create(2, [16, 16, 1], seed: 1337);
        var (loss, _) = Training.Objective(model, Datasets.Moons(), Loss.Hinge, 1e-4);
        var census = loss.Backward().GroupBy(p => p.Node.Op).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(65_818, census.Values.Sum());
        Assert.Equal((741, 30_938, 30_839, 3_300), (census[Op.Leaf], census[Op.Add], census[Op.Mul], census[Op.Relu]));
    }
}
