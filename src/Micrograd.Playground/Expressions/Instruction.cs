namespace Micrograd.Playground.Expressions;

/// <summary>What an <see cref="Instruction"/> does to the evaluator's stack.</summary>
internal enum InstructionKind
{
    /// <summary>Pushes a plain number.</summary>
    Number,

    /// <summary>Pushes a variable's value.</summary>
    Load,

    /// <summary>Replaces the top with its negation.</summary>
    Negate,

    /// <summary>Pops b, then a; pushes a + b.</summary>
    Add,

    /// <summary>Pops b, then a; pushes a − b.</summary>
    Subtract,

    /// <summary>Pops b, then a; pushes a · b.</summary>
    Multiply,

    /// <summary>Pops b, then a; pushes a / b.</summary>
    Divide,

    /// <summary>Pops b, then a; pushes aᵇ.</summary>
    Power,

    /// <summary>Pops the arguments (the last on top); pushes the function's result.</summary>
    Call,
}

/// <summary>
/// One step of a statement's right-hand side in postfix order (operands before their operator), with the position of
/// the text it came from, for errors found while running. A flat list runs in a loop: no recursion at run time.
/// </summary>
internal readonly record struct Instruction(InstructionKind Kind, Token At, double Number = 0, string Name = "", int Arguments = 0);

/// <summary>What a statement does with its right-hand side.</summary>
internal enum StatementKind
{
    /// <summary><c>name = e</c>, <c>name += e</c>, …: binds the name.</summary>
    Assign,

    /// <summary><c>name.backward()</c>: names the program's output.</summary>
    Backward,
}

/// <summary>
/// One statement: <c>name op= code</c> (<see cref="Operator"/> is the token <c>=</c>, <c>+=</c>, <c>-=</c>, <c>*=</c>
/// or <c>/=</c>), or <c>name.backward()</c> with no code.
/// </summary>
internal sealed class Statement(StatementKind kind, Token name, Token @operator, IReadOnlyList<Instruction> code)
{
    /// <summary>An assignment or a backward call.</summary>
    public StatementKind Kind { get; } = kind;

    /// <summary>The variable's name token.</summary>
    public Token Name { get; } = name;

    /// <summary>The assignment operator token (the <c>backward</c> token for a backward call).</summary>
    public Token Operator { get; } = @operator;

    /// <summary>The right-hand side in postfix order.</summary>
    public IReadOnlyList<Instruction> Code { get; } = code;
}
