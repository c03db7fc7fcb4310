#:project ../../src/Micrograd.Functional/Micrograd.Functional.csproj
#:package ScottPlot
#:property InvariantGlobalization=true
// # 07 · micrograd's demo: two moons, bit for bit
//
// This is [micrograd's `demo.ipynb`](https://github.com/karpathy/micrograd/blob/master/demo.ipynb):
// the same 100 points in two interleaving half-moons, the same 2-16-16-1 network, the same loss
// and the same 100 steps of gradient descent, and the same numbers, bit for bit, where the notebook
// can be repeated: step 0 loss 0.8958441028683222 at 50% accuracy, step 99 loss
// 0.010978370135492717 at 100%. In between, the notebook's losses are one run of micrograd, not
// repeatable to the last bit: micrograd keeps a node's children in a Python `set`, so the order in
// which it adds up a weight's gradient from its many uses follows where objects sit in memory, and
// a rounding in another order can move the last digit. (Two runs of micrograd's engine code on these
// points and weights differed from each other at 91 of the 100 steps; steps 0 and 99 came out the
// notebook's both times.) Ours differ from the notebook only there: a few to a few dozen units in
// the last place (ulps), within 10⁻¹⁴ relative.
//
// - **The data.** `Datasets.Moons` ports scikit-learn's `make_moons` and numpy's random generator,
//   so with micrograd's seed 1337 these are the notebook's exact points. micrograd turns the labels
//   0 and 1 into −1 and +1, the sign its loss wants: `SignedLabels`.
// - **The model.** Two hidden layers of 16 ReLU neurons and a linear output, its *score*; the sign
//   of the score is the predicted class. Weights come from a port of Python's `random` seeded with
//   1337, biases start at 0: 48 + 272 + 17 = 337 parameters.
// - **The loss.** The SVM "max-margin" loss max(0, 1 − yᵢsᵢ), averaged over the points: 0 once a
//   point is on its side with a margin of 1, growing the more wrong it is. Plus 10⁻⁴·Σp², which
//   keeps the weights small. It is written the way micrograd writes it, so the graph has the same
//   shape and every rounding happens in the same order: that is what makes the numbers identical.
// - **The loop.** Lesson 05's forward, backward, update, with micrograd's learning rate
//   1.0 − 0.9·k/100 at step k. The library packages the same loop as `model.Train`, which runs it
//   on the compiled tape of lesson 10 and gives the same model bit for bit.
//
// Each step builds a loss graph of 65,818 nodes (micrograd's exact count), far too many to draw:
// `GraphSummary` describes it instead. The picture colours the plane by the class the trained
// network predicts there.
using Micrograd.Functional;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;
using Micrograd.Functional.Tracing;
using ScottPlot;

// ## The data and the model
var data = Datasets.Moons(samples: 100, noise: 0.1, seed: 1337);
var X = data.Features;      // 100 points (x₁, x₂)
var y = data.SignedLabels;  // −1 or +1
var model = Mlp.Create(2, [16, 16, 1], seed: 1337);
Console.WriteLine(data);
Console.WriteLine(model);

// ## The loss, as micrograd writes it
(Value Loss, double Accuracy) Objective(Mlp model)
{
    // forward the model on every point to get its score
    var scores = X.Select(x => model.Forward(x)[0]).ToArray();

    // svm "max-margin" loss
    var losses = scores.Select((s, i) => (1 + -y[i] * s).Relu());
    var dataLoss = Loss.Sum(losses) * (1.0 / scores.Length);   // Loss.Sum is Python's sum: it starts from 0

    // L2 regularization
    var alpha = 1e-4;
    var regLoss = alpha * Loss.Sum(model.Parameters.Select(p => p * p));
    var totalLoss = dataLoss + regLoss;

    // also get accuracy: the share of points whose score has the sign of their class
    var accuracy = scores.Select((s, i) => s.Data > 0 == y[i] > 0 ? 1.0 : 0.0).Average();
    return (totalLoss, accuracy);
}

// ## The training loop: forward, backward, update
// The notebook's printed losses at the steps shown here, copied from demo.ipynb.
var notebook = new Dictionary<int, double>
{
    [0] = 0.8958441028683222, [10] = 0.24507023853658053, [20] = 0.18977522856087634, [30] = 0.11731297569011848,
    [40] = 0.06016009895234464, [50] = 0.09875114765619622, [60] = 0.0325971115781023, [70] = 0.014229870065926908,
    [80] = 0.012318500800515763, [90] = 0.010984458327280174, [99] = 0.010978370135492717,
};
var trained = model;
var first = (Loss: 0.0, Accuracy: 0.0);
var last = first;
for (var k = 0; k < 100; k++)
{
    // forward
    var (loss, accuracy) = Objective(trained);

    // backward: a map from every node of the graph to ∂loss/∂node
    var grads = loss.Backward();

    // update (sgd), into a new model
    var learningRate = 1.0 - 0.9 * k / 100;
    var next = trained.Parameters.Select(p => p.Data - learningRate * grads[p]).ToArray();
    trained = trained.WithParameters(next);

    if (k % 10 == 0 || k == 99)
    {
        Console.WriteLine($"step {k} loss {loss.Data:R}, accuracy {accuracy * 100:0.0}%   (notebook: {notebook[k]:R}, {Ulps(loss.Data, notebook[k])})");
        Check(Math.Abs(loss.Data - notebook[k]) <= 1e-14 * notebook[k], $"step {k}: the loss is within 1e-14 relative of the notebook's");
    }

    if (k == 0) first = (loss.Data, accuracy);
    if (k == 99) last = (loss.Data, accuracy);
}

Check(first == (0.8958441028683222, 0.5), "step 0 is micrograd's: loss 0.8958441028683222 at 50%");
Check(last == (0.010978370135492717, 1.0), "step 99 is micrograd's: loss 0.010978370135492717 at 100%");

// ## The same loop, packaged: model.Train
// A lazy sequence of immutable steps; TrainingOptions.Micrograd is this loss, schedule and length.
var packaged = model.Train(data, TrainingOptions.Micrograd).Last();
var same = packaged.Model.ParameterValues().SequenceEqual(trained.ParameterValues());
Console.WriteLine($"model.Train: step {packaged.Step} loss {packaged.Loss:R}; the same 337 parameters as the loop: {same}");
Check(same, "model.Train ends with the loop's parameters, bit for bit");
Check(Objective(model).Loss.Data == 0.8958441028683222, "training left the initial model unchanged");

// ## How big is one step's graph?
// Every step builds the whole loss graph afresh, as micrograd does: too big to draw, so described.
var oneStep = GraphSummary.Of(Objective(model).Loss);
Console.WriteLine($"one step's graph: {oneStep}");
Check(oneStep.Nodes == 65_818, "one step builds micrograd's 65,818 nodes");

// ## The decision boundary
// Evaluate the network on a 160 × 160 grid and colour each cell by its predicted class.
// model.Evaluate computes Forward's numbers on plain doubles, without building a graph.
var (xMin, xMax) = (X.Min(p => p[0]) - 1, X.Max(p => p[0]) + 1);
var (yMin, yMax) = (X.Min(p => p[1]) - 1, X.Max(p => p[1]) + 1);
const int Cells = 160;
var classes = new double[Cells, Cells];   // row 0 is the top of the picture
for (var row = 0; row < Cells; row++)
{
    for (var column = 0; column < Cells; column++)
    {
        double[] point = [xMin + (column + 0.5) * (xMax - xMin) / Cells, yMax - (row + 0.5) * (yMax - yMin) / Cells];
        classes[row, column] = trained.Evaluate(point)[0] > 0 ? 1 : 0;
    }
}

var plot = new Plot();
var regions = plot.Add.Heatmap(classes);
regions.Extent = new CoordinateRect(xMin, xMax, yMin, yMax);
regions.Colormap = new ScottPlot.Colormaps.Custom([Color.FromHex("#F9C9B6"), Color.FromHex("#C7E1EE")]);
regions.Smooth = true;
foreach (var (label, color) in new[] { (-1, Color.FromHex("#D53E4F")), (1, Color.FromHex("#3288BD")) })
{
    var rows = Enumerable.Range(0, data.Count).Where(i => y[i] == label).ToArray();
    var points = plot.Add.ScatterPoints(rows.Select(i => X[i][0]).ToArray(), rows.Select(i => X[i][1]).ToArray(), color);
    points.MarkerSize = 8;
    points.MarkerStyle.OutlineColor = Colors.Black;
    points.MarkerStyle.OutlineWidth = 1;
}

plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
plot.Font.Set("DejaVu Sans");   // ScottPlot's default may pick a serif font on Linux
plot.Title("decision boundary after 100 steps");
var images = Path.Combine((string)AppContext.GetData("EntryPointFileDirectoryPath")!, "images");
Directory.CreateDirectory(images);
plot.SavePng(Path.Combine(images, "07-decision-boundary.png"), 480, 400);
Console.WriteLine("picture: images/07-decision-boundary.png");
Console.WriteLine("All claims hold.");

// How far apart two positive doubles are, in ulps: consecutive doubles have consecutive bit patterns.
static string Ulps(double ours, double theirs)
{
    var n = BitConverter.DoubleToInt64Bits(ours) - BitConverter.DoubleToInt64Bits(theirs);
    return n == 0 ? "the same bits" : $"{n:+0;-0} ulp{(Math.Abs(n) == 1 ? "" : "s")}";
}

static void Check(bool claim, string what)
{
    if (!claim) throw new InvalidOperationException($"Lesson 07: the claim '{what}' does not hold.");
}
