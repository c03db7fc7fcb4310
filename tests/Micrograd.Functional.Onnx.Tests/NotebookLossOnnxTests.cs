using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;
using Microsoft.ML.OnnxRuntime;

namespace Micrograd.Functional.Onnx.Tests;

/// <summary>A large compiled function in ONNX Runtime: micrograd's demo loss, 65,076 scalar operations, against the notebook's own number.</summary>
public class NotebookLossOnnxTests
{
    /// <summary>
    /// micrograd's demo notebook prints loss 0.8958441028683222 at step 0: hinge loss of the 2-16-16-1 MLP (seed 1337) on the
    /// 100 moons, plus 1e-4·Σp². Compiled with the parameters as inputs and exported, ONNX Runtime computes that number to
    /// the bit. The session is built without graph rewrites: with all of them on, building it takes about 50 s on a 2-core
    /// machine for this graph (7 s without), which is why a model is better exported as a model (one Gemm per layer).
    /// </summary>
    [Fact]
    public void Micrograd_demo_loss_exported_as_a_compiled_function_is_the_notebook_step_0_loss_in_ONNX_Runtime()
    {
        var data = Datasets.Moons();
        var model = Mlp.Create(2, [16, 16, 1], seed: 1337);
        var loss = Compiler.Compile(p =>
        {
            var m = model.WithParameterNodes(p);
            var total = new Value(0.0);
            for (var i = 0; i < data.Count; i++)
            {
                total += (1 + -data.SignedLabels[i] * m.Forward([.. data.Features[i]])[0]).Relu(); // max(0, 1 − yᵢ·scoreᵢ)
            }

            return total * (1.0 / data.Count) + 1e-4 * p.Select(w => w * w).Aggregate((a, b) => a + b);
        }, model.Parameters.Length);

        using var session = Runtime.Session(Runtime.Bytes(OnnxExport.ToBytes(loss)), GraphOptimizationLevel.ORT_DISABLE_ALL);
        var value = Runtime.Run(session, model.ParameterValues().ToArray(), [model.Parameters.Length], OnnxExport.OutputName)[0][0];

        Assert.Equal(65_076, loss.InstructionCount);
        Assert.Equal(0.8958441028683222, value);
    }
}
