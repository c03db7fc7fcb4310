using System.Collections.Immutable;
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
/// as JAX's <c>jit</c> does. The tape is fixed, so a C# branch on a traced value would be frozen at
/// the path the placeholders took. Compile therefore refuses it: reading <see cref="Value.Data"/> of
/// a node that depends on an input throws <see cref="InvalidOperationException"/> while tracing, with
/// what to do instead. Choices written as ops (<see cref="Value.Relu()"/>, and the other kinked
/// primitives) are on the tape and are evaluated at every call.
/// </para>
/// <para>
/// <b>Logging while tracing.</b> Print the node itself: <see cref="Value.ToString"/> shows its
/// placeholder value marked as traced. <see cref="CompileChecked"/> traces at real points, where
/// <see cref="Value.Data"/> can be read, and reports where the two traces differ.
/// </para>
/// <para>
/// <b>Inputs and constants.</b> Only the placeholder leaves passed to f are inputs. Every other leaf
/// in f's graph (a captured <see cref="Value"/> or a <c>double</c> operand) is frozen as a constant:
/// to differentiate with respect to model parameters, pass them as inputs.
/// </para>
/// </remarks>
public static class Compiler
{
    /// <summary>Traces <paramref name="f"/> on <paramref name="inputCount"/> placeholder inputs.</summary>
    /// <param name="f">The function, from its inputs to its output.</param>
    /// <param name="inputCount">The number of inputs, at least 1.</param>
    /// <returns>The immutable compiled function.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputCount"/> is below 1.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="f"/> read <see cref="Value.Data"/> of a traced node.</exception>
    public static CompiledFunction Compile(Func<Value[], Value> f, int inputCount)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputCount, 1);
        return Trace(f, new double[inputCount], traced: true);
    }

    /// <summary>
    /// Checked compilation: traces <paramref name="f"/> at two real points, where it may read
    /// <see cref="Value.Data"/>, and succeeds only if both traces have the same structure (ops,
    /// operands, exponents and constants). A difference means f branches on the data, so one tape
    /// cannot serve every input; the error names the first one.
    /// </summary>
    /// <param name="f">The function.</param>
    /// <param name="first">The point to trace at; the returned function is this trace.</param>
    /// <param name="second">A second point, where f should take the same path.</param>
    /// <exception cref="ArgumentException">The points are empty or of different lengths.</exception>
    public static Fin<CompiledFunction> CompileChecked(Func<Value[], Value> f, ImmutableArray<double> first, ImmutableArray<double> second)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (first.IsDefaultOrEmpty || second.IsDefaultOrEmpty || first.Length != second.Length)
        {
            throw new ArgumentException($"Both points need the same number of inputs, at least 1; got {Length(first)} and {Length(second)}.", nameof(second));
        }

        var a = Trace(f, first.AsSpan(), traced: false);
        var b = Trace(f, second.AsSpan(), traced: false);
        return a.StructuralDifference(b).Match(
            Some: difference => FinFail<CompiledFunction>(Error.New($"The function takes a different path at the second point: {difference}. A compiled function runs one fixed tape; make the branch an op (Relu, Max, Min, Abs, Step) or compile each branch separately.")),
            None: () => FinSucc(a));

        static int Length(ImmutableArray<double> point) => point.IsDefault ? 0 : point.Length;
    }

    /// <summary>
    /// Traces <paramref name="f"/> like <see cref="Compile"/>, keeping the nodes it returns as probes: a batched run
    /// (<see cref="BatchedFunction"/>) reports their values per sample besides the output (a model's scores, say).
    /// </summary>
    internal static CompiledFunction CompileWithProbes(Func<Value[], (Value Output, IReadOnlyList<Value> Probes)> f, int inputCount)
    {
        var inputs = new Value[inputCount];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = Value.Tracer(0.0);
        }

        var (output, probes) = f(inputs);
        return CompiledFunction.Trace(inputs, output, probes);
    }

    /// <summary>Calls <paramref name="f"/> on fresh leaves holding <paramref name="point"/> (tracers or plain leaves) and records the graph.</summary>
    private static CompiledFunction Trace(Func<Value[], Value> f, ReadOnlySpan<double> point, bool traced)
    {
        var inputs = new Value[point.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = traced ? Value.Tracer(point[i]) : new Value(point[i]);
        }

        var output = f(inputs) ?? throw new ArgumentNullException(nameof(f), "The function being compiled returned null.");
        return CompiledFunction.Trace(inputs, output);
    }
}
