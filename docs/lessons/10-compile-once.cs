#:project ../../src/Micrograd.Functional/Micrograd.Functional.csproj
#:property InvariantGlobalization=true
#:property Configuration=Release
// # 10 · Compile once, differentiate many times
//
// micrograd rebuilds the whole expression graph at every training step: for the demo that is
// 65,818 fresh `Value` objects per step, each computed, linked, walked backward and thrown away,
// although the *shape* of the graph never changes, only the numbers in it. That is what makes it
// slow (about 1.7 s per step in Python).
//
// `Compiler.Compile(f, n)` runs your function once, on n placeholder inputs, records the graph it
// builds as a flat list of instructions, a *tape*, and returns a `CompiledFunction` that evaluates
// and differentiates f at any point by running the tape forward and then backward. No graph is
// built, nothing is allocated per node (and, with the span overload used in the training loop
// below, nothing at all), and the numbers are the same bits as `Backward()`'s, because the tape
// runs the same op table in the same order. JAX calls this `jit`.
//
// One thing needs care. The tape is one fixed sequence of operations, so a C# `if` on a value
// inside f could only ever take the branch the placeholders took. The library refuses such a
// branch instead of silently freezing it, and this lesson shows what to do instead. At the end we
// train micrograd's demo on the tape, with micrograd's numbers, and time it against the graph.
using System.Diagnostics;
using System.Text.RegularExpressions;
using Micrograd.Functional;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

// ## A small function on the tape
// f(x₀, x₁) = tanh(x₀·x₁) + x₀², compiled once for two inputs.
Func<Value[], Value> f = x => (x[0] * x[1]).Tanh() + x[0].Pow(2);
var compiled = Compiler.Compile(f, inputCount: 2);
Console.WriteLine(compiled);   // the tape: one instruction per op (×, tanh, x², +); the exponent 2 is part of its instruction

// Evaluate it at a few points, and compare with building the graph and calling Backward().
foreach (var (a, b) in new[] { (0.5, -1.5), (2.0, 0.25), (-1.0, 3.0) })
{
    var (value, grad) = compiled.ValueAndGrad([a, b]);
    Value[] leaves = [new Value(a), new Value(b)];
    var graph = f(leaves);
    var grads = graph.Backward();
    Console.WriteLine($"f({a}, {b}) = {value:R}, ∇f = ({grad[0]:R}, {grad[1]:R})");
    Check(value == graph.Data && grad[0] == grads[leaves[0]] && grad[1] == grads[leaves[1]],
        $"the tape gives Backward()'s bits at ({a}, {b})");
}

Console.WriteLine("The tape's values and gradients are bit-identical to the graph's.");

// ## Why a branch on data is refused
// Here is a function with a C# branch on its input: x² for x > 0, −x otherwise. While tracing, the
// input is a placeholder (it holds 0), so the choice would pick −x, and the tape would compute −x for
// *every* input, also x = 2, where the answer is 4. Rather than return that wrong function, Compile
// makes reading `Data` of a traced value throw, with a message that says what to do.
Func<Value[], Value> branchy = x => x[0].Data > 0 ? x[0] * x[0] : -x[0];
try
{
    Compiler.Compile(branchy, 1);
    throw new InvalidOperationException("Lesson 10: the claim 'compiling a branch on Data throws' does not hold.");
}
catch (InvalidOperationException refused) when (refused.Message.StartsWith("Value.Data was read while compiling", StringComparison.Ordinal))
{
    // The message names the node by its id, a counter over every Value made so far in this program:
    // shown as "id=…", so that the page does not change when the library makes one more or fewer.
    Console.WriteLine($"Compile refused: {Regex.Replace(refused.Message, @"id=\d+", "id=…")}");
}

// The fix the message suggests: write the choice as an op, so that it is on the tape and is made
// afresh at every call. relu(x)² + relu(−x) is x² for x > 0 and −x otherwise, with no `if`.
var asOps = Compiler.Compile(x => x[0].Relu().Pow(2) + (-x[0]).Relu(), 1);
foreach (var (point, value, slope) in new[] { (2.0, 4.0, 4.0), (0.5, 0.25, 1.0), (-3.0, 3.0, -1.0) })
{
    var (v, g) = asOps.ValueAndGrad([point]);
    Console.WriteLine($"relu(x)² + relu(−x) at {point}: {v}, slope {g[0]}");
    Check(v == value && g[0] == slope,
        $"at {point} the compiled function is {value} with slope {slope} (got {v}, {g[0]})");
}

// ## Checked compilation
// If you must keep a branch, `Compiler.CompileChecked(f, p, q)` traces at two real points, where
// Data can be read, and succeeds only if f took the same path at both. It returns a Fin: the
// compiled function, or an error naming the first difference. Note what a success means: the two
// traces agree, so the tape is right wherever f takes that path (here x > 0), not everywhere.
// The error names tape slots: slot 0 is the input, slot 1 the first constant. At 1 the first
// instruction is x·x (Mul of slot 0 with itself), at −1 it is x·(−1) (Mul of slot 0 with the −1 of −x).
var differentPaths = Compiler.CompileChecked(branchy, [1.0], [-1.0]);
var samePath = Compiler.CompileChecked(branchy, [1.0], [2.0]);
Console.WriteLine($"CompileChecked at 1 and −1: {differentPaths.Match(Succ: c => c.ToString(), Fail: e => e.Message)}");
Console.WriteLine($"CompileChecked at 1 and 2: {samePath.Match(Succ: c => c.ToString(), Fail: e => e.Message)}");
Check(differentPaths.IsFail && samePath.IsSucc,
    "the branch is caught between 1 and −1, and not between 1 and 2");

// And what the tape traced at 1 and 2 does at −3: it computes x·x, the path it recorded, so it
// answers 9 where f(−3) = 3. A checked tape is only as good as the points it was checked at.
var atMinus3 = samePath.Match(Succ: tape => tape.Evaluate([-3.0]), Fail: e => throw new InvalidOperationException(e.Message));
Console.WriteLine($"the tape traced at 1 and 2, at −3: {atMinus3} (f(−3) = {branchy([new Value(-3.0)]).Data})");
Check(atMinus3 == 9, "the tape traced on the x > 0 path computes x² at −3 too");

// ## micrograd's demo on the tape
// The demo's loss is a function of the model's 337 parameters, so we compile it with the parameters
// as the inputs: `model.WithParameterNodes(p)` is the same model with the placeholders as its
// weights. The data (100 points) is captured, so it becomes constants on the tape. The loss is
// built exactly as micrograd builds it (lesson 07; `Loss.L2` is lesson 07's α·Σ p·p), so the tape
// gives lesson 07's numbers: micrograd's, bit for bit, at steps 0 and 99.
var data = Datasets.Moons(samples: 100, noise: 0.1, seed: 1337);
var model = Mlp.Create(2, [16, 16, 1], seed: 1337);
Value DemoLoss(Mlp m)
{
    var scores = data.Features.Select(x => m.Forward(x)[0]).ToArray();
    var losses = scores.Select((s, i) => (1 + -data.SignedLabels[i] * s).Relu());   // svm "max-margin" loss
    var dataLoss = Loss.Sum(losses) * (1.0 / scores.Length);
    return dataLoss + Loss.L2(m.Parameters, 1e-4);                                  // + L2 regularization
}

var objective = Compiler.Compile(p => DemoLoss(model.WithParameterNodes(p)), model.Parameters.Length);
Console.WriteLine($"the demo's objective: {objective}");

// The training loop, on the tape: forward and backward in one call, then the SGD update, with
// micrograd's learning rate 1.0 − 0.9·k/100. The parameters are a plain array of 337 doubles.
var parameters = model.ParameterValues().ToArray();
var gradient = new double[parameters.Length];
var trainingTime = Stopwatch.StartNew();
var losses = new double[100];
for (var k = 0; k < 100; k++)
{
    losses[k] = objective.ValueAndGrad(parameters, gradient);   // forward and backward, into gradient
    var learningRate = 1.0 - 0.9 * k / 100;
    for (var i = 0; i < parameters.Length; i++)
    {
        parameters[i] -= learningRate * gradient[i];             // update (sgd)
    }
}

trainingTime.Stop();
var trained = model.WithParameters([.. parameters]);
Console.WriteLine($"step 0 loss {losses[0]:R}, step 99 loss {losses[99]:R}, accuracy after training {Training.Accuracy(trained, data) * 100}%");
Check(losses[0] == 0.8958441028683222 && losses[99] == 0.010978370135492717,
    "micrograd's step 0 and step 99 losses, bit for bit");
Check(Training.Accuracy(trained, data) == 1.0, "100% accuracy after 100 steps");

// ## The speed-up
// One step both ways: building the 65,818-node graph and calling Backward(), against one call of
// the tape. The median of 20 runs each, after a warm-up. These numbers depend on the machine and on
// what else it is doing, so the page generator ignores lines that start with "timing:". On the
// quiet 2-core machine of the README's benchmarks (BenchmarkDotNet) they are 3.3 ms and 0.137 ms,
// 24× faster. On a busy machine the graph's time varies far more than the tape's.
double Median(Action step)
{
    for (var w = 0; w < 5; w++)
    {
        step();   // warm-up: let the JIT optimise the code paths first
    }

    var times = new double[20];
    for (var r = 0; r < times.Length; r++)
    {
        var clock = Stopwatch.StartNew();
        step();
        times[r] = clock.Elapsed.TotalMilliseconds;
    }

    Array.Sort(times);
    return (times[9] + times[10]) / 2;
}

var graphStep = Median(() => DemoLoss(model).Backward());
var tapeStep = Median(() => objective.ValueAndGrad(parameters, gradient));
Console.WriteLine($"timing: one step with the graph rebuilt {graphStep:F2} ms, on the tape {tapeStep:F3} ms: {graphStep / tapeStep:F0}× faster");
Console.WriteLine($"timing: the 100 training steps on the tape took {trainingTime.Elapsed.TotalMilliseconds:F0} ms");
Check(graphStep > 2 * tapeStep, "the tape is at least twice as fast as rebuilding the graph");

Console.WriteLine("All claims hold.");

// A lesson checks what it claims: a claim that fails stops the run with a non-zero exit code.
static void Check(bool claim, string what)
{
    if (!claim)
    {
        throw new InvalidOperationException($"Lesson 10: the claim '{what}' does not hold.");
    }
}
