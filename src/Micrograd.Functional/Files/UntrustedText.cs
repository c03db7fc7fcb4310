using System.Globalization;
using System.Text;

namespace Micrograd.Functional.Files;

/// <summary>
/// Makes text read from a file safe to quote in a one-line error message: invisible and control characters
/// escaped, and at most <see cref="MaxLength"/> characters (then "…"), so a huge field cannot flood the message
/// and an ANSI escape sequence cannot reach a terminal raw.
/// </summary>
public static class UntrustedText
{
    /// <summary>The most characters quoted, escapes included (200); an ellipsis follows when the text was longer.</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// <paramref name="text"/> with each control, format (e.g. a bidi override or a zero-width space) or line-separator
    /// character escaped as <c>\uXXXX</c> (ESC as <c>\u001b</c>; beyond the BMP <c>\UXXXXXXXX</c>), a lone surrogate
    /// read as U+FFFD, and cut after <see cref="MaxLength"/> characters of the result, followed by "…" when anything was cut.
    /// </summary>
    /// <param name="text">Text from an untrusted source, e.g. a field of a file; null gives an empty string.</param>
    /// <returns>At most <see cref="MaxLength"/> + 1 printable characters for an error message.</returns>
    public static string Bounded(string? text) => Bounded(text, MaxLength);

    /// <summary>
    /// <see cref="Bounded(string?)"/> with another limit: for a whole message line that already holds quotes, or a
    /// program's output quoted at more length.
    /// </summary>
    /// <param name="text">Text from an untrusted source; null gives an empty string.</param>
    /// <param name="maxLength">The most characters of the result before the ellipsis, at least 1.</param>
    /// <returns>At most <paramref name="maxLength"/> + 1 printable characters.</returns>
    public static string Bounded(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var result = new StringBuilder();
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            var shown = Visible(rune) ? rune.ToString() : Escape(rune);
            if (result.Length + shown.Length > maxLength)
            {
                return result.Append('…').ToString();
            }

            result.Append(shown);
        }

        return result.ToString();
    }

    private static bool Visible(Rune rune) =>
        !Rune.IsControl(rune) && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);

    private static string Escape(Rune rune) => rune.IsBmp
        ? string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}")
        : string.Create(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
}
