using System.Collections.Immutable;
using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using Micrograd.Functional.Nn;
using static LanguageExt.Prelude;

namespace Micrograd.Demo.Settings;

/// <summary>
/// Reads option values from their text. Each parser returns the value, or an error that completes the
/// sentence "--option must be …", so every bad value is reported the same way.
/// </summary>
public static class ValueParsers
{
    /// <summary>A whole number of at least <paramref name="minimum"/>.</summary>
    /// <param name="minimum">The smallest accepted value.</param>
    public static Func<string, Fin<int>> Integer(int minimum) => text =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? FinSucc(value)
            : Problem<int>($"a whole number of at least {minimum}");

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, e.g. "from 2 to 100 (the number of points)".</summary>
    /// <param name="minimum">The smallest accepted value.</param>
    /// <param name="maximum">The largest accepted value.</param>
    /// <param name="why">What the maximum is, in parentheses after it.</param>
    public static Func<string, Fin<int>> Integer(int minimum, int maximum, string why) => text =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? FinSucc(value)
            : Problem<int>($"a whole number from {minimum} to {maximum} ({why})");

    /// <summary>A finite number greater than 0.</summary>
    public static Fin<double> PositiveNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > 0
            ? FinSucc(value)
            : Problem<double>("a number greater than 0, such as 0.05");

    /// <summary>Hidden layer widths separated by commas, such as <c>16,16</c>; <c>none</c> gives no hidden layer (a linear model).</summary>
    public static Fin<ImmutableArray<int>> LayerWidths(string text)
    {
        if (string.Equals(text.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            return FinSucc(ImmutableArray<int>.Empty);
        }

        var widths = text.Split(',').Select(part => int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w >= 1 ? w : 0).ToArray();
        return widths.All(w => w >= 1)
            ? FinSucc(widths.ToImmutableArray())
            : Problem<ImmutableArray<int>>("layer widths like 16,16 (whole numbers of at least 1) or none");
    }

    /// <summary>The hidden activation: relu, tanh, sigmoid or linear (any case).</summary>
    public static Fin<Activation> HiddenActivation(string text) =>
        Enum.GetValues<Activation>().Where(a => string.Equals(a.ToString(), text, StringComparison.OrdinalIgnoreCase)).ToArray() is [var activation]
            ? FinSucc(activation)
            : Problem<Activation>("relu, tanh, sigmoid or linear");

    /// <summary>The training engine: compiled or graph (any case).</summary>
    public static Fin<TrainingEngine> EngineName(string text) =>
        Enum.GetValues<TrainingEngine>().Where(e => string.Equals(e.ToString(), text, StringComparison.OrdinalIgnoreCase)).ToArray() is [var engine]
            ? FinSucc(engine)
            : Problem<TrainingEngine>("compiled or graph");

    /// <summary>The loss: hinge, mse or bce (any case).</summary>
    public static Fin<Loss> LossName(string text) =>
        Loss.Parse(text).ToFin(Error.New(OneOf(Loss.All.Select(l => l.Name))));

    /// <summary>The optimizer: sgd, momentum or adam (any case).</summary>
    public static Fin<OptimizerChoice> OptimizerName(string text) =>
        OptimizerChoice.Parse(text).ToFin(Error.New(OneOf(OptimizerChoice.All.Select(o => o.Name))));

    /// <summary>The dataset: moons, circles, blobs or csv:PATH.</summary>
    public static Fin<DatasetChoice> DatasetName(string text) =>
        DatasetChoice.Parse(text).ToFin(Error.New(DatasetChoice.Forms));

    /// <summary>A folder path: any text that is not blank.</summary>
    public static Fin<string> Folder(string text) =>
        string.IsNullOrWhiteSpace(text) ? Problem<string>("a folder path") : FinSucc(text);

    /// <summary>"a, b or c".</summary>
    private static string OneOf(IEnumerable<string> names)
    {
        var all = names.ToArray();
        return all.Length == 1 ? all[0] : $"{string.Join(", ", all[..^1])} or {all[^1]}";
    }

    private static Fin<T> Problem<T>(string expected) => FinFail<T>(Error.New(expected));
}
