using Micrograd.Functional;

namespace Micrograd.Playground.Expressions;

/// <summary>
/// Runs parsed statements in order: each right-hand side on a stack of <see cref="Operand"/>s (a loop over its postfix
/// instructions, no recursion), then binds the name. A number bound to a name becomes a leaf, so its gradient shows;
/// <c>a op= e</c> rebinds <c>a</c> to <c>a op e</c>, as Python does.
/// </summary>
internal sealed class Evaluator
{
    private readonly Dictionary<string, Value> values = new(StringComparer.Ordinal);
    private readonly List<string> order = []; // names in order of first assignment
    private readonly NodeCount nodes = new();
    private readonly Stack<Operand> stack = new();

    /// <summary>Runs <paramref name="statements"/> and returns the output and the variables.</summary>
    /// <param name="statements">The parsed program.</param>
    /// <param name="end">The end-of-program token, where an error about the whole program points.</param>
    /// <exception cref="ExpressionException">The first error while running.</exception>
    public static Evaluation Run(IReadOnlyList<Statement> statements, Token end) => new Evaluator().Program(statements, end);

    private Evaluation Program(IReadOnlyList<Statement> statements, Token end)
    {
        Value? output = null;
        Value? last = null;
        Statement? backward = null;
        foreach (var statement in statements)
        {
            if (statement.Kind == StatementKind.Backward)
            {
                if (backward is not null)
                {
                    throw ExpressionException.At(statement.Name, $"a program has one output, and line {backward.Name.Line} already calls `{backward.Name.Text}.backward()`");
                }

                output = Lookup(statement.Name);
                backward = statement;
                continue;
            }

            last = Assign(statement);
        }

        var result = output ?? last ?? throw ExpressionException.At(end,
            "the program has no output: assign at least one variable, e.g. `a = Value(2.0)` then `g = a * a`");
        return new Evaluation(result, [.. order.Select(name => new Variable(name, values[name]))], nodes.Count);
    }

    private Value Assign(Statement statement)
    {
        // Python reads the target of `a op= e` before it evaluates e.
        var current = statement.Operator.Kind == TokenKind.Assign ? default : Operand.Of(Lookup(statement.Name));
        var right = Run(statement.Code);
        var bound = statement.Operator.Kind switch
        {
            TokenKind.Assign => right,
            TokenKind.PlusAssign => current + right,
            TokenKind.MinusAssign => current - right,
            TokenKind.StarAssign => current * right,
            _ => current / right,
        };
        var value = bound.AsNode(); // a number bound to a name becomes a leaf
        nodes.Add(value, statement.Operator);
        if (!values.ContainsKey(statement.Name.Text))
        {
            order.Add(statement.Name.Text);
        }

        values[statement.Name.Text] = value;
        return value;
    }

    /// <summary>The value of a right-hand side: its postfix instructions run on the stack.</summary>
    private Operand Run(IReadOnlyList<Instruction> code)
    {
        stack.Clear();
        foreach (var instruction in code)
        {
            var result = instruction.Kind switch
            {
                InstructionKind.Number => Operand.Of(instruction.Number),
                InstructionKind.Load => Operand.Of(Lookup(instruction.At)),
                InstructionKind.Negate => -stack.Pop(),
                InstructionKind.Call => Call(instruction),
                _ => Binary(instruction.Kind, stack.Pop()),
            };
            if (result.Node is { } node)
            {
                nodes.Add(node, instruction.At);
            }

            stack.Push(result);
        }

        return stack.Pop();
    }

    private Operand Binary(InstructionKind kind, Operand b)
    {
        var a = stack.Pop();
        return kind switch
        {
            InstructionKind.Add => a + b,
            InstructionKind.Subtract => a - b,
            InstructionKind.Multiply => a * b,
            InstructionKind.Divide => a / b,
            _ => Operand.Power(a, b),
        };
    }

    private Operand Call(Instruction call)
    {
        if (call.Name == Functions.Leaf)
        {
            var data = stack.Pop();
            return data.Node is null
                ? Operand.Of(new Value(data.Number))
                : throw ExpressionException.At(call.At, "`Value(...)` takes a number and makes a new leaf; its argument here is already a Value (use it directly)");
        }

        if (call.Arguments == 2)
        {
            var b = stack.Pop().AsNode();
            var a = stack.Pop().AsNode();
            return Operand.Of(Functions.Binary.First(f => f.Name == call.Name).Apply(a, b));
        }

        return Operand.Of(Functions.Unary.First(f => f.Name == call.Name).Apply(stack.Pop().AsNode()));
    }

    private Value Lookup(Token name) => values.TryGetValue(name.Text, out var value)
        ? value
        : throw ExpressionException.At(name, $"`{name.Text}` is not defined{(Functions.Arity(name.Text) is not null ? $" (`{name.Text}` is a function: call it, e.g. `{name.Text}(x)`)" : "")}");
}
