using Micrograd.Functional.Bench.Workload;
using TorchSharp;
using static TorchSharp.torch;

namespace Micrograd.Functional.Bench.Torch;

/// <summary>
/// The demo step as a .NET user would write it with TorchSharp (libtorch, CPU, float64): the parameters
/// W₁[2,16], b₁, W₂[16,16], b₂, W₃[16,1], b₃ as tensors with <c>requires_grad</c>, the data X[n,2] and y[n]
/// as tensors; scores = relu(relu(X@W₁ + b₁)@W₂ + b₂)@W₃ + b₃, loss = mean(relu(1 − y·scores)) + α·Σp²,
/// <c>loss.backward()</c>, then the gradients read back into one array in micrograd's order. The gradients are
/// zeroed before each step (libtorch accumulates them), and every tensor a step makes is disposed at its end.
/// Owns its buffers, so it is not thread safe.
/// </summary>
public sealed class TorchDemoStep : IDisposable
{
    private readonly Tensor[] _parameters;   // W₁, b₁, W₂, b₂, W₃, b₃
    private readonly int[][] _positions;     // _positions[t][k]: where element k of _parameters[t] sits in micrograd's order
    private readonly Tensor _x;
    private readonly Tensor _y;
    private readonly double _alpha;
    private readonly double[] _flat;
    private readonly double[] _gradients;

    /// <summary>Copies <paramref name="workload"/>'s data and parameters into tensors.</summary>
    /// <param name="workload">The demo workload (any number of points).</param>
    public TorchDemoStep(DemoWorkload workload)
    {
        var layers = workload.Layout.Layers;
        _positions = [.. layers.SelectMany(l => new[] { WeightPositions(l), Enumerable.Range(0, l.Outputs).Select(l.Bias).ToArray() })];
        _parameters = [.. _positions.Select((positions, t) => tensor(
            positions.Select(k => workload.Parameters[k]).ToArray(),
            t % 2 == 0 ? [layers[t / 2].Inputs, layers[t / 2].Outputs] : [(long)layers[t / 2].Outputs],
            float64,
            requires_grad: true))];
        var data = workload.Data;
        _x = tensor(data.X.SelectMany(p => p).ToArray(), [data.Count, data.X[0].Length], float64);
        _y = tensor(data.Y, [data.Count], float64);
        _alpha = workload.Alpha;
        _flat = new double[_positions.Max(p => p.Length)];
        _gradients = new double[workload.Layout.ParameterCount];
    }

    /// <summary>libtorch's intra-op thread count when this process first used it, before anything set it.</summary>
    public static int DefaultThreads { get; } = get_num_threads();

    /// <summary>
    /// One forward and backward pass: zero the gradients, compute the loss, <c>backward()</c>, read the 337
    /// gradients. The returned gradient array is this object's buffer, overwritten by the next call.
    /// </summary>
    public StepResult Run()
    {
        using var scope = NewDisposeScope();
        foreach (var p in _parameters)
        {
            p.grad?.zero_();
        }

        var (w1, b1, w2, b2, w3, b3) = (_parameters[0], _parameters[1], _parameters[2], _parameters[3], _parameters[4], _parameters[5]);
        var hidden1 = nn.functional.relu(_x.matmul(w1) + b1);
        var hidden2 = nn.functional.relu(hidden1.matmul(w2) + b2);
        var scores = (hidden2.matmul(w3) + b3).squeeze(1);
        var dataLoss = nn.functional.relu(1 - _y * scores).mean();
        var regLoss = _parameters.Select(p => p.pow(2).sum()).Aggregate((a, b) => a + b) * _alpha;
        var loss = dataLoss + regLoss;
        loss.backward();

        for (var t = 0; t < _parameters.Length; t++)
        {
            var positions = _positions[t];
            _parameters[t].grad!.data<double>().CopyTo(_flat);
            for (var k = 0; k < positions.Length; k++)
            {
                _gradients[positions[k]] = _flat[k];
            }
        }

        return new StepResult(loss.item<double>(), _gradients);
    }

    /// <summary>
    /// Throws unless <paramref name="steps"/> steps leave as many live tensors as before them (TorchSharp's count of
    /// undisposed tensor handles), so that a step's memory is released when it ends and a benchmark's stays flat.
    /// </summary>
    /// <param name="steps">The number of steps run after a first, warm-up step.</param>
    /// <exception cref="InvalidOperationException">Tensors made by a step are still alive after it.</exception>
    public void RequireNoTensorLeft(int steps = 20)
    {
        Run();
        var before = Tensor.TotalCount;
        for (var i = 0; i < steps; i++)
        {
            Run();
        }

        var left = Tensor.TotalCount - before;
        if (left != 0)
        {
            throw new InvalidOperationException($"TorchSharp demo step: {steps} steps left {left} tensors alive; expected none.");
        }
    }

    /// <summary>Disposes the parameter and data tensors.</summary>
    public void Dispose()
    {
        foreach (var tensor in _parameters.Append(_x).Append(_y))
        {
            tensor.Dispose();
        }
    }

    /// <summary>A weight matrix W[i, j] (input i, neuron j) laid out row-major: element i·outputs + j is micrograd's wᵢ of neuron j.</summary>
    private static int[] WeightPositions(LayerShape layer) =>
        [.. Enumerable.Range(0, layer.Inputs).SelectMany(i => Enumerable.Range(0, layer.Outputs).Select(j => layer.Weight(j, i)))];
}
