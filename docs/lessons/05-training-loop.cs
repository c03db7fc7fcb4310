#:project ../../src/Micrograd.Functional/Micrograd.Functional.csproj
#:property InvariantGlobalization=true
// # 05 · An MLP, a loss, and the training loop
//
// A **multi-layer perceptron** (MLP) is layers of neurons (lesson 03): every neuron of a layer reads
// every output of the layer before. This one, from the lecture, reads 3 inputs, has two hidden
// layers of 4 tanh neurons and one tanh output: (3·4 + 4) + (4·4 + 4) + (4 + 1) = 41 parameters.
//
// The **loss** is one number that says how wrong the network is on the data. Here it is the
// lecture's sum of squared errors over four examples, Σ (scoreᵢ − yᵢ)², which is 0 only when every
// score hits its target ±1. It is one expression graph whose leaves include all 41 parameters.
//
// **Training** repeats three steps: *forward* (build the loss from the current parameters),
// *backward* (`Backward()` gives ∂loss/∂p for every parameter p), and *update* (move every p a
// little against its gradient, p ← p − η·∂loss/∂p, which lowers the loss for a small enough η).
//
// micrograd needs a fourth step, `model.zero_grad()`, because its `backward()` *adds* into a
// `.grad` field on every node. Here `Backward()` returns a fresh map and never writes to a node,
// and an update makes a new model, so there is nothing to reset. The lecture shows what happens
// when the reset is forgotten: each step then uses the sum of all gradients so far. This lesson
// simulates exactly that beside the correct loop. It even looks better at first (the old gradients
// act like momentum that never decays), then the loss jumps, recovers (it even touches 0), and
// jumps again for good. The sums keep pushing the weights long after the gradients in them stopped
// being true, until the output tanh is saturated at −1 for every input, where its slope is 0 and
// no new gradient can pull it back: the loss settles at 8, worse than the 3.14 it started from.
using Micrograd.Functional;
using Micrograd.Functional.Nn;

// ## The data, the model and the loss
double[][] xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];
double[] ys = [1.0, -1.0, -1.0, 1.0];   // the targets
var model = Mlp.Create(3, [4, 4, 1], seed: 1337, hidden: Activation.Tanh, output: Activation.Tanh);
Console.WriteLine(model);

// The sum of squared errors, built as one graph: forward every example, compare with its target.
Value SquaredError(Mlp m) => Loss.Sum(xs.Select((x, i) => (m.Forward(x)[0] - ys[i]).Pow(2)));

// ## No zero_grad: Backward() returns a map and changes nothing
var loss0 = SquaredError(model);
var first = loss0.Backward();
var second = loss0.Backward();   // in micrograd, a second backward() would double every .grad
var w = model.Parameters[0];
Console.WriteLine($"loss {loss0.Data:F4}; ∂loss/∂w = {first[w]:F4} from the first Backward(), {second[w]:F4} from the second");
Check(model.Parameters.All(p => first[p] == second[p]), "a second Backward() gives the same gradients");

// ## The training loop: forward, backward, update
const double LearningRate = 0.1;
const int Steps = 30;
var losses = new double[Steps];
for (var k = 0; k < Steps; k++)
{
    var loss = SquaredError(model);                                  // forward
    var grads = loss.Backward();                                     // backward
    var next = model.Parameters.Select(p => p.Data - LearningRate * grads[p]).ToArray();
    model = model.WithParameters(next);                              // update: a new model
    losses[k] = loss.Data;
}

// ## The same loop as micrograd runs it when zero_grad is forgotten
// `sums` plays micrograd's .grad fields: every step adds the new gradients into them.
var forgetful = Mlp.Create(3, [4, 4, 1], seed: 1337, hidden: Activation.Tanh, output: Activation.Tanh);
var sums = new double[forgetful.Parameters.Length];
var forgetfulLosses = new double[Steps];
for (var k = 0; k < Steps; k++)
{
    var loss = SquaredError(forgetful);
    var grads = loss.Backward();
    for (var j = 0; j < sums.Length; j++)
    {
        sums[j] += grads[forgetful.Parameters[j]];                   // .grad += … with no reset
    }

    forgetful = forgetful.WithParameters(forgetful.Parameters.Select((p, j) => p.Data - LearningRate * sums[j]).ToArray());
    forgetfulLosses[k] = loss.Data;
}

Console.WriteLine();
Console.WriteLine("step   loss   loss without zero_grad");
for (var k = 0; k < Steps; k++)
{
    Console.WriteLine($"{k,4}   {losses[k],6:F4}   {forgetfulLosses[k],6:F4}");
}

Console.WriteLine();
Console.WriteLine($"scores after training:    {string.Join(", ", xs.Select(x => $"{model.Evaluate(x)[0],6:F3}"))}   (targets 1, -1, -1, 1)");
Console.WriteLine($"scores without zero_grad: {string.Join(", ", xs.Select(x => $"{forgetful.Evaluate(x)[0],6:F3}"))}");

// ## The claims above, checked
Check(Enumerable.Range(1, Steps - 1).All(k => losses[k] < losses[k - 1]), "the loss falls at every step of the correct loop");
Check(losses[^1] < 0.02, "the correct loop ends with a loss below 0.02");
Check(forgetfulLosses[3] < losses[3], "without zero_grad the loss falls faster at first");
Check(Enumerable.Range(1, Steps - 1).Any(k => forgetfulLosses[k] > 10 * forgetfulLosses[k - 1]), "without zero_grad the loss jumps up");
var touched = Enumerable.Range(0, Steps).First(k => forgetfulLosses[k] < 1e-4);
Check(touched < Steps - 1 && Enumerable.Range(touched + 1, Steps - touched - 1).Any(k => forgetfulLosses[k] > 1),
    "without zero_grad the loss touches 0 (below 0.0001, better than the correct loop), then jumps again");
Check(xs.All(x => forgetful.Evaluate(x)[0] + 1 < 1e-9), "without zero_grad the output tanh ends saturated at −1 (within 1e-9) for every input");
var lastGrads = SquaredError(forgetful).Backward();
var largest = forgetful.Parameters.Max(p => Math.Abs(lastGrads[p]));
Console.WriteLine($"without zero_grad, the largest gradient left at the end: {largest:G2}");
Check(largest < 1e-9, "where the output tanh is saturated its slope is 0: no gradient is left to pull it back");
Check(Math.Abs(forgetfulLosses[^1] - 8) < 1e-9 && forgetfulLosses[^1] > forgetfulLosses[0],
    "without zero_grad the loss settles at 8, worse than it started");
Console.WriteLine("All claims hold.");

static void Check(bool claim, string what)
{
    if (!claim) throw new InvalidOperationException($"Lesson 05: the claim '{what}' does not hold.");
}
