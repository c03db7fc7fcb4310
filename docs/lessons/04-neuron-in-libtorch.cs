#:project ../../src/Micrograd.Functional/Micrograd.Functional.csproj
#:property InvariantGlobalization=true
#:package TorchSharp
#:package libtorch-cpu-linux-x64
#:property LibTorchSharpGlibcxxFix=true
// # 04 · The same neuron in libtorch
//
// How do you know an autograd engine is right? micrograd's answer is to ask PyTorch. In the
// lecture, after backpropagating through a neuron by hand and with `backward()`, Andrej Karpathy
// builds the very same neuron out of PyTorch tensors, calls PyTorch's `backward()`, and reads the
// same gradients off its `.grad` fields. micrograd's own tests do the same on bigger expressions.
//
// This lesson does that from C#. [TorchSharp](https://github.com/dotnet/TorchSharp) is .NET's
// binding to libtorch, the C++ library inside PyTorch, so its autograd is PyTorch's autograd.
// We build the lecture's neuron o = tanh(x₁w₁ + x₂w₂ + b) in both libraries and compare the value
// and the five gradients: first exactly as the lecture does (which reproduces its printout to the
// last digit, and shows a float32 surprise hidden in it), then in float64 throughout. Then we do
// the same on a few random neurons: that is a *differential test*, the kind the repository runs on
// thousands of random graphs in `tests/Micrograd.Functional.Reference.Tests`.
//
// Two things to know when you run it:
//
// - The packages are TorchSharp 0.107.0 and `libtorch-cpu-linux-x64` 2.10.0 (libtorch for CPU on
//   Linux x64 only; the versions come from the repository's `Directory.Packages.props`). The first
//   run downloads about 130 MB.
// - On Debian 12, TorchSharp's native glue library asks for a newer libstdc++ than the system has,
//   for one symbol nobody calls. `#:property LibTorchSharpGlibcxxFix=true` turns on the reference
//   tests' build step (imported by `docs/lessons/Directory.Build.targets`) that marks that requirement
//   weak in the copy in this lesson's build folder.
using Micrograd.Functional;
using TorchSharp;
using static TorchSharp.torch;

// ## One neuron, two libraries
// o = tanh(x₁w₁ + x₂w₂ + … + b), and its gradient with respect to every x, every w and b, in
// that order. Ours builds Values and calls Backward(). libtorch's is the lecture's PyTorch code:
// float64 scalars that record what is done to them (requires_grad), the same formula, then
// backward(), which fills each leaf's .grad. A dispose scope frees the native tensors.
static (double O, double[] Grads) Ours(double[] x, double[] w, double b)
{
    Value[] xs = [.. x.Select(v => new Value(v))];
    Value[] ws = [.. w.Select(v => new Value(v))];
    var bias = new Value(b);
    var sum = xs[0] * ws[0];
    for (var i = 1; i < xs.Length; i++)
    {
        sum += xs[i] * ws[i];
    }

    var o = (sum + bias).Tanh();
    var grads = o.Backward();
    return (o.Data, [.. xs.Select(v => grads[v]), .. ws.Select(v => grads[v]), grads[bias]]);
}

static (double O, double[] Grads) Torch(double[] x, double[] w, double b)
{
    using var scope = NewDisposeScope();
    var xs = x.Select(v => tensor(v, float64, requires_grad: true)).ToArray();
    var ws = w.Select(v => tensor(v, float64, requires_grad: true)).ToArray();
    var bias = tensor(b, float64, requires_grad: true);
    var sum = xs[0] * ws[0];
    for (var i = 1; i < xs.Length; i++)
    {
        sum += xs[i] * ws[i];
    }

    var o = (sum + bias).tanh();
    o.backward();
    return (o.item<double>(), [.. xs.Concat(ws).Append(bias).Select(t => t.grad!.item<double>())]);
}

string[] names = ["x1", "x2", "w1", "w2", "b"];
void Print(string who, (double O, double[] Grads) result, string digits = "R") =>   // "R": every digit; "G15": 15 significant digits
    Console.WriteLine($"{who,-9} o = {result.O,-20} {string.Join("  ", names.Select((n, i) => $"{n} {result.Grads[i].ToString(digits)}"))}");

// ## The lecture's printout, to the last digit
// The lecture's inputs are x₁ = 2, x₂ = 0, w₁ = −3, w₂ = 1 and b = 6.8813735870195432, chosen so
// that n = 0.8813… and o = tanh(n) = 1/√2 = 0.70710678… . Yet the lecture's PyTorch cell prints
//     0.7071066904050358, x2 0.5000001283844369, w2 0.0, x1 -1.5000003851533106, w1 1.0000002567688737
// Why 0.70710669 and not 0.70710678? The lecture writes torch.Tensor([6.8813735870195432]).double():
// torch.Tensor makes a *float32* tensor, which keeps only about 7 digits (b becomes
// 6.881373405456543), and .double() cannot bring the lost digits back. Round the inputs through
// float32 the same way, and both libraries print the lecture's numbers exactly.
double[] x = [2.0, 0.0];
double[] w = [-3.0, 1.0];
const double B = 6.8813735870195432;
static double[] ThroughFloat32(double[] values) => [.. values.Select(v => (double)(float)v)];

var lectureTorch = Torch(ThroughFloat32(x), ThroughFloat32(w), (float)B);
var lectureOurs = Ours(ThroughFloat32(x), ThroughFloat32(w), (float)B);
Print("libtorch", lectureTorch);
Print("ours", lectureOurs);
double[] printed = [-1.5000003851533106, 0.5000001283844369, 1.0000002567688737, 0.0];   // x1, x2, w1, w2
Check(lectureTorch.O == 0.7071066904050358 && lectureTorch.Grads[..4].SequenceEqual(printed),
    "libtorch gives the lecture's printout exactly");
Check(lectureOurs.O == 0.7071066904050358 && lectureOurs.Grads[..4].SequenceEqual(printed),
    "our engine gives the lecture's printout exactly");

// ## In float64 throughout
// Now with b as written. To 4 places, as the lecture reads them (x1 -1.5, w1 1.0, x2 0.5, w2 0.0,
// b 0.5), the two agree. To 16 digits they do not quite: o differs in its last bit. The exact
// tanh(n) is 0.70710678118654759116… (computed to 40 digits with Python's decimal module). The two
// doubles nearest to it are 0.7071067811865476 and 0.7071067811865477, one ulp (unit in the last
// place, here 1.1e-16) apart. libtorch's tanh rounds to the nearer one; .NET's Math.Tanh (the C
// library's tanh, which Python's math.tanh also calls: it prints 0.7071067811865477) to the other.
// Neither is wrong: a math library promises a result within an ulp or two, not the nearest double.
// libtorch's gradients are printed to 15 significant digits: their last digits depend on the CPU
// (see below), and this page must read the same on every machine.
var torch64 = Torch(x, w, B);
var ours64 = Ours(x, w, B);
Print("libtorch", torch64, "G15");
Print("ours", ours64);
Check(torch64.O == 0.7071067811865476,
    $"libtorch's tanh is the double nearest to the exact tanh(n), 0.7071067811865476 (got {torch64.O})");
Check(ours64.O == 0.7071067811865477, $"our tanh is Python's math.tanh, 0.7071067811865477 (got {ours64.O})");
Check(Math.BitIncrement(torch64.O) == ours64.O,
    "the two values of o are neighbouring doubles, one ulp apart");

// The gradients all go through do/dn = 1 − o². They differ for two reasons: o's last bit, and
// libtorch's vectorised code computes 1 − o² with a single rounding (a fused multiply–add) where we
// round o·o first. Together that is a few ulps: they agree to 15 significant digits. (Whether
// libtorch takes the fused path depends on the CPU it finds: with ATEN_CPU_CAPABILITY=default it
// rounds o·o first too, and its last digits change.)
for (var i = 0; i < names.Length; i++)
{
    var (ours, theirs) = (ours64.Grads[i], torch64.Grads[i]);
    Check(Math.Abs(ours - theirs) <= 1e-15 * Math.Max(1, Math.Abs(theirs)),
        $"do/d{names[i]}: ours {ours} and libtorch's {theirs} agree within 1e-15");
}

Console.WriteLine("In float64, o differs by one ulp and the five gradients agree within 1e-15.");

// ## A differential test on random neurons
// One example can agree by luck. Draw a few neurons with 3 inputs, random weights, bias and
// inputs (a fixed seed, so the output is the same on every run), and compare every gradient.
// As above, exact equality is too much to ask (the last bits of tanh and of 1 − o² differ, and
// libtorch's depend on the CPU), so the check allows a relative difference of 1e-12.
// Why so much more than 1e-15? Where tanh saturates (|n| large), 1 − o² is tiny and comes from
// subtracting two nearly equal numbers, so o's last-bit difference becomes a larger relative one.
// With every number in [-1, 1], |n| ≤ 4 and 1 − o² ≥ 0.0013, which keeps it below 1e-12.
var random = new Random(1337);
double Draw() => Math.Round(random.NextDouble() * 2 - 1, 3);   // in [-1, 1], three decimals

for (var trial = 0; trial < 5; trial++)
{
    double[] xs = [Draw(), Draw(), Draw()];
    double[] ws = [Draw(), Draw(), Draw()];
    var bias = Draw();
    var (ours, theirs) = (Ours(xs, ws, bias), Torch(xs, ws, bias));
    var difference = ours.Grads.Zip(theirs.Grads, (p, q) => Math.Abs(p - q) / Math.Max(1e-300, Math.Max(Math.Abs(p), Math.Abs(q))))
        .Max();   // the largest relative difference (1e-300 keeps 0/0 out when both are 0)
    var dodw = string.Join(", ", ours.Grads[3..6].Select(g => g.ToString("F6")));
    Console.WriteLine($"neuron {trial}: x = [{string.Join(", ", xs)}], w = [{string.Join(", ", ws)}], b = {bias}: o = {ours.O:F6}, do/dw = [{dodw}]");
    Check(difference <= 1e-12,
        $"neuron {trial}: every gradient agrees with libtorch's within 1e-12 relative (largest difference {difference:G3})");
}

Console.WriteLine("All 5 random neurons: 7 gradients each agree with libtorch's within 1e-12 relative.");

Console.WriteLine("All claims hold.");

// A lesson checks what it claims: a claim that fails stops the run with a non-zero exit code.
static void Check(bool claim, string what)
{
    if (!claim)
    {
        throw new InvalidOperationException($"Lesson 04: the claim '{what}' does not hold.");
    }
}
