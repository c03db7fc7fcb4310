namespace Micrograd.Playground.Expressions;

/// <summary>What running a program gave: an <see cref="Evaluation"/>, or the first <see cref="ExpressionError"/>.</summary>
public sealed class ExpressionResult
{
    private ExpressionResult(Evaluation? evaluation, ExpressionError? error) => (Evaluation, Error) = (evaluation, error);

    /// <summary>The program's output and variables; null when it failed.</summary>
    public Evaluation? Evaluation { get; }

    /// <summary>The first error; null when the program ran.</summary>
    public ExpressionError? Error { get; }

    internal static ExpressionResult Of(Evaluation evaluation) => new(evaluation, null);

    internal static ExpressionResult Of(ExpressionError error) => new(null, error);
}

/// <summary>
/// The expression language of the playground's lab (EXPRESSIONS.md): micrograd's README program runs in it verbatim and
/// builds the same graph, bit for bit, as the same program in C#.
/// </summary>
public static class Expression
{
    /// <summary>
    /// Reads and runs <paramref name="source"/>. Never throws on any text: bad input gives the first error with its line
    /// and column, and <see cref="ExpressionLimits"/> bound the time and memory any text can take.
    /// </summary>
    /// <param name="source">The program.</param>
    public static ExpressionResult Run(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            if (source.Length > ExpressionLimits.MaxSourceLength)
            {
                var line = 1 + source.AsSpan(0, ExpressionLimits.MaxSourceLength).Count('\n');
                var column = ExpressionLimits.MaxSourceLength - source.LastIndexOf('\n', ExpressionLimits.MaxSourceLength - 1);
                throw ExpressionException.At(line, column,
                    $"the program is {source.Length:N0} characters long; the limit is {ExpressionLimits.MaxSourceLength:N0} (ExpressionLimits.MaxSourceLength), passed here");
            }

            var (runnable, skipped) = SkippedLines.Blank(source);
            var (statements, end) = Parser.Parse(Lexer.Tokenize(runnable));
            return ExpressionResult.Of(Evaluator.Run(statements, end).WithSkipped(skipped));
        }
        catch (ExpressionException e)
        {
            return ExpressionResult.Of(e.Error);
        }
    }
}
