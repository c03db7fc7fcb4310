using System.Globalization;
using System.Text;

namespace Micrograd.Functional.Files;

/// <summary>
/// Makes text read from a file safe to quote in a one-line error message: at most <see cref="MaxLength"/>
/// characters (then "…"), and every control character escaped as <c>\uXXXX</c>, so a huge field cannot flood
/// the message and an ANSI escape sequence cannot reach a terminal raw.
/// </summary>
public static class UntrustedText
{
    /// <summary>The most characters of the text that are kept (200).</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// The first <see cref="MaxLength"/> characters of <paramref name="text"/>, followed by "…" when it was longer,
    /// with control characters (C0, DEL, C1, e.g. ESC as <c>\u001b</c>) escaped.
    /// </summary>
    /// <param name="text">Text from an untrusted source, e.g. a field of a file; null gives an empty string.</param>
    /// <returns>A short, printable version of the text for an error message.</returns>
    public static string Bounded(string? text)
    {
        text ??= "";
        var cut = text.Length <= MaxLength ? text.Length : char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength; // never half a pair
        var kept = text.AsSpan(0, cut);
        var result = new StringBuilder(kept.Length + 8);
        foreach (var c in kept)
        {
            _ = char.IsControl(c)
                ? result.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}")
                : result.Append(c);
        }

        return text.Length > MaxLength ? result.Append('…').ToString() : result.ToString();
    }
}
