using static Micrograd.Playground.Expressions.ExpressionException;

namespace Micrograd.Playground.Expressions;

/// <summary>The parser's reading of tokens: one token of lookahead, parentheses and their nesting, and emitting instructions.</summary>
internal sealed partial class Parser
{
    /// <summary>Reads the inside of parentheses (new lines ignored there) and the closing parenthesis.</summary>
    private void Parenthesized(Token paren, Action inside)
    {
        open.Push(paren);
        inside();
        if (Peek.Kind != TokenKind.RightParen)
        {
            throw Peek.Kind == TokenKind.End || Peek.Line > previous.Line // a new line where `)` should be: Python's reading
                ? At(paren, "`(` is never closed")
                : At(Peek, $"expected `)` or an operator, found {Peek.Describe()}");
        }

        open.Pop();
        Next();
    }

    /// <summary>Runs <paramref name="parse"/> one nesting level deeper, refusing to pass <see cref="ExpressionLimits.MaxNesting"/>.</summary>
    private void Nested(Token at, Action parse)
    {
        if (++nesting > ExpressionLimits.MaxNesting)
        {
            throw At(at, $"the expression nests deeper than {ExpressionLimits.MaxNesting} levels of parentheses, calls, unary minus and `**`, the limit (ExpressionLimits.MaxNesting)");
        }

        parse();
        nesting--;
    }

    /// <summary>The next token, new lines skipped inside parentheses.</summary>
    private Token Peek
    {
        get
        {
            while (open.Count > 0 && tokens.Current.Kind == TokenKind.Newline)
            {
                tokens.MoveNext();
            }

            return tokens.Current;
        }
    }

    /// <summary>Reads the next token (new lines skipped inside parentheses); the End token is never passed.</summary>
    private Token Next()
    {
        var token = Peek;
        previous = token;
        if (token.Kind != TokenKind.End)
        {
            tokens.MoveNext();
        }

        return token;
    }

    private Token Expect(TokenKind kind, string what)
    {
        var token = Next();
        return token.Kind == kind ? token : throw At(token, $"expected {what}, found {token.Describe()}");
    }

    private void Emit(InstructionKind kind, Token at, double number = 0, string name = "", int arguments = 0) =>
        code.Add(new Instruction(kind, at, number, name, arguments));
}
