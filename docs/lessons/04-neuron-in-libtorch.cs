#:project ../../src/Micrograd.Functional/Micrograd.Functional.csproj
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
// We build the lecture's neuron o = tanh(x₁w₁ + x₂w₂ + b) twice, once with `Value`s and once with
// float64 tensors, and compare the value and the five gradients. Then we do the same on a few
// random neurons: that is a *differential test*, the kind the repository runs on thousands of
// random graphs in `tests/Micrograd.Functional.Reference.Tests`.
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
using System.Globalization;
using Micrograd.Functional;
using TorchSharp;
using static TorchSharp.torch;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// ## The lecture's neuron with Values
// Two inputs, two weights and a bias chosen so that n comes out as 0.8813…, where tanh(n) = 1/√2.
var x1 = new Value(2.0, "x1");
var x2 = new Value(0.0, "x2");
var w1 = new Value(-3.0, "w1");
var w2 = new Value(1.0, "w2");
var b = new Value(6.8813735870195432, "b");
var o = (x1 * w1 + x2 * w2 + b).Tanh();
var grads = o.Backward();

Value[] leaves = [x1, x2, w1, w2, b];
Console.WriteLine($"Micrograd.Functional: o = {o.Data}");
foreach (var leaf in leaves)
{
    Console.WriteLine($"  do/d{leaf.Label} = {grads[leaf]}");
}

// ## The same neuron in libtorch
// The lecture's PyTorch code, line for line: float64 scalars that record what is done to them,
// the same formula, then backward(), which fills each leaf's .grad.
// A dispose scope frees the native tensors at the end of the block.
double torchO;
double[] torchGrads;
using (NewDisposeScope())
{
    var tx1 = tensor(2.0, float64, requires_grad: true);
    var tx2 = tensor(0.0, float64, requires_grad: true);
    var tw1 = tensor(-3.0, float64, requires_grad: true);
    var tw2 = tensor(1.0, float64, requires_grad: true);
    var tb = tensor(6.8813735870195432, float64, requires_grad: true);
    var tn = tx1 * tw1 + tx2 * tw2 + tb;
    var to = tn.tanh();
    to.backward();

    torchO = to.item<double>();
    torchGrads = [.. new[] { tx1, tx2, tw1, tw2, tb }.Select(t => t.grad!.item<double>())];
}

Console.WriteLine($"libtorch:             o = {torchO}");
for (var i = 0; i < leaves.Length; i++)
{
    Console.WriteLine($"  do/d{leaves[i].Label} = {torchGrads[i]}");
}

// The lecture reads these to 4 places (x1 -1.5, w1 1.0, x2 0.5, w2 0.0, b 0.5), and to 4 places
// they agree. To 16 digits they do not quite: o differs in its last bit. The exact tanh(n) is
// 0.70710678118654759116… (computed to 40 digits with Python's decimal module). The two doubles
// nearest to it are 0.7071067811865476 and 0.7071067811865477, one ulp (unit in the last place,
// here 1.1e-16) apart. libtorch's tanh rounds to the nearer one; .NET's Math.Tanh (the C library's
// tanh, the one Python's math.tanh also calls: it prints 0.7071067811865477) to the other.
// Neither is wrong: a math library promises a result within an ulp or two, not the nearest double.
Check(torchO == 0.7071067811865476, $"libtorch's tanh is the double nearest to the exact tanh(n), 0.7071067811865476 (got {torchO})");
Check(o.Data == 0.7071067811865477, $"our tanh is Python's math.tanh, 0.7071067811865477 (got {o.Data})");
Check(Math.BitIncrement(torchO) == o.Data, "the two values of o are neighbouring doubles, one ulp apart");

// The gradients all go through do/dn = 1 − o², so they inherit that last-bit difference (a few ulps
// of a gradient): they agree to 15 significant digits.
for (var i = 0; i < leaves.Length; i++)
{
    var (ours, theirs) = (grads[leaves[i]], torchGrads[i]);
    Check(Math.Abs(ours - theirs) <= 1e-15 * Math.Max(1, Math.Abs(theirs)), $"do/d{leaves[i].Label}: ours {ours} and libtorch's {theirs} agree within 1e-15");
}

Console.WriteLine("o differs by one ulp (libtorch rounds tanh to the nearest double, the C library does not); the five gradients agree within 1e-15.");

// ## A differential test on random neurons
// One example can agree by luck. Draw a few neurons with 3 inputs, random weights, bias and
// inputs (a fixed seed, so the output is the same on every run), and compare every gradient.
// As above, exact equality is too much to ask, so the check allows a relative difference of 1e-12.
// Why so much more than 1e-15? Where tanh saturates (|n| large), 1 − o² is tiny and comes from
// subtracting two nearly equal numbers, so o's last-bit difference becomes a larger relative one.
// With every number in [-1, 1], |n| ≤ 4 and 1 − o² ≥ 0.0013, which keeps it below 1e-12.
var random = new Random(1337);
double Draw() => Math.Round(random.NextDouble() * 2 - 1, 3);   // in [-1, 1], three decimals

var worst = 0.0;
for (var trial = 0; trial < 5; trial++)
{
    double[] xs = [Draw(), Draw(), Draw()];
    double[] ws = [Draw(), Draw(), Draw()];
    var bias = Draw();

    // Ours: the same neuron as above, with three inputs.
    Value[] vx = [.. xs.Select(v => new Value(v))];
    Value[] vw = [.. ws.Select(v => new Value(v))];
    var vb = new Value(bias);
    var vo = (vx[0] * vw[0] + vx[1] * vw[1] + vx[2] * vw[2] + vb).Tanh();
    var vg = vo.Backward();
    double[] ours = [.. vx.Select(v => vg[v]), .. vw.Select(v => vg[v]), vg[vb]];

    // libtorch's.
    double[] theirs;
    using (NewDisposeScope())
    {
        var tx = xs.Select(v => tensor(v, float64, requires_grad: true)).ToArray();
        var tw = ws.Select(v => tensor(v, float64, requires_grad: true)).ToArray();
        var tb = tensor(bias, float64, requires_grad: true);
        var to = (tx[0] * tw[0] + tx[1] * tw[1] + tx[2] * tw[2] + tb).tanh();
        to.backward();
        theirs = [.. tx.Concat(tw).Append(tb).Select(t => t.grad!.item<double>())];
    }

    var difference = ours.Zip(theirs, (p, q) => Math.Abs(p - q) / Math.Max(1e-300, Math.Max(Math.Abs(p), Math.Abs(q)))).Max();
    worst = Math.Max(worst, difference);
    Console.WriteLine($"neuron {trial}: x = [{string.Join(", ", xs)}], w = [{string.Join(", ", ws)}], b = {bias}: o = {vo.Data:F6}, do/dw = [{string.Join(", ", ours[3..6].Select(g => g.ToString("F6")))}]");
    Check(difference <= 1e-12, $"neuron {trial}: every gradient agrees with libtorch's within 1e-12 relative (largest difference {difference:G3})");
}

Console.WriteLine($"All 5 random neurons: 7 gradients each agree with libtorch's; largest relative difference {worst:G3}.");

// A lesson checks what it claims: a claim that fails stops the run with a non-zero exit code.
static void Check(bool holds, string claim)
{
    if (!holds)
    {
        throw new InvalidOperationException($"Claim failed: {claim}");
    }
}
