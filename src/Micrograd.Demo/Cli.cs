using Micrograd.Functional.Files;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Micrograd.Demo.Settings;

namespace Micrograd.Demo;

/// <summary>
/// The demo's command line. The root command trains (micrograd's demo by default) and writes plots,
/// a summary and the model; further verbs (such as a later <c>graph</c>) are added in <see cref="Build"/>
/// as subcommands with their own options.
/// </summary>
public static class Cli
{
    /// <summary>
    /// Runs the demo as the process would, but in-process: parses <paramref name="args"/>, runs the command,
    /// and returns the exit code (<see cref="ExitCode"/>) instead of exiting. Usage errors print one line on
    /// <paramref name="stderr"/> and return 2; nothing ever prints a stack trace.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Where progress, help and results go.</param>
    /// <param name="stderr">Where the one-line error goes.</param>
    /// <param name="interactive">True to draw a live progress bar on <paramref name="stdout"/> (a terminal); false for one plain line per step.</param>
    /// <param name="cancellation">Stops training between steps (Ctrl+C).</param>
    /// <returns>
    /// 0 on success, 1 when the run fails, 2 for a usage error, 3 when it needs more memory than its budget or runs out, 130 when cancelled. A failing <paramref name="stdout"/>
    /// (a full device, a closed descriptor) does not stop the run: it ends as it would have, with one warning line on
    /// <paramref name="stderr"/> when it succeeds.
    /// </returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var output = new TolerantWriter(stdout);
        var errors = new TolerantWriter(stderr);
        var code = Run(args, new CliContext(output, errors, interactive, cancellation));
        if (output.Failure is { } failure && code == ExitCode.Success)
        {
            // Progress lost is not a failed run: the files are written; say once what happened to the output.
            errors.WriteLine($"warning: standard output failed ({failure.GetType().Name}: {UntrustedText.Bounded(failure.Message)}), so some output was not shown; the command finished");
        }

        return code;
    }

    /// <summary>
    /// The parser's settings: response files (<c>@file</c>, which System.CommandLine expands by default) are off,
    /// so <c>@name</c> is an ordinary argument; the demo documents no such feature.
    /// </summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    private static int Run(string[] args, CliContext context)
    {
        var parse = Build(context).Parse(args, Parsing);
        if (parse.Action is ParseErrorAction)
        {
            // An option's own message first: for "--steps --out x" that is "--steps must be …, not '--out'", not "unknown 'x'".
            return context.Fail(ExitCode.Usage, parse.Errors[0].Message.TrimEnd('.'));
        }

        if (parse.UnmatchedTokens.Count > 0 && parse.Action is not HelpAction)
        {
            return context.Fail(ExitCode.Usage, $"unknown option or argument '{parse.UnmatchedTokens[0]}' (run with --help to see the options)");
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (TrainCommand.IsOutOfMemory(e))
        {
            return context.Fail(ExitCode.OutOfMemory, $"out of memory: {e.Message}");
        }
        catch (Exception e)
        {
            // A bug or an environment problem: say what happened in one line, never with a stack trace.
            return context.Fail(ExitCode.Failure, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The command tree: the root command trains; subcommands go here.</summary>
    /// <param name="context">The output writers and run mode that the commands' actions use.</param>
    /// <remarks>
    /// The root is named <c>micrograd</c>, the installed tool's command, rather than after the
    /// executable (a RootCommand's name), so help reads the same however the demo is started.
    /// </remarks>
    public static Command Build(CliContext context)
    {
        var options = new TrainOptions();
        var root = new Command("micrograd",
            "micrograd's demo.ipynb in C#: train a small MLP to classify 2-D points and write artifacts/DATASET/" +
            "{decision-boundary.png, training.png, summary.json, model.json} (and model.onnx with --onnx). With no options it reproduces micrograd's " +
            "run: two moons (100 points, noise 0.1, seed 1337), MLP 2-16-16-1 with ReLU, hinge loss + 1e-4 L2, " +
            "SGD with learning rate 1.0 - 0.9*k/100, 100 full-batch steps. --dataset blobs --classes K trains K classes " +
            "(one output per class, softmax cross-entropy).");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        options.AddTo(root);
        root.TreatUnmatchedTokensAsErrors = false; // reported by Run, after the options' own errors
        root.SetAction(parse => options.Problem(parse) is { } problem
            ? context.Fail(ExitCode.Usage, problem)
            : TrainCommand.Execute(options.Read(parse), context));
        root.Subcommands.Add(GraphCommand.Build(context));
        return root;
    }
}
