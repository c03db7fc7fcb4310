using static Micrograd.Playground.Expressions.ExpressionException;

namespace Micrograd.Playground.Expressions;

/// <summary>
/// Reads tokens into statements whose right-hand sides are postfix instruction lists, by recursive descent with
/// Python's precedence (lowest first): <c>+ -</c>, then <c>* /</c>, then unary <c>-</c>, then <c>**</c>
/// (right-associative, and binding tighter than a unary minus on its left: <c>-a**2</c> is <c>-(a**2)</c>), then calls
/// and methods. Left-associative chains are loops; only nesting recurses, and nesting is bounded by
/// <see cref="ExpressionLimits.MaxNesting"/>. Inside parentheses new lines are ignored, as in Python.
/// </summary>
internal sealed partial class Parser
{
    private readonly IEnumerator<Token> tokens;
    private readonly Stack<Token> open = new(); // the unclosed parentheses, for "never closed" errors
    private int nesting;
    private Token previous; // the last token read
    private List<Instruction> code = [];

    private Parser(IEnumerator<Token> tokens)
    {
        this.tokens = tokens;
        tokens.MoveNext(); // the lexer always ends with an End token
    }

    /// <summary>The statements of the program made of <paramref name="tokens"/>, and its End token (where errors about the whole program point).</summary>
    /// <exception cref="ExpressionException">The first error, lexical or syntactic, in the order of the text.</exception>
    public static (List<Statement> Statements, Token End) Parse(IEnumerable<Token> tokens)
    {
        using var reader = tokens.GetEnumerator();
        var parser = new Parser(reader);
        return (parser.Program(), parser.Peek);
    }

    /// <summary>program := { [statement] (new line | ;) } end</summary>
    private List<Statement> Program()
    {
        var statements = new List<Statement>();
        while (Peek.Kind != TokenKind.End)
        {
            if (Peek.Kind is TokenKind.Newline or TokenKind.Semicolon)
            {
                Next();
                continue;
            }

            statements.Add(Statement());
            if (Peek.Kind == TokenKind.RightParen)
            {
                throw At(Peek, "unmatched `)`: no `(` is open here");
            }

            if (Peek.Kind is not (TokenKind.Newline or TokenKind.Semicolon or TokenKind.End))
            {
                throw At(Peek, $"expected a new line or `;` after the statement, found {Peek.Describe()}");
            }
        }

        return statements;
    }

    /// <summary>statement := name (= | += | -= | *= | /=) expression | name . backward ( )</summary>
    private Statement Statement()
    {
        var name = Next();
        if (name.Kind != TokenKind.Name)
        {
            throw At(name, $"a statement starts with a variable name (`name = expression` or `name.backward()`), found {name.Describe()}");
        }

        if (name.Text is "from" or "import")
        {
            throw At(name, "imports are not needed: `Value` and the functions are built in; delete this line");
        }

        if (Peek.Kind == TokenKind.LeftParen)
        {
            Call(name); // a call as a statement: report an unknown function (print) first, as the expression would
            throw At(name, $"a call on its own does nothing: assign its result, e.g. `y = {name.Text}(...)`");
        }

        if (Peek.Kind == TokenKind.Dot)
        {
            Next();
            var method = Next();
            if (method.Kind != TokenKind.Name || method.Text != "backward")
            {
                throw At(method, $"a statement of its own can only be `{name.Text}.backward()`; to use {method.Describe()}, assign the result, e.g. `y = {name.Text}.relu()`");
            }

            Expect(TokenKind.LeftParen, "`(` after `backward`");
            Expect(TokenKind.RightParen, "`)`: `backward()` takes no arguments");
            return new Statement(StatementKind.Backward, name, method, []);
        }

        var assign = Next();
        if (assign.Kind is not (TokenKind.Assign or TokenKind.PlusAssign or TokenKind.MinusAssign or TokenKind.StarAssign or TokenKind.SlashAssign))
        {
            throw At(assign, $"expected `=`, `+=`, `-=`, `*=` or `/=` after the name `{name.Text}`, found {assign.Describe()}");
        }

        if (Functions.Arity(name.Text) is not null)
        {
            throw At(name, $"`{name.Text}` is a function and cannot be assigned to");
        }

        code = [];
        Expression();
        return new Statement(StatementKind.Assign, name, assign, code);
    }

    /// <summary>expression := term { (+ | -) term }</summary>
    private void Expression()
    {
        Term();
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Next();
            Term();
            Emit(op.Kind == TokenKind.Plus ? InstructionKind.Add : InstructionKind.Subtract, op);
        }
    }

    /// <summary>term := unary { (* | /) unary }</summary>
    private void Term()
    {
        Unary();
        while (Peek.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Next();
            Unary();
            Emit(op.Kind == TokenKind.Star ? InstructionKind.Multiply : InstructionKind.Divide, op);
        }
    }

    /// <summary>unary := - unary | power</summary>
    private void Unary()
    {
        if (Peek.Kind != TokenKind.Minus)
        {
            Power();
            return;
        }

        var minus = Next();
        Nested(minus, Unary);
        Emit(InstructionKind.Negate, minus);
    }

    /// <summary>power := postfix [ ** unary ]  (right-associative: the exponent may itself be a power)</summary>
    private void Power()
    {
        Postfix();
        if (Peek.Kind == TokenKind.StarStar)
        {
            var op = Next();
            Nested(op, Unary);
            Emit(InstructionKind.Power, op);
        }
    }

    /// <summary>postfix := primary { . method ( ) }</summary>
    private void Postfix()
    {
        Primary();
        while (Peek.Kind == TokenKind.Dot)
        {
            Next();
            var method = Next();
            if (method.Kind == TokenKind.Name && method.Text == "backward")
            {
                throw At(method, "`backward()` is a statement of its own, e.g. `g.backward()` on a line by itself");
            }

            if (method.Kind != TokenKind.Name || !Functions.IsMethod(method.Text))
            {
                throw At(method, $"{method.Describe()} is not a method; the methods are {string.Join(", ", Functions.Unary.Select(f => f.Name + "()"))}");
            }

            Expect(TokenKind.LeftParen, $"`(` after the method `{method.Text}`");
            Expect(TokenKind.RightParen, $"`)`: the method `{method.Text}()` takes no arguments");
            Emit(InstructionKind.Call, method, name: method.Text, arguments: 1);
        }
    }

    /// <summary>primary := number | name | name ( arguments ) | ( expression )</summary>
    private void Primary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Number:
                Emit(InstructionKind.Number, token, number: token.Number);
                break;
            case TokenKind.Name when Peek.Kind == TokenKind.LeftParen:
                Call(token);
                break;
            case TokenKind.Name:
                Emit(InstructionKind.Load, token, name: token.Text);
                break;
            case TokenKind.LeftParen:
                Nested(token, () => Parenthesized(token, Expression));
                break;
            case TokenKind.RightParen:
                throw At(token, "unmatched `)`: no `(` is open here");
            case TokenKind.End when open.Count > 0:
                throw At(open.Peek(), "`(` is never closed");
            default:
                throw At(token, $"expected a number, a name or `(`, found {token.Describe()}");
        }
    }

    /// <summary>name ( expression { , expression } ): a known function with its number of arguments.</summary>
    private void Call(Token name)
    {
        var arity = Functions.Arity(name.Text) ?? throw At(name, name.Text == "print"
            ? "`print(...)` is not supported: the page shows the output's value and every variable's gradient"
            : $"`{name.Text}` is not a function; the functions are {Functions.Known}");
        var paren = Next();
        var count = 0;
        Nested(paren, () => Parenthesized(paren, () =>
        {
            if (Peek.Kind == TokenKind.RightParen)
            {
                return;
            }

            Expression();
            count++;
            while (Peek.Kind == TokenKind.Comma)
            {
                Next();
                Expression();
                count++;
            }
        }));
        if (count != arity)
        {
            throw At(name, $"`{name.Text}` takes {arity} argument{(arity == 1 ? "" : "s")}, got {count}");
        }

        Emit(InstructionKind.Call, name, name: name.Text, arguments: count);
    }
}
