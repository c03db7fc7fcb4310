using System.CommandLine;
using LanguageExt.Common;
using Micrograd.Functional;
using Micrograd.Functional.Data;
using Micrograd.Functional.Files;
using Micrograd.Functional.Nn;
using Micrograd.Functional.Tracing;

namespace Micrograd.Demo;

/// <summary>
/// The <c>graph</c> verb: micrograd's trace_graph examples drawn with data and gradients, written as
/// .dot and .svg, plus the demo's training step, too big to draw whole, as a bounded drawing and a summary.
/// </summary>
public static class GraphCommand
{
    /// <summary>The subcommand, with its <c>--out</c> option.</summary>
    /// <param name="context">Where output and errors go.</param>
    public static Command Build(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "The folder to write into.", DefaultValueFactory = _ => Path.Combine("artifacts", "graph") };
        var command = new Command("graph", "Draw micrograd's trace_graph examples, (x*2+1).relu() and a 2-input neuron, with data and gradients, into artifacts/graph/ as .dot and .svg (the .svg needs Graphviz's dot), and summarise the demo's 65,818-node training step.") { output };
        command.SetAction(parse => Execute(parse.GetValue(output)!, context));
        return command;
    }

    /// <summary>
    /// Writes every drawing; returns 1 (after writing the .dot files) when dot is missing or fails. Each failure is
    /// named for what it is: dot not on PATH, dot exited with code N (with its stderr, cut to about 200 characters),
    /// or dot did not finish within Graphviz's 60 s. After the first failure dot is not called again, so a hanging
    /// dot costs at most 60 s.
    /// </summary>
    private static int Execute(string folder, CliContext context)
    {
        if (Problem(folder) is { } problem)
        {
            return context.Fail(ExitCode.Usage, problem);
        }

        Directory.CreateDirectory(folder);
        var dotFailure = Graphviz.IsInstalled ? null : Graphviz.InstallHint;
        foreach (var (name, dot, note) in Drawings())
        {
            if (context.Cancellation.IsCancellationRequested) // also when Ctrl+C reached dot too and it failed
            {
                return context.Fail(ExitCode.Cancelled, "cancelled; the files written so far stay");
            }

            var dotPath = Path.Combine(folder, name + ".dot");
            AtomicFile.WriteText(dotPath, dot);
            var rendered = false;
            if (dotFailure is null)
            {
                var svg = Graphviz.Render(dot, Path.ChangeExtension(dotPath, ".svg"));
                dotFailure = svg.Case is Error error ? error.Message : null;
                rendered = svg.IsSucc;
            }

            context.Out.WriteLine($"wrote {dotPath}{(rendered ? " and .svg" : "")}: {note}");
        }

        if (context.Cancellation.IsCancellationRequested)
        {
            return context.Fail(ExitCode.Cancelled, "cancelled; the files written so far stay");
        }

        var summary = Path.Combine(folder, "moons-step-summary.txt");
        AtomicFile.WriteText(summary, GraphSummary.Of(MoonsStep()) + Environment.NewLine);
        context.Out.WriteLine($"wrote {summary}");
        return dotFailure is null
            ? ExitCode.Success
            : context.Fail(ExitCode.Failure, $"the .dot files are written, but not the .svg files: {UntrustedText.Bounded(dotFailure, UntrustedText.MaxLength + 40)}");
    }

    /// <summary>Why <c>--out</c> cannot take the drawings (blank, the root folder, a file), or null.</summary>
    private static string? Problem(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return $"--out must be a folder path, not '{folder}'";
        }

        var full = Path.GetFullPath(folder);
        return Path.GetPathRoot(full) == full ? $"--out cannot be the root folder '{full}'"
            : File.Exists(full) ? $"--out '{folder}' is a file, not a folder"
            : null;
    }

    private static IEnumerable<(string Name, string Dot, string Note)> Drawings()
    {
        // micrograd's trace_graph.ipynb: x = Value(1.0); y = (x * 2 + 1).relu(); y.backward()
        var x = new Value(1.0, "x");
        var y = (x * 2 + 1).Relu();
        yield return ("relu-expression", Dot.Write(y, y.Backward()), "(x*2+1).relu() at x = 1, after Backward");

        // micrograd's README picture: n = Neuron(2); y = n([Value(1.0), Value(-2.0)]), weights from random.seed(1337).
        var random = new PythonRandom(1337);
        var neuron = new Neuron([new Value(random.Uniform(-1, 1)), new Value(random.Uniform(-1, 1))], new Value(0.0), Activation.Relu);
        var inputs = new[] { new Value(1.0), new Value(-2.0) };
        var output = neuron.Forward(inputs);
        var labels = new Dictionary<Value, string>
        {
            [inputs[0]] = "x1", [inputs[1]] = "x2", [neuron.Weights[0]] = "w1", [neuron.Weights[1]] = "w2", [neuron.Bias] = "b", [output] = "out",
        };
        yield return ("neuron", Dot.Write(output, output.Backward(), new DotOptions { Labels = labels }), "a 2-input ReLU neuron at x = [1.0, -2.0], after Backward");

        // The demo's training step: too big to draw whole, so the 60 nodes nearest the loss and a note.
        var step = MoonsStep();
        yield return ("moons-step", Dot.Write(step, step.Backward(), new DotOptions { MaxNodes = 60, RankDirection = RankDirection.TopToBottom }), "the 60 nodes nearest the loss of the demo's first step");
    }

    private static Value MoonsStep() =>
        Training.Objective(Mlp.Create(2, [16, 16, 1], seed: 1337), Datasets.Moons(), Loss.Hinge, 1e-4).Loss;
}
