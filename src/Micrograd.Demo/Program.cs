// The runnable sample: micrograd's README expression, differentiated the functional way.
// (The two-moons training demo replaces this once the neural-net library lands.)
using System.Globalization;
using Micrograd.Functional;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var a = new Value(-4.0, "a");
var b = new Value(2.0, "b");
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

// No .grad fields, no zero_grad: Backward returns every gradient as an immutable map.
var grads = g.Backward();
Console.WriteLine($"g     = {g.Data:F4}   (micrograd and PyTorch: 24.7041)");
Console.WriteLine($"dg/da = {grads[a]:F4}  (138.8338)");
Console.WriteLine($"dg/db = {grads[b]:F4}  (645.5773)");
Console.WriteLine($"graph: {grads.Count} nodes");

// Calling it again gives the same map: nothing accumulated anywhere.
Console.WriteLine($"second Backward, same dg/da: {g.Backward()[a] == grads[a]}");

// Check the gradients of a function of your own against finite differences.
var check = GradCheck.Check(x => (x[0] * x[1]).Tanh() + x[0].Pow(2), [0.5, -1.5]);
Console.WriteLine($"GradCheck on tanh(x·y) + x²: worst relative error {check.WorstRelativeError:E1}");
