using Google.Protobuf;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Micrograd.Functional.Onnx;

/// <summary>Compiled functions as ONNX graphs of elementwise ops.</summary>
public static partial class OnnxExport
{
    /// <summary>
    /// Writes <paramref name="function"/> to <paramref name="path"/> as an ONNX graph of elementwise operators over
    /// one-element tensors, one or a few per instruction of its tape, atomically. Its input is <see cref="InputName"/>,
    /// <c>[inputs]</c> doubles, split into one tensor per input; its output <see cref="OutputName"/>, <c>[1]</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each primitive becomes the operator of the same formula: <c>Add</c>, <c>Mul</c>, <c>Pow</c> (a constant or a
    /// variable exponent), <c>Tanh</c>, <c>Exp</c>, <c>Log</c>, <c>Sin</c>, <c>Cos</c>, <c>Sqrt</c>, <c>Abs</c>,
    /// <c>Max</c>, <c>Min</c>; a stop-gradient is <c>Identity</c>. The others are the library's own formulas written out
    /// with elementwise operators, so that their edge cases are the library's by construction, whatever a runtime's
    /// kernels for them do (and ONNX Runtime has no double softplus): relu a = where(a &lt; 0, 0, a), which keeps NaN
    /// and −0; σ(a) = 1/(1 + e⁻ᵃ); softplus a = max(a, 0) + log1p(e^−|a|) with log1p(x) = x where 1 + x rounds to 1,
    /// else ln(1 + x)·x/((1 + x) − 1); step a = where(a &gt; 0, 1, 0); where(a, b) = where(a &gt; 0, b, 0).
    /// A custom op (<see cref="CustomOp"/>) has no ONNX operator and is refused by name.
    /// </para>
    /// <para>
    /// Measured with ONNX Runtime 1.31.1 (double, CPU): with its graph rewrites off, every primitive gives the library's
    /// bits at ±0, ±1, tiny, huge, ±∞, NaN and random points, except the sign of a zero: max(+0, −0), min(−0, +0) and
    /// where(a &gt; 0, −0) may give the other zero (equal as numbers). With its rewrites on, a few roundings of
    /// intermediate results change: within 1e-12 relative on a function of every primitive.
    /// </para>
    /// </remarks>
    /// <param name="function">The compiled function.</param>
    /// <param name="path">The file to create or replace; its folder must exist.</param>
    /// <returns>Unit, or a failure naming what ONNX cannot express or why the file could not be written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or blank.</exception>
    public static Fin<Unit> Save(CompiledFunction function, string path)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return ToBytes(function).Match(bytes => Write(path, bytes), error => FinFail<Unit>(Error.New($"{path}: {error.Message}")));
    }

    /// <summary>The ONNX file of <paramref name="function"/> as bytes (what <see cref="Save(CompiledFunction, string)"/> writes).</summary>
    /// <param name="function">The compiled function.</param>
    /// <returns>The bytes, or a failure naming what ONNX cannot express (a custom op).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public static Fin<byte[]> ToBytes(CompiledFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return TapeGraph.Build(function).Map(m => m.ToByteArray());
    }
}
