using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Floor;

/// <summary>
/// The demo step written by hand on arrays, with no graph at all: the forward pass and the
/// backpropagation of the same MLP and loss, done in the same arithmetic order as the graph.
/// It is the floor for any scalar autograd engine: the same floating-point work, without nodes.
/// Allocates nothing per step; it owns its buffers, so it is not thread safe.
/// </summary>
public sealed class ArrayDemoStep
{
    private readonly DemoWorkload _workload;
    private readonly double[][] _activations; // [0] is the input, [l + 1] layer l's output (after ReLU)
    private readonly double[][] _deltas;      // [l]: ∂loss/∂(layer l's pre-activation), for one point
    private readonly double[] _gradients;

    /// <summary>Allocates the buffers for <paramref name="workload"/>'s MLP.</summary>
    /// <param name="workload">The shared demo workload.</param>
    public ArrayDemoStep(DemoWorkload workload)
    {
        _workload = workload;
        var layers = workload.Layout.Layers;
        _activations = [new double[layers[0].Inputs], .. layers.Select(l => new double[l.Outputs])];
        _deltas = layers.Select(l => new double[l.Outputs]).ToArray();
        _gradients = new double[workload.Layout.ParameterCount];
    }

    /// <summary>
    /// One forward and backward pass: total = mean(relu(1 − yᵢ·scoreᵢ)) + α·Σp², and ∂total/∂p.
    /// The returned gradient array is this object's buffer, overwritten by the next call.
    /// </summary>
    public StepResult Run()
    {
        var p = _workload.Parameters;
        var data = _workload.Data;
        var scale = 1.0 / data.Count;
        Array.Clear(_gradients);

        var hingeSum = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            var margin = 1 + -data.Y[i] * Score(p, data.X[i]);
            hingeSum += margin < 0 ? 0.0 : margin;
            if (margin > 0) // ReLU'(margin); at 0 the point contributes no gradient, as in micrograd
            {
                Backpropagate(p, -data.Y[i] * scale); // ∂total/∂scoreᵢ = −yᵢ / n
            }
        }

        var squares = 0.0;
        for (var k = 0; k < p.Length; k++)
        {
            squares += p[k] * p[k];
            _gradients[k] += 2 * _workload.Alpha * p[k]; // ∂(α·Σp²)/∂p = 2αp
        }

        return new StepResult(hingeSum * scale + squares * _workload.Alpha, _gradients);
    }

    /// <summary>The forward pass for one point; fills the activation buffers and returns the score.</summary>
    private double Score(double[] p, double[] input)
    {
        input.CopyTo(_activations[0], 0);
        var layers = _workload.Layout.Layers;
        for (var l = 0; l < layers.Count; l++)
        {
            var layer = layers[l];
            var x = _activations[l];
            var y = _activations[l + 1];
            for (var j = 0; j < layer.Outputs; j++)
            {
                var act = p[layer.Bias(j)];
                for (var i = 0; i < layer.Inputs; i++)
                {
                    act += p[layer.Weight(j, i)] * x[i];
                }

                y[j] = layer.Relu && act < 0 ? 0.0 : act;
            }
        }

        return _activations[^1][0];
    }

    /// <summary>
    /// Adds one point's contribution to every parameter's gradient, layer by layer from the
    /// output: ∂/∂b = δ, ∂/∂wᵢ = δ·xᵢ, and δ of the layer below = Σⱼ wⱼᵢ·δⱼ where its ReLU passed.
    /// </summary>
    private void Backpropagate(double[] p, double scoreGradient)
    {
        var layers = _workload.Layout.Layers;
        _deltas[^1][0] = scoreGradient;
        for (var l = layers.Count - 1; l >= 0; l--)
        {
            var layer = layers[l];
            var x = _activations[l];
            var delta = _deltas[l];
            var below = l > 0 ? _deltas[l - 1] : null;
            if (below is not null)
            {
                Array.Clear(below);
            }

            for (var j = 0; j < layer.Outputs; j++)
            {
                _gradients[layer.Bias(j)] += delta[j];
                for (var i = 0; i < layer.Inputs; i++)
                {
                    _gradients[layer.Weight(j, i)] += delta[j] * x[i];
                    if (below is not null)
                    {
                        below[i] += p[layer.Weight(j, i)] * delta[j];
                    }
                }
            }

            if (below is not null)
            {
                for (var i = 0; i < below.Length; i++)
                {
                    below[i] = x[i] > 0 ? below[i] : 0.0; // ReLU' of the layer below: its output is x
                }
            }
        }
    }
}
