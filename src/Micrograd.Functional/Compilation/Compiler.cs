using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Micrograd.Functional;

/// <summary>
/// Compiles a scalar function once into a flat tape (<see cref="CompiledFunction"/>) that evaluates
/// and differentiates it many times without building a graph or allocating.
/// </summary>
/// <remarks>
/// <para>
/// <b>Tracing.</b> Compile calls f once, on placeholder leaves, and records the graph it builds,
/// as JAX's <c>jit</c> does. Control flow is therefore frozen at trace time: a C# branch on
/// <see cref="Value.Data"/> inside f takes the path it took for the placeholder values, for every
/// later input. Operations whose kink is an op (ReLU) are fine: the op is on the tape and is
/// evaluated each time. <see cref="CompileChecked"/> traces twice and reports any structural difference.
/// </para>
/// <para>
/// <b>Inputs and constants.</b> Only the placeholder leaves passed to f are inputs. Every other leaf
/// in f's graph (a captured <see cref="Value"/> or a <c>double</c> operand) is frozen as a constant:
/// to differentiate with respect to model parameters, pass them as inputs.
/// </para>
/// </remarks>
public static class Compiler
{
    /// <summary>Traces <paramref name="f"/> on <paramref name="inputCount"/> placeholder leaves holding 0.</summary>
    /// <param name="f">The function, from its inputs to its output.</param>
    /// <param name="inputCount">The number of inputs, at least 1.</param>
    /// <returns>The immutable compiled function.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputCount"/> is below 1.</exception>
    public static CompiledFunction Compile(Func<Value[], Value> f, int inputCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputCount, 1);
        return Compile(f, new double[inputCount]);
    }

    /// <summary>Traces <paramref name="f"/> on placeholder leaves holding <paramref name="example"/> (what a branch on Data sees).</summary>
    /// <param name="f">The function, from its inputs to its output.</param>
    /// <param name="example">The placeholder values; their count is the input count.</param>
    public static CompiledFunction Compile(Func<Value[], Value> f, ReadOnlySpan<double> example)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (example.IsEmpty)
        {
            throw new ArgumentException("A compiled function needs at least one input.", nameof(example));
        }

        var inputs = new Value[example.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = new Value(example[i]);
        }

        var output = f(inputs) ?? throw new ArgumentNullException(nameof(f), "The function being compiled returned null.");
        return CompiledFunction.Trace(inputs, output);
    }

    /// <summary>
    /// Checked compilation: traces <paramref name="f"/> at two points and succeeds only if both traces
    /// have the same structure (ops, operands, exponents and constants). A difference means f branches
    /// on <see cref="Value.Data"/>, so one tape cannot serve every input; the error names the first one.
    /// </summary>
    /// <param name="f">The function.</param>
    /// <param name="first">The point to trace at; the returned function is this trace.</param>
    /// <param name="second">A second point, where f should take the same path.</param>
    public static Fin<CompiledFunction> CompileChecked(Func<Value[], Value> f, ReadOnlySpan<double> first, ReadOnlySpan<double> second)
    {
        if (first.Length != second.Length)
        {
            throw new ArgumentException($"Both points need the same number of inputs; got {first.Length} and {second.Length}.", nameof(second));
        }

        var a = Compile(f, first);
        var b = Compile(f, second);
        return a.StructuralDifference(b).Match(
            Some: difference => FinFail<CompiledFunction>(Error.New($"The function takes a different path at the second point: {difference}. Control flow on Value.Data is frozen when compiling; make the branch an op (e.g. Relu) or compile separately.")),
            None: () => FinSucc(a));
    }
}
