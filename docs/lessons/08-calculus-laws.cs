#:project ../../src/Micrograd.Functional/Micrograd.Functional.csproj
#:property InvariantGlobalization=true
#:package FsCheck
// # 08 · The calculus laws as properties
//
// An autograd engine takes a formula built from numbers and operations and tells you how fast the
// result changes when you nudge each input: the derivative. How can you trust it? Differentiation
// obeys a handful of laws you may remember from school: the sum rule, the product rule,
// the chain rule and their friends. This lesson states each law in plain words and then *checks*
// it with [FsCheck](https://fscheck.github.io/FsCheck/): instead of two or three examples picked by
// hand, FsCheck draws a hundred random cases (random functions, random points) and either says
// `Ok, passed 100 tests.` or shows a case where the law fails, a *counterexample*.
//
// The derivatives we compare with are written out by hand, independently of the engine, so a
// mistake in the engine cannot hide behind the same mistake in the check. And to see that the
// checks have teeth, we also test a law that is wrong, and watch FsCheck catch it.
//
// Each check here runs from a fixed random seed, so this page shows the same cases on every run.
// The test suite checks the same laws on random expression graphs, with fresh seeds each time:
// `tests/Micrograd.Functional.Tests/Engine/CalculusLawProperties.cs`.
using FsCheck;
using FsCheck.Fluent;
using Micrograd.Functional;

// ## The cases FsCheck draws from
// A few functions of one variable, each with its derivative written out by hand: the reference.
// FsCheck picks one (or two) and a point x in [−2, 2] with three decimals, so a failing case reads
// well. The "positive" ones stay above 0.1 there, so we may divide by them.
Fn[] positive =
[
    new("1 + x²", x => 1 + x.Pow(2), x => 2 * x),
    new("eˣ", x => x.Exp(), Math.Exp),
    new("σ(x)", x => x.Sigmoid(), x => Sigmoid(x) * (1 - Sigmoid(x))),
];
Fn[] functions =
[
    new("3x + 1", x => 3 * x + 1, _ => 3),
    new("x²", x => x.Pow(2), x => 2 * x),
    new("x³ − x", x => x.Pow(3) - x, x => 3 * x * x - 1),
    new("tanh(x)", x => x.Tanh(), x => 1 / Math.Pow(Math.Cosh(x), 2)),
    .. positive,
];

var anyFunction = Gen.Elements(functions).ToArbitrary();
var positiveFunction = Gen.Elements(positive).ToArbitrary();
var point = Gen.Choose(-2000, 2000).Select(i => i / 1000.0).ToArbitrary();

// A fixed seed: the same 100 cases on every run. A failing law throws, with its counterexample.
var config = Config.QuickThrowOnFailure.WithReplay(new Replay(new Rnd(1337UL, 1UL), null));

// ## The sum rule
// The change of a sum is the sum of the changes: (f + g)′ = f′ + g′.
// In the engine, a `+` node passes the gradient it receives unchanged to both operands.
Law("sum rule: (f + g)′ = f′ + g′", Prop.ForAll(anyFunction, anyFunction, point, (f, g, x0) =>
{
    var x = new Value(x0);
    var grads = (f.Apply(x) + g.Apply(x)).Backward();
    return Agrees(f.Derivative(x0) + g.Derivative(x0), grads[x]);
}));

// ## The product rule
// Each factor's change is scaled by the other factor. Nudge x by h: f becomes f + f′h and g becomes
// g + g′h, so fg becomes fg + (f′g + fg′)h + f′g′h². For tiny h the h² term is negligible:
// (fg)′ = f′g + fg′. In the engine, a `*` node sends (its gradient × g) to f and (its gradient × f) to g.
Law("product rule: (fg)′ = f′g + fg′", Prop.ForAll(anyFunction, anyFunction, point, (f, g, x0) =>
{
    var x = new Value(x0);
    var (fx, gx) = (f.Apply(x), g.Apply(x));
    var grads = (fx * gx).Backward();
    return Agrees(f.Derivative(x0) * gx.Data + fx.Data * g.Derivative(x0), grads[x]);
}));

// ## The quotient rule
// (f/g)′ = (f′g − fg′)/g². The engine has no rule of its own for division: like micrograd, it
// builds f / g as f · g⁻¹, so this law follows from the product rule and the power rule
// (g⁻¹)′ = −g′/g². It only makes sense where g ≠ 0, so g is one of the positive functions.
Law("quotient rule: (f/g)′ = (f′g − fg′)/g²", Prop.ForAll(anyFunction, positiveFunction, point, (f, g, x0) =>
{
    var x = new Value(x0);
    var (fx, gx) = (f.Apply(x), g.Apply(x));
    var grads = (fx / gx).Backward();
    return Agrees((f.Derivative(x0) * gx.Data - fx.Data * g.Derivative(x0)) / (gx.Data * gx.Data), grads[x]);
}));

// ## The chain rule
// Rates of change multiply along a chain: if u changes u′ times as fast as its input, and that input
// f(x) changes f′ times as fast as x, then u(f(x)) changes u′(f(x))·f′(x) times as fast as x. This is
// the law that makes backpropagation work: walking back from the output, each node multiplies the
// gradient that arrived by its own local derivative. Here u is one of the engine's one-input
// operations, its derivative written out by hand (ReLU′(0) = 0, micrograd's choice).
Fn[] operations =
[
    new("tanh", v => v.Tanh(), v => 1 / Math.Pow(Math.Cosh(v), 2)),
    new("exp", v => v.Exp(), Math.Exp),
    new("relu", v => v.Relu(), v => v > 0 ? 1 : 0),
    new("ln", v => v.Log(), v => 1 / v),
    new("−", v => -v, _ => -1),
];
var chains = (
    from u in Gen.Elements(operations)
    from f in Gen.Elements(u.Name == "ln" ? positive : functions)   // ln needs f > 0
    select (u, f)).ToArbitrary();

Law("chain rule: u(f(x))′ = u′(f(x))·f′(x)", Prop.ForAll(chains, point, (chain, x0) =>
{
    var (u, f) = chain;
    var x = new Value(x0);
    var fx = f.Apply(x);
    var grads = u.Apply(fx).Backward();
    return Agrees(u.Derivative(fx.Data) * f.Derivative(x0), grads[x]);
}));

// ## A node used twice collects both uses
// When one quantity reaches the output along two paths, its derivative is the sum over the paths:
// (f·f)′ = f′f + ff′ = 2ff′. That is why a backward pass must *add* the gradients arriving at a
// node, never overwrite them (micrograd's `+=` in `_backward`). Here the same node fx is used twice.
Law("a node used twice: (f·f)′ = 2ff′", Prop.ForAll(anyFunction, point, (f, x0) =>
{
    var x = new Value(x0);
    var fx = f.Apply(x);
    var grads = (fx * fx).Backward();
    return Agrees(2 * fx.Data * f.Derivative(x0), grads[x]);
}));

// ## What a broken law looks like
// A tempting but wrong rule says the derivative of a product is the product of the derivatives,
// (fg)′ = f′g′. Check it the same way, and FsCheck answers with a counterexample: the two
// functions and the point where the rule and `Backward()` disagree.
try
{
    Check.One(config, Prop.ForAll(anyFunction, anyFunction, point, (f, g, x0) =>
    {
        var x = new Value(x0);
        var grads = (f.Apply(x) * g.Apply(x)).Backward();
        return Agrees(f.Derivative(x0) * g.Derivative(x0), grads[x]);
    }));
    throw new InvalidOperationException("Lesson 08: the claim 'FsCheck finds a counterexample to (fg)′ = f′g′' does not hold.");
}
catch (Exception refuted) when (refuted.Message.StartsWith("Falsifiable", StringComparison.Ordinal))
{
    // FsCheck's report: the case, the label saying both numbers, and the inputs (no shrinking here),
    // cut before the "with exception" part that follows them, when the message has one.
    Console.WriteLine("wrong rule: (fg)′ = f′g′");
    var end = refuted.Message.IndexOf("with exception", StringComparison.Ordinal);
    Console.WriteLine((end < 0 ? refuted.Message : refuted.Message[..end]).Trim());
}

Console.WriteLine("All claims hold.");

// Names a law, then checks it on the fixed seed's 100 cases: FsCheck prints "Ok, passed 100 tests."
// or throws with the counterexample.
void Law(string name, Property property)
{
    Console.WriteLine(name);
    Check.One(config, property);
}

// The rule's number and Backward's agree up to rounding (the two add and multiply in different orders).
static Property Agrees(double rule, double backward) =>
    (Math.Abs(rule - backward) <= 1e-9 * Math.Max(1, Math.Abs(rule))).Label($"the rule says {rule}, Backward says {backward}");

static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

/// <summary>A function of one variable: how to build it on a Value, and its derivative written out by hand.</summary>
sealed record Fn(string Name, Func<Value, Value> Apply, Func<double, double> Derivative)
{
    public override string ToString() => Name;
}
