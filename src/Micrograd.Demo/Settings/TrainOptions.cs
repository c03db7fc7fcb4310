using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using Micrograd.Functional.Nn;

namespace Micrograd.Demo.Settings;

/// <summary>
/// The training options of the root command (<c>--dataset</c>, <c>--steps</c>, …). Each option checks its own
/// value while parsing, so a bad value is a parse error with a one-line message, like an unknown option.
/// </summary>
public sealed class TrainOptions
{
    private readonly Option<Parsed<DatasetChoice>> _dataset = Create(
        "--dataset", "NAME", ValueParsers.DatasetName, "moons",
        "The data: moons, circles, blobs (100 points each, made from the seed) or csv:PATH (lines of feature,...,label; labels 0/1 or -1/1).");

    private readonly Option<Parsed<int>> _classes = Create(
        "--classes", "K", ValueParsers.Integer(2, DatasetChoice.Points, "the number of points"), defaultText: null,
        "The number of classes of --dataset blobs, from 2 (the default) to 100: k blobs, one per class. Above 2 the model has one output per class and the loss defaults to ce.");

    private readonly Option<Parsed<int>> _steps = Create(
        "--steps", "N", ValueParsers.Integer(1), "100", "The number of training steps.");

    private readonly Option<Parsed<int>> _seed = Create(
        "--seed", "N", ValueParsers.Integer(0), "1337", "The seed of the data, of the initial weights and of the minibatches.");

    private readonly Option<Parsed<ImmutableArray<int>>> _hidden = Create(
        "--hidden", "WIDTHS", ValueParsers.LayerWidths, "16,16",
        "The hidden layers' widths, e.g. 16,16 or 32, or none for a linear model. A linear output layer follows them: one neuron, or one per class with --loss ce.");

    private readonly Option<Parsed<Activation>> _activation = Create(
        "--activation", "NAME", ValueParsers.HiddenActivation, "relu", "The hidden layers' activation: relu, tanh, sigmoid or linear.");

    private readonly Option<Parsed<Loss>> _loss = Create(
        "--loss", "NAME", ValueParsers.LossName, "hinge",
        "The loss: hinge (micrograd's max-margin), mse or bce, binary losses on one output; or ce, softmax cross-entropy on one output per class " +
        "(the default when --classes is above 2). An L2 penalty 1e-4 * sum(p^2) is added.");

    private readonly Option<Parsed<OptimizerChoice>> _optimizer = Create(
        "--optimizer", "NAME", ValueParsers.OptimizerName, "sgd", "The optimizer: sgd, momentum (0.9) or adam.");

    private readonly Option<Parsed<double>> _lr = Create(
        "--lr", "RATE", ValueParsers.PositiveNumber, defaultText: null,
        "The initial learning rate; it decays linearly to a tenth of itself over the run. Default per optimizer: " +
        $"{string.Join(", ", OptimizerChoice.All.Select(o => FormattableString.Invariant($"{o.Name} {o.DefaultRate:0.0##}")))} (sgd's 1.0 -> 0.1 is micrograd's schedule); " +
        FormattableString.Invariant($"sgd starts at {OptimizerChoice.Sgd.KClassRate:0.0##} above 2 classes. ") +
        "Binary blobs, whose coordinates reach about 10, also need about 0.1 with sgd.");

    private readonly Option<Parsed<int>> _batchSize = Create(
        "--batch-size", "N", ValueParsers.Integer(1), defaultText: null,
        "The rows per step, drawn at random each step. Default: the whole dataset every step, as micrograd.");

    private readonly Option<Parsed<TrainingEngine>> _engine = Create(
        "--engine", "NAME", ValueParsers.EngineName, "compiled",
        "How each step differentiates: compiled (trace the loss once into a flat tape, the default) or graph (rebuild the graph and call Backward every step, as micrograd does). Both give the same numbers.");

    private readonly Option<Parsed<string>> _out = Create(
        "--out", "DIR", ValueParsers.Folder, defaultText: null,
        "The folder for the output files. Default: artifacts/DATASET, e.g. artifacts/moons.");

    private readonly Option<Parsed<long>> _memoryBudget = Create(
        "--memory-budget", "SIZE", MemoryBudget.ParseSize, defaultText: null,
        $"The most memory the run may plan to use, {MemoryBudget.Forms}; a run estimated above it is refused before training (exit 3). " +
        $"Default: ${MemoryBudget.Variable}, else 3/4 of the memory available to the process.");

    private readonly Option<bool> _onnx = new("--onnx")
    {
        Description = "Also write model.onnx: the trained model as an ONNX graph (doubles; with softmax probabilities above 2 classes), for ONNX Runtime and other tensor runtimes.",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    /// <param name="command">The command that trains.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { _dataset, _classes, _steps, _seed, _hidden, _activation, _loss, _optimizer, _lr, _batchSize, _engine, _memoryBudget, _out, _onnx })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Reads the settings from a parse result without errors and without a <see cref="Problem"/>.</summary>
    /// <param name="parse">The parse result.</param>
    public DemoSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var classes = parse.GetValue(_classes)?.Value;
        var loss = classes > 2 && Given(parse, _loss) is null ? Loss.SoftmaxCrossEntropy : parse.GetValue(_loss)!.Value;
        return new(
            classes is { } k ? DatasetChoice.BlobsOf(k) : parse.GetValue(_dataset)!.Value,
            parse.GetValue(_steps)!.Value,
            parse.GetValue(_seed)!.Value,
            parse.GetValue(_hidden)!.Value,
            parse.GetValue(_activation)!.Value,
            loss,
            parse.GetValue(_optimizer)!.Value,
            parse.GetValue(_lr)?.Value,
            parse.GetValue(_batchSize)?.Value,
            parse.GetValue(_out)?.Value,
            parse.GetValue(_engine)!.Value,
            classes,
            parse.GetValue(_memoryBudget),
            parse.GetValue(_onnx));
    }

    /// <summary>
    /// The usage error in a combination of options that each parsed, or null: --classes needs blobs, and more than
    /// 2 classes need a loss that reads one score per class.
    /// </summary>
    /// <param name="parse">A parse result without errors.</param>
    public string? Problem(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(_classes) is not { Value: var classes })
        {
            return null;
        }

        var dataset = parse.GetValue(_dataset)!;
        if (dataset.Value != DatasetChoice.Blobs)
        {
            return $"--classes applies only to --dataset blobs, not '{dataset.Text}'";
        }

        return classes > 2 && Given(parse, _loss) is { Value: { IsBinary: true } binary }
            ? $"--loss {binary.Name} is binary and cannot tell {classes} classes apart; use --loss ce (softmax cross-entropy), the default above 2 classes"
            : null;
    }

    /// <summary>The option's value when it is on the command line; null when it is left at its default.</summary>
    private static Parsed<T>? Given<T>(ParseResult parse, Option<Parsed<T>> option) =>
        parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option) : null;

    /// <summary>
    /// An option read by <paramref name="parse"/>; a failure becomes the parse error "--name must be …, not '…'".
    /// The default, when there is one, is <paramref name="defaultText"/> read by the same parser (and help shows that text).
    /// </summary>
    private static Option<Parsed<T>> Create<T>(string name, string helpName, Func<string, LanguageExt.Fin<T>> parse, string? defaultText, string description)
    {
        var option = new Option<Parsed<T>>(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result => Parse(result, name, parse),
        };
        if (defaultText is not null)
        {
            option.DefaultValueFactory = _ => new Parsed<T>(parse(defaultText).ThrowIfFail(), defaultText);
        }

        return option;
    }

    private static Parsed<T>? Parse<T>(ArgumentResult result, string name, Func<string, LanguageExt.Fin<T>> parse)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        return parse(text).Match<Parsed<T>?>(
            Succ: value => new Parsed<T>(value, text),
            Fail: expected =>
            {
                result.AddError($"{name} must be {expected.Message}, not '{text}'");
                return null;
            });
    }
}
