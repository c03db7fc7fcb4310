#:project ../../src/Micrograd.Functional/Micrograd.Functional.csproj
#:property InvariantGlobalization=true
// # 09 · Derivatives of derivatives
//
// `Backward()` answers "how fast does the output change?" with numbers. Sometimes you want to know
// how fast *that* changes: the second derivative, the curvature. It says whether a slope is
// levelling off or getting steeper, and so how big a step can safely be (lesson 06's threshold
// was 2 divided by the curvature). Newton's method uses it to jump straight to the bottom of a
// valley instead of creeping down the slope.
//
// micrograd cannot do this: its gradients are plain numbers in `.grad` fields, and a number has no
// derivative. (PyTorch can, if you ask for `create_graph=True`.) This library can compute each
// gradient as a *graph of Values*, built from the same op table, and a graph can be
// differentiated again. On top of that sit transforms in the style of JAX: `Ad.Grad(f)` takes a
// function and returns its derivative, *also a function*, so `Ad.Grad(Ad.Grad(f))` is f″. For
// functions of several variables, `Ad.Hessian(f)` gives the matrix of all second derivatives.
//
// The lesson checks every result against a derivative worked out by hand, then uses second
// derivatives for Newton's method in one and two dimensions.
using Micrograd.Functional;

// ## Gradients as graphs
// y = x³ at x = 2. Backward() gives dy/dx = 3x² = 12 as a number. BackwardSymbolic() gives the same
// 12 as a Value: the output of a small graph computing 3x² from x. Differentiating *that* graph
// gives d(3x²)/dx = 6x = 12 again (at x = 2 the two happen to coincide).
var x = new Value(2.0, "x");
var y = x.Pow(3);
double dydx = y.Backward()[x];
Value dydxNode = y.BackwardSymbolic()[x];
double d2ydx2 = dydxNode.Backward()[x];
Console.WriteLine($"y = x³ at x = 2: y = {y.Data}, dy/dx = {dydx} (a number), dy/dx = {dydxNode.Data} (a node), d²y/dx² = {d2ydx2}");
Check(dydx == 12 && dydxNode.Data == 12 && d2ydx2 == 12, "3x² = 12 and 6x = 12 at x = 2");

// ## Grad, nested
// Ad.Grad wraps that up: a function in, its derivative out. Apply it again and again.
// x³ → 3x² → 6x → 6 → 0, at x = 2: 8, 12, 12, 6, 0.
Func<Value, Value> f = v => v.Pow(3);
double[] byHand = [8, 12, 12, 6, 0];
for (var n = 0; n < byHand.Length; n++)
{
    var value = f(new Value(2.0)).Data;
    Console.WriteLine($"d^{n}/dx^{n} x³ at 2 = {value}");
    Check(value == byHand[n], $"derivative {n} of x³ at 2 is {byHand[n]} (got {value})");
    f = Ad.Grad(f);
}

// sin's derivatives go round in a circle: sin → cos → −sin → −cos → sin.
Func<Value, Value> s = v => v.Sin();
Func<double, double>[] cycle = [Math.Sin, Math.Cos, t => -Math.Sin(t), t => -Math.Cos(t), Math.Sin];
for (var n = 0; n < cycle.Length; n++)
{
    var value = s(new Value(1.0)).Data;
    Console.WriteLine($"d^{n}/dx^{n} sin x at 1 = {value}");
    Check(value == cycle[n](1.0), $"derivative {n} of sin at 1 is {cycle[n](1.0)} (got {value})");
    s = Ad.Grad(s);
}

// ## Which x?
// Nesting needs care about *which* variable each derivative is taken with respect to. Take
// d/dx [x · d/dy (x·y)] at x = 2, y = 3. Inside, d/dy (x·y) = x, so the whole is d/dx [x·x] = 2x: 4.
// An engine that gives both nudges the same tag (the classic "perturbation confusion" bug) lets the
// inner derivative see x move too: it gets x + y = 5 inside and answers 5. One whose inner gradient
// is a plain number (micrograd's .grad) answers x = 2. Here each derivative is with respect to a
// particular node, by identity.
var nested = Ad.Grad(a => a * Ad.Grad(b => a * b)(new Value(3.0)))(new Value(2.0)).Data;
Console.WriteLine($"d/dx [x · d/dy (x·y)] at x = 2, y = 3: {nested}");
Check(nested == 4, $"d/dx [x · d/dy (x·y)] = 2x = 4 at x = 2 (got {nested})");

// ## The Hessian
// For f(x, y) the second derivatives form a 2×2 matrix, the Hessian H: Hᵢⱼ = ∂²f/∂xᵢ∂xⱼ. Take
// Rosenbrock's banana-shaped valley, f = (1 − x)² + 100(y − x²)², with its minimum 0 at (1, 1).
// By hand: ∂²f/∂x² = 2 − 400(y − x²) + 800x², ∂²f/∂x∂y = −400x, ∂²f/∂y² = 200.
Func<Value[], Value> rosenbrock = v => (1 - v[0]).Pow(2) + 100 * (v[1] - v[0].Pow(2)).Pow(2);
var gradient = Ad.Grads(rosenbrock);
var hessian = Ad.Hessian(rosenbrock);
foreach (var (px, py) in new[] { (1.0, 1.0), (-1.2, 1.0) })
{
    var h = hessian([new Value(px), new Value(py)]);
    Console.WriteLine($"H at ({px}, {py}) = [[{h[0, 0].Data}, {h[0, 1].Data}], [{h[1, 0].Data}, {h[1, 1].Data}]]");
    var expected = new[,] { { 2 - 400 * (py - px * px) + 800 * px * px, -400 * px }, { -400 * px, 200 } };
    for (var i = 0; i < 2; i++)
    {
        for (var j = 0; j < 2; j++)
        {
            Check(Math.Abs(h[i, j].Data - expected[i, j]) <= 1e-12 * Math.Abs(expected[i, j]),
                $"H[{i},{j}] at ({px}, {py}) is {expected[i, j]} (got {h[i, j].Data})");
        }
    }
}

// ## Newton's method
// Near a point x, a function looks like a parabola with slope g′(x) and curvature g″(x). The bottom
// of that parabola is at x − g′(x)/g″(x): Newton's step. Where the parabola is a good fit, each step
// roughly doubles the number of correct digits. Take g(x) = x⁴ − 3x³ + 2, whose slope
// g′(x) = x²(4x − 9) vanishes at the minimum x = 9/4 = 2.25, and start at x = 3.
Func<Value, Value> g = v => v.Pow(4) - 3 * v.Pow(3) + 2;
var (slope, curvature) = (Ad.Grad(g), Ad.Grad(Ad.Grad(g)));
var xn = 3.0;
for (var step = 1; step <= 6; step++)
{
    xn -= slope(new Value(xn)).Data / curvature(new Value(xn)).Data;   // x ← x − g′(x)/g″(x)
    Console.WriteLine($"Newton step {step}: x = {xn:R}, error {xn - 2.25:G2}");
}

Check(xn == 2.25, $"Newton's method reaches 9/4 exactly (got {xn})");

// In two dimensions the curvature is the Hessian and the step solves H·Δ = ∇f (here by Cramer's
// rule for a 2×2 system). Rosenbrock from the classic start (−1.2, 1): the valley is curved and
// narrow, so following the slope is slow. Newton's method gets there in a handful of steps, though
// not downhill all the way: steps 2 and 4 climb, because far from the minimum the parabola is a
// poor fit of the valley.
var (nx, ny) = (-1.2, 1.0);
var newtonSteps = 0;
var newtonLosses = new List<double> { rosenbrock([new Value(nx), new Value(ny)]).Data };   // f before step 1, then after each step
while ((nx, ny) != (1.0, 1.0) && newtonSteps < 20)
{
    Value[] p = [new Value(nx), new Value(ny)];
    var (gr, h) = (gradient(p), hessian(p));
    var (a, b, c, d) = (h[0, 0].Data, h[0, 1].Data, h[1, 0].Data, h[1, 1].Data);
    var det = a * d - b * c;
    nx -= (d * gr[0].Data - b * gr[1].Data) / det;
    ny -= (a * gr[1].Data - c * gr[0].Data) / det;
    newtonSteps++;
    newtonLosses.Add(rosenbrock([new Value(nx), new Value(ny)]).Data);
    Console.WriteLine($"Newton step {newtonSteps}: (x, y) = ({nx:F12}, {ny:F12}), f = {newtonLosses[^1]:G3}");
}

Check((nx, ny) == (1.0, 1.0), $"Newton's method reaches the minimum (1, 1) exactly (got ({nx}, {ny}))");
var climbs = Enumerable.Range(1, newtonSteps).Where(k => newtonLosses[k] > newtonLosses[k - 1]);
Check(climbs.SequenceEqual([2, 4]), $"steps 2 and 4 climb, and no other (got {string.Join(", ", climbs)})");

// Plain gradient descent from the same start, with a step size small enough to be stable here
// (η = 0.001: the Hessian's largest eigenvalue, the steepest curvature, is about 1,500 at the start,
// and lesson 06's rule puts the limit at 2/1,500 ≈ 0.0013):
var (gx, gy) = (-1.2, 1.0);
for (var step = 1; step <= 10_000; step++)
{
    var gr = gradient([new Value(gx), new Value(gy)]);
    (gx, gy) = (gx - 0.001 * gr[0].Data, gy - 0.001 * gr[1].Data);
    if (step is 100 or 1_000 or 10_000)
    {
        Console.WriteLine($"gradient descent, {step} steps: (x, y) = ({gx:F6}, {gy:F6})");
    }
}

Check(Math.Abs(gx - 1) > 1e-3, "after 10,000 steps gradient descent is still more than 0.001 from x = 1");
Console.WriteLine($"Newton: {newtonSteps} steps to (1, 1) exactly; gradient descent: 10,000 steps and still short.");

// The catch: a Hessian of n parameters has n² entries. For the demo's 337 parameters that is about
// 114,000 numbers, fine; for a network of a million it is a trillion. That is why deep learning
// mostly makes do with first derivatives and a well-chosen learning rate.

Console.WriteLine("All claims hold.");

// A lesson checks what it claims: a claim that fails stops the run with a non-zero exit code.
static void Check(bool claim, string what)
{
    if (!claim)
    {
        throw new InvalidOperationException($"Lesson 09: the claim '{what}' does not hold.");
    }
}
