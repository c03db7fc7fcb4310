namespace Micrograd.Playground.Expressions;

/// <summary>The kinds of token of the expression language.</summary>
internal enum TokenKind
{
    Number, Name, Plus, Minus, Star, Slash, StarStar, LeftParen, RightParen, Comma, Dot,
    Assign, PlusAssign, MinusAssign, StarAssign, SlashAssign, Newline, Semicolon, End,
}

/// <summary>One token: its kind, its text as typed, where it starts (1-based), and a number's value.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column, double Number = 0)
{
    /// <summary>The token as an error message shows it: quoted text, or "a new line" / "the end of the program".</summary>
    public string Describe() => Kind switch
    {
        TokenKind.Newline => "a new line",
        TokenKind.End => "the end of the program",
        _ => ExpressionError.Quote(Text),
    };
}
