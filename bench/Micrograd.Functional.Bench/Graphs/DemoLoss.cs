using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Graphs;

/// <summary>
/// micrograd's demo loss, node for node: the MLP's score of every point, the hinge loss
/// mean(relu(1 − yᵢ·scoreᵢ)) and the L2 term α·Σp², built the way the demo's Python builds them.
/// With MLP(2, [16, 16, 1]) and 100 points that is 65,818 nodes.
/// </summary>
public static class DemoLoss
{
    /// <summary>Builds the total loss over the whole data set, with fresh input leaves.</summary>
    /// <typeparam name="T">The node type.</typeparam>
    /// <typeparam name="TOps">The operations on <typeparamref name="T"/>.</typeparam>
    /// <param name="workload">The data, the MLP's shape and α.</param>
    /// <param name="parameters">The MLP's parameters as leaves, in micrograd's order.</param>
    public static T Build<T, TOps>(DemoWorkload workload, T[] parameters)
        where TOps : struct, IScalarOps<T>
    {
        var data = workload.Data;
        var losses = new T[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            T[] input = [TOps.Leaf(data.X[i][0]), TOps.Leaf(data.X[i][1])]; // inputs = [list(map(Value, xrow)) ...]
            var score = Score<T, TOps>(workload.Layout, parameters, input);
            losses[i] = TOps.Relu(TOps.Add(1.0, TOps.Mul(-data.Y[i], score))); // (1 + -yi*scorei).relu()
        }

        var dataLoss = TOps.Mul(PythonSum<T, TOps>(losses), 1.0 / losses.Length); // sum(losses) * (1.0 / len(losses))
        var squares = new T[parameters.Length];
        for (var k = 0; k < parameters.Length; k++)
        {
            squares[k] = TOps.Mul(parameters[k], parameters[k]);
        }

        var regLoss = TOps.Mul(workload.Alpha, PythonSum<T, TOps>(squares)); // alpha * sum((p*p for p in parameters))
        return TOps.Add(dataLoss, regLoss);
    }

    /// <summary>
    /// The MLP's single output. A neuron computes b + w₀x₀ + w₁x₁ + … (micrograd's
    /// <c>sum((wi*xi ...), self.b)</c>), then ReLU unless its layer is the last.
    /// </summary>
    /// <typeparam name="T">The node type.</typeparam>
    /// <typeparam name="TOps">The operations on <typeparamref name="T"/>.</typeparam>
    /// <param name="layout">The MLP's shape.</param>
    /// <param name="parameters">The MLP's parameters, in micrograd's order.</param>
    /// <param name="input">The point's coordinates.</param>
    public static T Score<T, TOps>(MlpLayout layout, T[] parameters, T[] input)
        where TOps : struct, IScalarOps<T>
    {
        var x = input;
        foreach (var layer in layout.Layers)
        {
            var next = new T[layer.Outputs];
            for (var j = 0; j < layer.Outputs; j++)
            {
                var act = parameters[layer.Bias(j)];
                for (var i = 0; i < layer.Inputs; i++)
                {
                    act = TOps.Add(act, TOps.Mul(parameters[layer.Weight(j, i)], x[i]));
                }

                next[j] = layer.Relu ? TOps.Relu(act) : act;
            }

            x = next;
        }

        return x[0];
    }

    /// <summary>Python's <c>sum(xs)</c>: it starts from the int 0, so it builds 0 + x₀ + x₁ + … with 0 a constant leaf.</summary>
    private static T PythonSum<T, TOps>(T[] terms)
        where TOps : struct, IScalarOps<T>
    {
        var sum = TOps.Add(0.0, terms[0]);
        for (var k = 1; k < terms.Length; k++)
        {
            sum = TOps.Add(sum, terms[k]);
        }

        return sum;
    }
}
