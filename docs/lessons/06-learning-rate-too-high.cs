#:project ../../src/Micrograd.Functional/Micrograd.Functional.csproj
#:property InvariantGlobalization=true
// # 06 · A learning rate too high
//
// Gradient descent takes a step against the gradient: p ← p − η·∂L/∂p. The gradient says which way
// is downhill *here*; the learning rate η says how far to walk on that promise. Walk too far and
// you land on the other side of the valley, higher than you started, where the slope is steeper,
// so the next step is longer still. In the lecture Andrej Karpathy tunes the step size by hand and
// warns that too large a step makes the loss blow up. This lesson makes that happen on purpose.
//
// First on the simplest loss there is, L(w) = w², where we can say exactly when a step is too big.
// Then on micrograd's demo (two moons, a 2-16-16-1 MLP, the hinge loss), where a too-large rate
// makes the loss jump, stall or overflow. Finally, what the library does when the numbers leave
// the finite doubles: training stops with a `TrainingDivergedException` that names the step and
// keeps the last good model, instead of carrying on with NaN.
using Micrograd.Functional;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;

// ## One parameter: L(w) = w²
// The gradient is 2w, so one step gives w − η·2w = (1 − 2η)·w. Each step multiplies w by (1 − 2η):
// for 0 < η < 1 that factor is between −1 and 1 and w shrinks towards the minimum at 0; at η = 1 it
// is −1 and w jumps between 1 and −1 forever; above 1 it is below −1 and w grows, changing sign each
// step. The threshold, 2 divided by the curvature L″ = 2, is where "too high" begins. (At η = 0.5,
// 1 divided by the curvature, one step lands exactly on the minimum: that is Newton's step, lesson 09.)
foreach (var eta in new[] { 0.1, 0.5, 0.9, 1.0, 1.1 })
{
    var w = 1.0;
    var path = new List<double> { w };
    for (var k = 0; k < 8; k++)
    {
        var parameter = new Value(w);
        var loss = parameter * parameter;        // forward
        var dLdw = loss.Backward()[parameter];   // backward
        w -= eta * dLdw;                         // update
        path.Add(w);
    }

    Console.WriteLine($"η = {eta}: w = {string.Join(", ", path.Select(v => v.ToString("0.####")))}");
    var closedForm = Math.Pow(1 - 2 * eta, 8);
    Check(Math.Abs(w - closedForm) <= 1e-12 * Math.Max(1, Math.Abs(closedForm)),
        $"η = {eta}: after 8 steps w = (1 − 2η)⁸ = {closedForm} (got {w})");
    Check(eta < 1 ? Math.Abs(w) < 1 : Math.Abs(w) >= 1,
        $"η = {eta}: w {(eta < 1 ? "shrinks" : "does not shrink")}");
}

// ## The demo's network
// micrograd's demo starts at η = 1.0 and lowers it to 0.1 over 100 steps. Here each run keeps one
// constant rate for 20 steps: `new Sgd(η)`. Everything else is the demo's (`TrainingOptions`'
// defaults): the same 100 points, the same initial weights, the hinge loss with L2 1e-4.
// `model.Train` runs the loop of lesson 05 (forward, backward, update) on the compiled tape of
// lesson 10, with the same bits, and yields each step's loss.
var data = Datasets.Moons(samples: 100, noise: 0.1, seed: 1337);
var model = Mlp.Create(2, [16, 16, 1], seed: 1337);

var runs = new Dictionary<double, List<TrainingStep>>();
foreach (var eta in new[] { 1.0, 5.0, 20.0 })
{
    var steps = model.Train(data, new TrainingOptions { Optimizer = new Sgd(eta), Steps = 20 }).ToList();
    var first10 = string.Join(" ", steps.Take(10).Select(s => s.Loss.ToString("G3")));
    Console.WriteLine($"η = {eta,2}: loss {first10} … {steps[^1].Loss:G3}; accuracy {steps[^1].Accuracy * 100:0}%");
    runs[eta] = steps;
}

// At η = 1 the loss wobbles but falls. At η = 5 the first step overshoots (27) and the second
// further (515), and training never recovers: the weights have grown, the L2 penalty 10⁻⁴·Σp² on
// them is now almost all of the loss, and the loss crawls along near 36. At η = 20 the loss grows by
// factors of ten to tens of thousands per step, then stops near 2·10¹⁴ and stays there. Why stop? The
// giant steps pushed every neuron of the second hidden layer to a negative sum for every point, so
// every ReLU outputs 0: the network is *dead*. It gives all 100 points the same score (the output
// bias), no gradient reaches the weights through a zero ReLU, and only the small L2 pull is left
// to shrink them. Nothing will bring it back.
int DistinctScores(double eta) => data.Features.Select(x => runs[eta][^1].Model.Evaluate(x.AsSpan())[0]).Distinct().Count();
Console.WriteLine($"After 20 steps the 100 points get {DistinctScores(1.0)} different scores at η = 1, and {DistinctScores(20.0)} at η = 20.");
Check(runs[1.0][^1].Loss < runs[1.0][0].Loss / 5, "η = 1: the loss falls to under a fifth of its start");
Check(runs[5.0].Skip(1).All(s => s.Loss > 10 * runs[5.0][0].Loss),
    "η = 5: after the first step the loss stays more than 10 times its start");
var penalty5 = 1e-4 * runs[5.0][^1].Model.ParameterValues().Sum(p => p * p);
Console.WriteLine($"η = 5: the L2 penalty is {penalty5:G3} of the last loss, {runs[5.0][^1].Loss:G3}.");
Check(penalty5 > 0.9 * runs[5.0][^1].Loss, "η = 5: the L2 penalty is over 90% of the loss");
Check(runs[20.0][^1].Loss > 1e14 && DistinctScores(20.0) == 1,
    "η = 20: the loss is above 10¹⁴ and the network is dead: every point gets the same score");
var growth = Enumerable.Range(1, 5).Select(k => runs[20.0][k].Loss / runs[20.0][k - 1].Loss).ToArray();
Console.WriteLine($"η = 20: the loss grows by factors {string.Join(", ", growth.Select(g => g.ToString("G2")))} over the first 5 steps.");
Check(growth.All(g => g is >= 10 and < 1e5), "η = 20: the first 5 steps multiply the loss by ten to tens of thousands each");
var dead = runs[20.0][^1].Model;
Check(data.Features.All(x => dead.Layers[1].Evaluate(dead.Layers[0].Evaluate(x.AsSpan())).All(h => h == 0)),
    "η = 20: every ReLU of the second hidden layer outputs 0 on every point");

// ## Beyond the doubles: TrainingDivergedException
// Make the rate larger still, η = 10,000, and the loss grows so fast that within a few steps it is
// larger than the largest double, 1.8·10³⁰⁸: it becomes ∞. The gradients of an infinite loss are
// ∞ or NaN (∞ − ∞, 0·∞), and one update with them would make parameters NaN, which then spreads
// to every number the model computes. The library checks every step instead: a loss that is NaN or
// ∞ (or an update that makes a parameter so) throws `TrainingDivergedException`, which names the
// step and keeps the last model whose loss was finite. Every step before it was yielded as usual,
// so we see the losses climb.
try
{
    foreach (var step in model.Train(data, new TrainingOptions { Optimizer = new Sgd(10_000), Steps = 20 }))
    {
        Console.WriteLine($"η = 10000: step {step.Step} loss {step.Loss:G3}");
    }

    throw new InvalidOperationException("Lesson 06: the claim 'training at η = 10,000 diverges within 20 steps' does not hold.");
}
catch (TrainingDivergedException diverged)
{
    Console.WriteLine($"TrainingDivergedException: {diverged.Message}");
    Check(diverged.Step == 7 && double.IsPositiveInfinity(diverged.Loss),
        $"the loss overflows to ∞ at step 7 (got step {diverged.Step}, loss {diverged.Loss})");
    var kept = diverged.LastFiniteModel.Match(
        Some: m => m,
        None: () => throw new InvalidOperationException("Lesson 06: the claim 'a last finite model is kept' does not hold."));
    var (keptLoss, _) = Training.Objective(kept, data, Loss.Hinge, l2: 1e-4);
    Console.WriteLine($"The kept model (the one step 6 evaluated) has finite parameters and a finite loss: {keptLoss.Data:G3}.");
    Check(kept.ParameterValues().All(double.IsFinite) && double.IsFinite(keptLoss.Data),
        "the kept model has finite parameters and loss");
}

// The cure is the opposite of the cause: a smaller η, or a schedule that lowers it as training goes.
// micrograd's demo starts at 1.0, which wobbles but stays stable here, and lowers it to 0.1
// (lesson 07).

Console.WriteLine("All claims hold.");

// A lesson checks what it claims: a claim that fails stops the run with a non-zero exit code.
static void Check(bool claim, string what)
{
    if (!claim)
    {
        throw new InvalidOperationException($"Lesson 06: the claim '{what}' does not hold.");
    }
}
