using System.Globalization;
using System.Numerics;

namespace Micrograd.Playground.Training;

/// <summary>The training page's number boxes, each edited as text and read by <see cref="NumberText"/>.</summary>
public enum NumberField
{
    /// <summary>The number of points (whole).</summary>
    Samples,

    /// <summary>The noise's standard deviation (real).</summary>
    Noise,

    /// <summary>The number of blobs (whole).</summary>
    Classes,

    /// <summary>The data's seed (whole).</summary>
    Seed,

    /// <summary>The learning rate (real).</summary>
    LearningRate,

    /// <summary>The number of steps (whole).</summary>
    Steps,

    /// <summary>The initial weights' seed (whole).</summary>
    ModelSeed,
}

/// <summary>
/// Reads a number box's text exactly or says why not, naming the box and the text: a page that kept the last good value
/// when the text did not parse (Blazor's <c>@bind</c> does) would train with a number the user did not type.
/// </summary>
public static class NumberText
{
    /// <summary>The box's name as messages begin with it, e.g. <c>Data seed</c> (its label on the page, capitalized).</summary>
    /// <param name="field">The box.</param>
    public static string Name(NumberField field) => field switch
    {
        NumberField.Samples => "Samples",
        NumberField.Noise => "Noise",
        NumberField.Classes => "Classes",
        NumberField.Seed => "Data seed",
        NumberField.LearningRate => "Learning rate",
        NumberField.Steps => "Steps",
        _ => "Model seed",
    };

    /// <summary>Whether the box holds a whole number (the others hold reals).</summary>
    /// <param name="field">The box.</param>
    public static bool IsWhole(NumberField field) => field is not (NumberField.Noise or NumberField.LearningRate);

    /// <summary>
    /// Reads <paramref name="text"/> (invariant culture, spaces around it ignored): a whole box takes an optional sign and
    /// digits that fit an <see cref="int"/>; a real box takes a decimal or exponent form such as <c>0.05</c> or <c>1e-3</c>
    /// that is finite (<c>1e309</c>, <c>NaN</c> and <c>Infinity</c> are refused by name).
    /// </summary>
    /// <param name="field">The box.</param>
    /// <param name="text">What the user typed.</param>
    /// <returns>The number and null, or NaN and a message naming the box and the text.</returns>
    public static (double Value, string? Error) Read(NumberField field, string? text)
    {
        var trimmed = (text ?? "").Trim();
        var name = Name(field);
        if (trimmed.Length == 0)
        {
            return (double.NaN, $"{name}: the box is empty; type a number.");
        }

        if (!IsWhole(field))
        {
            if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            {
                return (double.NaN, $"{name}: \"{Shown(trimmed)}\" is not a number (write e.g. 0.05 or 1e-3).");
            }

            return double.IsFinite(real)
                ? (real, null)
                : (double.NaN, $"{name}: \"{Shown(trimmed)}\" is not a finite number (the largest is about 1.8e308).");
        }

        if (!BigInteger.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return (double.NaN, $"{name}: \"{Shown(trimmed)}\" is not a whole number.");
        }

        return whole >= int.MinValue && whole <= int.MaxValue
            ? ((double)whole, null)
            : (double.NaN, $"{name}: \"{Shown(trimmed)}\" is out of range: a whole number here lies between {int.MinValue} and {int.MaxValue}.");
    }

    /// <summary>The user's text cut to 40 characters, so that a pasted page cannot flood the message.</summary>
    /// <param name="text">The text.</param>
    public static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
