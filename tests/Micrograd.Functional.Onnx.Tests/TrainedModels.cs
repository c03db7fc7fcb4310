using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Onnx.Tests;

/// <summary>Small models trained for a few steps on sklearn's datasets, so that their weights are a real training's, not only the initial draw.</summary>
internal static class TrainedModels
{
    /// <summary>The dataset by name, and a model trained on it: moons (ReLU, micrograd's 2-16-16-1), circles (tanh), blobs of 3 classes (sigmoid, softmax cross-entropy).</summary>
    internal static (Dataset Data, Mlp Model) On(string dataset) => dataset switch
    {
        "moons" => Trained(Datasets.Moons(), Mlp.Create(2, [16, 16, 1], seed: 1337), TrainingOptions.Micrograd with { Steps = 20 }),
        "circles" => Trained(Datasets.Circles(), Mlp.Create(2, [8, 8, 1], seed: 7, hidden: Activation.Tanh), TrainingOptions.Micrograd with { Steps = 20 }),
        "blobs" => Trained(Datasets.Blobs(classes: 3), Mlp.Create(2, [8, 3], seed: 3, hidden: Activation.Sigmoid), new TrainingOptions { Loss = Loss.SoftmaxCrossEntropy, Optimizer = new Sgd(0.1), Steps = 20 }),
        _ => throw new ArgumentOutOfRangeException(nameof(dataset), dataset, "moons, circles or blobs"),
    };

    /// <summary>The dataset's rows as one row-major [N, features] array.</summary>
    internal static double[] Rows(Dataset data) => [.. data.Features.SelectMany(row => row)];

    private static (Dataset, Mlp) Trained(Dataset data, Mlp model, TrainingOptions options) => (data, model.Train(data, options).Last().Model);
}
