using Google.Protobuf;
using LanguageExt;

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
    /// Each primitive becomes the operator of the same formula: <c>Add</c>, <c>Mul</c>, <c>Pow</c> (a constant or a
    /// variable exponent), <c>Tanh</c>, <c>Exp</c>, <c>Log</c>, <c>Sin</c>, <c>Cos</c>, <c>Sqrt</c>, <c>Abs</c>,
    /// <c>Max</c>, <c>Min</c>; a stop-gradient is <c>Identity</c>. Where the ONNX operator's edge cases differ from the
    /// library's (ReLU at NaN, σ, which ONNX Runtime computes another way), or where it has no double kernel
    /// (softplus), the library's own formula is written out with elementwise operators:
    /// relu a = where(a &lt; 0, 0, a); σ(a) = 1/(1 + e⁻ᵃ); softplus a = max(a, 0) + log1p(e^−|a|), log1p as the
    /// library computes it; step a = where(a &gt; 0, 1, 0); where(a, b) = where(a &gt; 0, b, 0).
    /// A custom op (<see cref="CustomOp"/>) has no ONNX operator and is refused by name.
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
        return ToBytes(function).Bind(bytes => Write(path, bytes));
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
