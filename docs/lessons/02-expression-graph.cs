#:project ../../src/Micrograd.Functional/Micrograd.Functional.csproj
#:property InvariantGlobalization=true
// # 02 · An expression graph, backward by hand
//
// A `Value` remembers the operation that made it and its operands, so every expression you write
// builds a **graph**: leaves (the numbers you start from) feed operations, which feed more
// operations, up to the output. This is the lecture's example:
//
//     e = a·b,   d = e + c,   L = d·f     with a = 2, b = −3, c = 10, f = −2
//
// **Forward** computes each node from its operands, leaves to output: e = −6, d = 4, L = −8.
//
// **Backward** answers "if I nudge this node, how much does L move?" for every node, output to
// leaves. It needs one fact per operation, its *local* derivative, and one rule, the **chain rule**:
// the gradient of a node is the gradient of the node it feeds, times the local derivative of
// that step. Two local derivatives are all this graph needs:
//
// - `+` passes the gradient on unchanged: ∂(x + y)/∂x = 1;
// - `*` scales it by the *other* factor: ∂(x·y)/∂x = y.
//
// The engine keeps one such local derivative per operation, in one table beside the forward
// formulas: [`Engine/Calculus.cs`](../../src/Micrograd.Functional/Engine/Calculus.cs).
// `Backward()` does exactly what follows, for every node, in about 40 lines you can read:
// [`Engine/ReferenceBackward.cs`](../../src/Micrograd.Functional/Engine/ReferenceBackward.cs).
//
// Below, every gradient is computed by hand, node by node, in the order backpropagation visits
// them. Then one call to `Backward()` computes them all, and the lesson checks that they agree,
// and that nudging `a` really moves L by 6 times the nudge. Finally the graph is drawn, each
// node with its data and its gradient, as micrograd's `draw_dot` does.
using Micrograd.Functional;
using Micrograd.Functional.Tracing;

// ## Forward: build the graph, leaves first
var a = new Value(2.0, "a");
var b = new Value(-3.0, "b");
var c = new Value(10.0, "c");
var f = new Value(-2.0, "f");
var e = a * b;
var d = e + c;
var L = d * f;
Console.WriteLine($"forward: e = a·b = {e.Data}, d = e + c = {d.Data}, L = d·f = {L.Data}");

// ## Backward by hand: the chain rule, node by node from L
Console.WriteLine();
var dL = 1.0;                  // dL/dL: nudging L moves L by the same amount
var dd = dL * f.Data;          // L = d·f, so ∂L/∂d = f
var df = dL * d.Data;          //          and ∂L/∂f = d
var de = dd * 1.0;             // d = e + c: + passes the gradient on
var dc = dd * 1.0;
var da = de * b.Data;          // e = a·b, so ∂e/∂a = b, and dL/da = dL/de · b
var db = de * a.Data;          //          and dL/db = dL/de · a
Console.WriteLine($"dL/dL = 1");
Console.WriteLine($"dL/dd = dL/dL · f = 1 · {f.Data} = {dd}");
Console.WriteLine($"dL/df = dL/dL · d = 1 · {d.Data} = {df}");
Console.WriteLine($"dL/de = dL/dd · 1 = {de}");
Console.WriteLine($"dL/dc = dL/dd · 1 = {dc}");
Console.WriteLine($"dL/da = dL/de · b = {de} · {b.Data} = {da}");
Console.WriteLine($"dL/db = dL/de · a = {de} · {a.Data} = {db}");

// ## Backward(): the same, for every node at once
// It returns a map from each node to dL/dnode; the nodes themselves are never changed.
var grads = L.Backward();
Console.WriteLine();
Console.WriteLine("Backward():");
var byHand = new (string Name, Value Node, double Grad)[]
{
    ("L", L, dL), ("d", d, dd), ("f", f, df), ("e", e, de), ("c", c, dc), ("a", a, da), ("b", b, db),
};
foreach (var (name, node, grad) in byHand)
{
    Console.WriteLine($"dL/d{name} = {grads[node],3}   (by hand {grad})");
    Check(grads[node] == grad, $"Backward's dL/d{name} equals the hand-computed {grad}");
}

// ## Does nudging a really move L by dL/da?
// Rebuild L with a + h (the slope of lesson 01); the graph is new, the old one is unchanged.
const double H = 1e-6;
var nudged = (new Value(2.0 + H) * b + c) * f;
var slope = (nudged.Data - L.Data) / H;
Console.WriteLine();
Console.WriteLine($"(L(a + h) − L(a)) / h = {slope:F6} for h = 1e-6: dL/da = {grads[a]}");
Check(Math.Abs(slope - grads[a]) < 1e-6, "the measured slope agrees with dL/da");

// ## Draw the graph with each node's data and gradient
// Leaves are named by their constructor; the inner nodes get drawing-only names here.
var names = new Dictionary<Value, string> { [e] = "e", [d] = "d", [L] = "L" };
Draw(Dot.Write(L, grads, new DotOptions { Labels = names }), "02-expression-graph.svg");
Console.WriteLine("All claims hold.");

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
    if (!claim) throw new InvalidOperationException($"Lesson 02: the claim '{what}' does not hold.");
}
