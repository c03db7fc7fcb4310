using System.Globalization;

namespace Micrograd.Playground.Training;

/// <summary>
/// The hidden layers' widths as the page's text box holds them: whole numbers separated by commas, such as
/// <c>16, 16</c> (micrograd's demo) or <c>32</c>; <c>none</c> gives no hidden layer (a linear model).
/// </summary>
public static class HiddenSizes
{
    /// <summary>The most hidden layers: deeper nets train too slowly in the browser's interpreter to watch.</summary>
    public const int MaxLayers = 4;

    /// <summary>The widest hidden layer, for the same reason.</summary>
    public const int MaxWidth = 64;

    /// <summary>Reads <paramref name="text"/> into widths, or says what is wrong with it.</summary>
    /// <param name="text">E.g. <c>16, 16</c>; spaces around the numbers are ignored.</param>
    /// <returns>The widths (empty for <c>none</c>) and null, or null and a message naming the offending part.</returns>
    public static (int[]? Sizes, string? Error) Parse(string? text)
    {
        const string Example = "write widths separated by commas, e.g. 16, 16 (or none for a linear model)";
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return (null, $"Hidden sizes are empty: {Example}.");
        }

        if (string.Equals(trimmed, "none", StringComparison.OrdinalIgnoreCase))
        {
            return ([], null);
        }

        var parts = trimmed.Split(',');
        if (parts.Length > MaxLayers)
        {
            return (null, $"Hidden sizes \"{NumberText.Shown(trimmed)}\" give {parts.Length} layers; at most {MaxLayers} train at a watchable speed here.");
        }

        var sizes = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var width))
            {
                return (null, $"Hidden sizes: layer {i + 1}, \"{NumberText.Shown(part)}\", is not a whole number; {Example}.");
            }

            if (width is < 1 or > MaxWidth)
            {
                return (null, $"Hidden sizes: layer {i + 1} has width {width}; a width must be from 1 to {MaxWidth}.");
            }

            sizes[i] = width;
        }

        return (sizes, null);
    }
}
