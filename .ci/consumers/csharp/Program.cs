// A C# user's first program against the Micrograd.Functional package (no project reference).
// Reference numbers come from outside this code: micrograd's README (24.7041, 138.8338, 645.5773)
// and micrograd's demo.ipynb output (step 0 and step 19 losses and accuracies).
// Prints one "PASS name" or "FAIL name: detail" line per check; .ci/packages.sh counts them.
using Micrograd.Functional;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

var failures = 0;
void Check(string name, bool ok, string detail)
{
    Console.WriteLine(ok ? $"PASS {name}" : $"FAIL {name}: {detail}");
    if (!ok) failures++;
}

// micrograd's README example, unchanged except for the last three lines.
var a = new Value(-4.0);
var b = new Value(2.0);
var c = a + b;
var d = a * b + b.Pow(3);
c += c + 1;
c += 1 + c + (-a);
d += d * 2 + (b + a).Relu();
d += 3 * d + (b - a).Relu();
var e = c - d;
var f = e.Pow(2);
var g = f / 2.0;
g += 10.0 / f;
var grads = g.Backward();
var printed = $"{g.Data:F4} {grads[a]:F4} {grads[b]:F4}";
Check("csharp: micrograd's README example prints 24.7041 138.8338 645.5773", printed == "24.7041 138.8338 645.5773", printed);

// micrograd's demo notebook, first 20 steps: moons(100, noise 0.1, seed 1337), MLP 2-16-16-1, hinge + L2, SGD.
var data = Datasets.Moons(samples: 100, noise: 0.1, seed: 1337);
var model = Mlp.Create(2, [16, 16, 1], seed: 1337);
var steps = model.Train(data, TrainingOptions.Micrograd).Take(20).ToArray();
foreach (var step in steps) Console.WriteLine(step);

// The notebook's printed numbers; Python sums gradients in another order, so the last bits differ (1e-9 relative).
static bool Near(double expected, double actual) => Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected);
Check("csharp: step 0 has the notebook's loss 0.8958441028683222 at 50% accuracy",
    Near(0.8958441028683222, steps[0].Loss) && steps[0].Accuracy == 0.5, steps[0].ToString());
Check("csharp: step 19 has the notebook's loss 0.1845374874688392 at 93% accuracy",
    Near(0.1845374874688392, steps[19].Loss) && Math.Abs(steps[19].Accuracy - 0.93) < 1e-12, steps[19].ToString());

// The README's Vmap example: a compiled ReLU neuron mapped over three samples, two weights shared. By hand:
// outputs ReLU(0.5·1 − 2), ReLU(0.5·3 − 4), ReLU(0.5·5 + 6) = 0, 0, 8.5; only the third is past the kink, so ∂/∂w = (5, −6).
var batched = Compiler.Compile(x => (x[0] * x[2] + x[1] * x[3]).Relu(), inputCount: 4).Vmap(sharedCount: 2);
var outputs = new double[3];
var gradient = new double[2];
batched.ValueAndGrad([0.5, -1.0], [1, 2, 3, 4, 5, -6], outputs, gradient);
var mapped = $"{string.Join(", ", outputs)}; {string.Join(", ", gradient)}";
Check("csharp: Vmap maps a compiled neuron over a batch (0, 0, 8.5; 5, -6)", mapped == "0, 0, 8.5; 5, -6", mapped);

// ONNX export from the packed library (its OnnxSharp and Google.Protobuf dependencies restored from the feed and
// nuget.org as a user's would be): the 20-step model written and read back, every parameter bit for bit.
var onnxPath = Path.Combine(Path.GetTempPath(), $"consumer-{Environment.ProcessId}.onnx");
var saved = Micrograd.Functional.Onnx.OnnxExport.Save(steps[^1].Model, onnxPath);
var loaded = saved.Bind(_ => Micrograd.Functional.Onnx.OnnxImport.LoadMlp(onnxPath));
var roundTrip = loaded.Match(
    back => back.ParameterValues().SequenceEqual(steps[^1].Model.ParameterValues()) ? "exact" : "parameters differ",
    error => error.Message);
File.Delete(onnxPath);
Check("csharp: OnnxExport.Save then OnnxImport.LoadMlp gives back the trained model bit for bit", roundTrip == "exact", roundTrip);

return failures == 0 ? 0 : 1;
