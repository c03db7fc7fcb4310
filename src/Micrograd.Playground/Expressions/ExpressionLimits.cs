namespace Micrograd.Playground.Expressions;

/// <summary>
/// The bounds that keep any program the user types fast and safe: each is checked as the program is read or run, and
/// an error names the limit it hit. Together they make the work linear in the program's size.
/// </summary>
public static class ExpressionLimits
{
    /// <summary>The longest program accepted, in characters (UTF-16 code units).</summary>
    public const int MaxSourceLength = 100_000;

    /// <summary>
    /// The most nodes the program's graph may hold (leaves and constants included). Checked after every operation while
    /// the graph is built, so a program that would build a huge graph stops as soon as it passes the limit.
    /// </summary>
    public const int MaxNodes = 20_000;

    /// <summary>
    /// How deeply parentheses, function calls, unary minus signs and right operands of <c>**</c> may nest. Python's own
    /// parser stops at 200 nested parentheses; the bound keeps the recursive-descent parser far from the stack's end.
    /// </summary>
    public const int MaxNesting = 200;

    /// <summary>The longest variable or function name, in characters.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The longest piece of the program quoted in an error message, in characters; longer text is cut with "…".</summary>
    public const int MaxQuoted = 40;
}
