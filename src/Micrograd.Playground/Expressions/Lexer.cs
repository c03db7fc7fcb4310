using System.Globalization;

namespace Micrograd.Playground.Expressions;

/// <summary>
/// Cuts a program into tokens, in one pass: Python's float literals (<c>4</c>, <c>2.0</c>, <c>.5</c>, <c>1e-3</c>;
/// a sign is an operator), names, operators, parentheses, commas, dots, new lines and <c>;</c>. Spaces and tabs separate tokens;
/// <c>#</c> starts a comment that runs to the end of the line.
/// </summary>
internal static class Lexer
{
    /// <summary>
    /// The tokens of <paramref name="source"/>, ending with <see cref="TokenKind.End"/>, made as they are read, so that
    /// the parser reports errors in the order they appear in the program.
    /// </summary>
    /// <exception cref="ExpressionException">A character the language does not use, a malformed number, or a name that is too long.</exception>
    public static IEnumerable<Token> Tokenize(string source)
    {
        var (line, lineStart, i) = (1, 0, 0);
        while (i < source.Length)
        {
            var c = source[i];
            var column = i - lineStart + 1;
            if (c is ' ' or '\t' or '\r' or '\f')
            {
                i++;
            }
            else if (c == '#')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '\n')
            {
                yield return new Token(TokenKind.Newline, "\n", line, column);
                (line, lineStart, i) = (line + 1, i + 1, i + 1);
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                var end = NumberEnd(source, i);
                yield return Number(source[i..end], line, column);
                i = end;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var end = i;
                while (end < source.Length && IsNamePart(source[end]))
                {
                    end++;
                }

                var name = source[i..end];
                if (name.Length > ExpressionLimits.MaxNameLength)
                {
                    throw ExpressionException.At(line, column,
                        $"the name {ExpressionError.Quote(name)} is {name.Length:N0} characters long; the limit is {ExpressionLimits.MaxNameLength} (ExpressionLimits.MaxNameLength)");
                }

                yield return new Token(TokenKind.Name, name, line, column);
                i = end;
            }
            else
            {
                var (kind, length) = Symbol(source, i);
                if (length == 0)
                {
                    throw Unexpected(c, line, column);
                }

                yield return new Token(kind, source.Substring(i, length), line, column);
                i += length;
            }
        }

        yield return new Token(TokenKind.End, "", line, source.Length - lineStart + 1);
    }

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>
    /// Where the number starting at <paramref name="start"/> ends: the whole run of letters, digits, dots, and signs
    /// right after an exponent's e, so that <c>1.2.3</c> or <c>2x</c> is reported as one bad number.
    /// </summary>
    private static int NumberEnd(string source, int start)
    {
        var (end, signTaken) = (start, false);
        while (end < source.Length)
        {
            var c = source[end];
            var sign = c is '+' or '-' && source[end - 1] is 'e' or 'E' && !signTaken;
            if (!(IsNamePart(c) || c == '.' || sign))
            {
                break;
            }

            signTaken |= sign;
            end++;
        }

        return end;
    }

    /// <summary>A number token; Python's float literal syntax: digits with an optional point and exponent.</summary>
    private static Token Number(string text, int line, int column)
    {
        if (!IsFloatLiteral(text) || !double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            throw ExpressionException.At(line, column, $"{ExpressionError.Quote(text)} is not a number (numbers look like 4, 2.0, .5 or 1e-3)");
        }

        return new Token(TokenKind.Number, text, line, column, value);
    }

    /// <summary>digits [. digits] [e [+|-] digits], or . digits [...]: at least one digit before the exponent.</summary>
    private static bool IsFloatLiteral(string text)
    {
        var i = 0;
        var digits = 0;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++, digits++) { }
        if (i < text.Length && text[i] == '.')
        {
            for (i++; i < text.Length && char.IsAsciiDigit(text[i]); i++, digits++) { }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var exponentStart = i;
            for (; i < text.Length && char.IsAsciiDigit(text[i]); i++) { }
            if (i == exponentStart)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>An operator or punctuation token at <paramref name="i"/>, the longest that matches.</summary>
    private static (TokenKind Kind, int Length) Symbol(string source, int i)
    {
        var next = i + 1 < source.Length ? source[i + 1] : '\0';
        return (source[i], next) switch
        {
            ('*', '*') => (TokenKind.StarStar, 2),
            ('+', '=') => (TokenKind.PlusAssign, 2),
            ('-', '=') => (TokenKind.MinusAssign, 2),
            ('*', '=') => (TokenKind.StarAssign, 2),
            ('/', '=') => (TokenKind.SlashAssign, 2),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('.', _) => (TokenKind.Dot, 1),
            ('=', _) => (TokenKind.Assign, 1),
            (';', _) => (TokenKind.Semicolon, 1),
            _ => (TokenKind.End, 0), // none: the caller reports the character
        };
    }

    private static ExpressionException Unexpected(char c, int line, int column)
    {
        var hint = c switch
        {
            '%' or '@' or '&' or '|' or '^' or '~' or '<' or '>' or '!' => " (the operators are + - * / ** only)",
            '\'' or '"' => " (the language has no strings)",
            '[' or ']' or '{' or '}' => " (the language has no lists or dictionaries)",
            _ => "",
        };
        return ExpressionException.At(line, column, $"unexpected character {ExpressionError.Quote(c.ToString())}{hint}");
    }
}
