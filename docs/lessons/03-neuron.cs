#:project ../../src/Micrograd.Functional/Micrograd.Functional.csproj
#:property InvariantGlobalization=true
// # 03 · A neuron, and tanh rebuilt from exp
//
// A neuron weighs its inputs, adds a bias, and squashes the sum through an **activation**:
//
//     o = tanh(x₁w₁ + x₂w₂ + b)
//
// tanh maps any number into (−1, 1): near 0 it is almost the identity, far from 0 it flattens
// out. This is the lecture's neuron, with inputs x₁ = 2, x₂ = 0, weights w₁ = −3, w₂ = 1, and
// a bias b = 6.8813735870195432 chosen so that the sum is n = ln(1 + √2) and o = tanh(n) = 1/√2
// (to within a unit in the last digit: b as a double is not exactly 6 + ln(1 + √2), and tanh
// rounds; lesson 04 looks at that digit).
//
// Backward needs tanh's local derivative: d tanh(n)/dn = 1 − tanh²(n) = 1 − o² = ½ here. From
// there, the `+` nodes pass the ½ on, and each `*` scales it by the other factor. So
// do/dw₁ = x₁·½ = 1, do/dx₁ = w₁·½ = −1.5, and do/dw₂ = x₂·½ = 0: a weight whose input is 0
// cannot change the output.
//
// tanh need not be a primitive: it can be built from others. tanh is
// (e²ⁿ − 1)/(e²ⁿ + 1), so the lecture rebuilds it from `exp`, `+`, `−`, `*` and `/`. The graph
// grows, each new node brings its own simple local derivative, and the chain rule combines them
// into the same gradients. How coarse or fine the operations are is a choice; the calculus is the
// same. Both graphs are drawn at the end. In the second, e − 1 appears as e + (−1) and a division
// as the numerator times the denominator to the power −1: as in micrograd, the engine builds them from `+`, `*` and `**`.
using Micrograd.Functional;
using Micrograd.Functional.Tracing;

// ## The neuron with tanh
var x1 = new Value(2.0, "x1");
var x2 = new Value(0.0, "x2");
var w1 = new Value(-3.0, "w1");
var w2 = new Value(1.0, "w2");
var b = new Value(6.8813735870195432, "b");
var x1w1 = x1 * w1;
var x2w2 = x2 * w2;
var sum = x1w1 + x2w2;
var n = sum + b;
var o = n.Tanh();
var grads = o.Backward();
Value[] leaves = [x1, w1, x2, w2, b];

Console.WriteLine($"n = {n.Data:R}, o = tanh(n) = {o.Data:R}   (1/√2 = {Math.Sqrt(0.5):R})");
Console.WriteLine($"do/dn = {grads[n]:F4}   (1 − o² = {1 - o.Data * o.Data:F4})");
foreach (var leaf in leaves)
{
    Console.WriteLine($"{"do/d" + leaf.Label,-6} = {grads[leaf],7:F4}");
}

Check(Math.Abs(o.Data - Math.Sqrt(0.5)) < 1e-15, "o = 1/√2 to within a unit in the last digit");
Check(Math.Abs(grads[n] - 0.5) < 1e-15, "do/dn = 1 − o² = ½");
Check(Near(grads[x1], -1.5) && Near(grads[w1], 1.0) && Near(grads[x2], 0.5) && grads[w2] == 0 && Near(grads[b], 0.5),
    "the gradients are the lecture's: x1 −1.5, w1 1, x2 0.5, w2 0, b 0.5");

// ## The same neuron, tanh rebuilt from exp
// A fresh graph over the same leaves: tanh(n) = (e²ⁿ − 1) / (e²ⁿ + 1).
var e = (2 * n).Exp();
var oFromExp = (e - 1) / (e + 1);
var gradsFromExp = oFromExp.Backward();
Console.WriteLine();
Console.WriteLine($"o from exp = {oFromExp.Data:R}");
foreach (var leaf in leaves)
{
    Console.WriteLine($"{"do/d" + leaf.Label,-6} = {gradsFromExp[leaf],7:F4}   (with tanh {grads[leaf],7:F4})");
    Check(Math.Abs(gradsFromExp[leaf] - grads[leaf]) < 1e-12, $"do/d{leaf.Label} is the same through exp as through tanh");
}

// Different operations round differently, so the last digits may differ; nothing more.
var worst = leaves.Max(leaf => Math.Abs(gradsFromExp[leaf] - grads[leaf]));
Console.WriteLine($"largest difference between the two: {worst:0.0E+0}");

// ## Both graphs, with each node's data and gradient
// Leaves are named by their constructor; inner nodes get drawing-only names. Drawn top to bottom,
// so that they fit the width of a page.
var names = new Dictionary<Value, string> { [x1w1] = "x1*w1", [x2w2] = "x2*w2", [sum] = "x1*w1 + x2*w2", [n] = "n", [o] = "o" };
Draw(Dot.Write(o, grads, new DotOptions { Labels = names, RankDirection = RankDirection.TopToBottom }), "03-neuron.svg");
var namesFromExp = new Dictionary<Value, string>(names) { [e] = "e", [oFromExp] = "o" };
Draw(Dot.Write(oFromExp, gradsFromExp, new DotOptions { Labels = namesFromExp, RankDirection = RankDirection.TopToBottom }), "03-neuron-from-exp.svg");
Console.WriteLine("All claims hold.");

static bool Near(double actual, double expected) => Math.Abs(actual - expected) < 1e-12;

// Renders DOT text with Graphviz into docs/lessons/images/ and names the picture for the page.
static void Draw(string dot, string file)
{
    var folder = Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, "images");
    Directory.CreateDirectory(folder);
    Graphviz.Render(dot, Path.Combine(folder, file)).IfFail(error => throw new InvalidOperationException(error.Message));
    Console.WriteLine($"picture: images/{file}");
}

static void Check(bool claim, string what)
{
    if (!claim) throw new InvalidOperationException($"Lesson 03: the claim '{what}' does not hold.");
}
