namespace Micrograd.Playground.Expressions;

/// <summary>A line of the program that was not run, and why (an import, or a print: micrograd's README has both).</summary>
/// <param name="line">The 1-based line number.</param>
/// <param name="reason">Why it was skipped, in words.</param>
public sealed class SkippedLine(int line, string reason)
{
    /// <summary>The 1-based line number.</summary>
    public int Line { get; } = line;

    /// <summary>Why it was skipped.</summary>
    public string Reason { get; } = reason;
}

/// <summary>
/// The lines micrograd's README program has that the page does not need: <c>from micrograd.engine import Value</c>
/// (everything is built in) and <c>print(…)</c> lines (the page shows the values). Each is blanked before the program is
/// read, so the other lines keep their numbers, and listed, so the page can say what it skipped.
/// </summary>
internal static class SkippedLines
{
    /// <summary>The source with such lines blanked, and the lines blanked.</summary>
    /// <param name="source">The program.</param>
    public static (string Source, IReadOnlyList<SkippedLine> Skipped) Blank(string source)
    {
        var lines = source.Split('\n');
        var skipped = new List<SkippedLine>();
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].TrimStart(' ', '\t');
            var reason = text.StartsWith("import ", StringComparison.Ordinal) || text.StartsWith("from ", StringComparison.Ordinal)
                ? "an import: Value and the functions are built in"
                : text.StartsWith("print(", StringComparison.Ordinal)
                    ? "a print: the page shows the output's value and every gradient"
                    : null;
            if (reason is not null)
            {
                lines[i] = lines[i].EndsWith('\r') ? "\r" : "";
                skipped.Add(new SkippedLine(i + 1, reason));
            }
        }

        return skipped.Count == 0 ? (source, skipped) : (string.Join('\n', lines), skipped);
    }
}
