using System.Globalization;
using System.Text;

namespace Micrograd.Demo;

/// <summary>Makes text from outside (a program's stderr, a file's content) safe for a one-line message on a terminal.</summary>
public static class SafeText
{
    /// <summary>How much untrusted text a message quotes: about 200 characters, then an ellipsis.</summary>
    public const int QuoteLength = 200;

    /// <summary>
    /// <paramref name="text"/> with every control character written as <c>\uXXXX</c> (so ANSI escapes and line breaks
    /// cannot reach the terminal raw), cut to <paramref name="maxLength"/> characters plus "…" when longer.
    /// </summary>
    /// <param name="text">The text to quote.</param>
    /// <param name="maxLength">The most characters kept before the ellipsis.</param>
    public static string Bounded(string text, int maxLength = QuoteLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var safe = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        foreach (var c in text)
        {
            if (safe.Length >= maxLength)
            {
                return safe.Append('…').ToString();
            }

            safe.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c);
        }

        return safe.ToString();
    }
}
