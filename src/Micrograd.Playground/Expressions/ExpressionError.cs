using System.Globalization;
using System.Text;

namespace Micrograd.Playground.Expressions;

/// <summary>The first error in a program: where it is (1-based line and column) and what is wrong.</summary>
/// <param name="line">The 1-based line of the offending text.</param>
/// <param name="column">The 1-based column (in UTF-16 code units) where it starts.</param>
/// <param name="message">What is wrong, with the offending text quoted and cut short.</param>
public sealed class ExpressionError(int line, int column, string message)
{
    /// <summary>The 1-based line of the offending text.</summary>
    public int Line { get; } = line;

    /// <summary>The 1-based column where the offending text starts.</summary>
    public int Column { get; } = column;

    /// <summary>What is wrong.</summary>
    public string Message { get; } = message;

    /// <summary>The error as shown to the user: <c>line L, column C: message</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}: {Message}");

    /// <summary>
    /// <paramref name="text"/> in backquotes, cut to <see cref="ExpressionLimits.MaxQuoted"/> characters (then "…"),
    /// control characters written as <c>\uXXXX</c>, so a message stays one short printable line whatever was typed.
    /// </summary>
    /// <param name="text">The program text to quote.</param>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("`");
        foreach (var c in text.Length > ExpressionLimits.MaxQuoted ? text[..ExpressionLimits.MaxQuoted] : text)
        {
            quoted.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return quoted.Append(text.Length > ExpressionLimits.MaxQuoted ? "…`" : "`").ToString();
    }
}

/// <summary>Carries an <see cref="ExpressionError"/> out of the lexer, parser or evaluator to <see cref="Expression.Run"/>, which returns it.</summary>
internal sealed class ExpressionException(ExpressionError error) : Exception(error.ToString())
{
    /// <summary>The error.</summary>
    public ExpressionError Error { get; } = error;

    /// <summary>An error at a position.</summary>
    public static ExpressionException At(int line, int column, string message) => new(new ExpressionError(line, column, message));

    /// <summary>An error at a token.</summary>
    public static ExpressionException At(Token token, string message) => At(token.Line, token.Column, message);
}
