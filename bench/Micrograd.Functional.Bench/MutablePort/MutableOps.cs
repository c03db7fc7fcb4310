using Micrograd.Functional.Bench.Graphs;

namespace Micrograd.Functional.Bench.MutablePort;

/// <summary>The benchmark graphs' operations on the mutable port's <see cref="MutableValue"/>: its own operators.</summary>
public readonly struct MutableOps : IScalarOps<MutableValue>
{
    /// <inheritdoc/>
    public static MutableValue Leaf(double data) => new(data);

    /// <inheritdoc/>
    public static MutableValue Add(MutableValue a, MutableValue b) => a + b;

    /// <inheritdoc/>
    public static MutableValue Add(MutableValue a, double c) => a + c;

    /// <inheritdoc/>
    public static MutableValue Add(double c, MutableValue a) => c + a;

    /// <inheritdoc/>
    public static MutableValue Mul(MutableValue a, MutableValue b) => a * b;

    /// <inheritdoc/>
    public static MutableValue Mul(MutableValue a, double c) => a * c;

    /// <inheritdoc/>
    public static MutableValue Mul(double c, MutableValue a) => c * a;

    /// <inheritdoc/>
    public static MutableValue Relu(MutableValue a) => a.Relu();

    /// <inheritdoc/>
    public static MutableValue Tanh(MutableValue a) => a.Tanh();
}
