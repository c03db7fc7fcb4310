using Micrograd.Functional.Bench.Graphs;

namespace Micrograd.Functional.Bench.Engine;

/// <summary>The benchmark graphs' operations on the library's immutable <see cref="Value"/>: its own operators.</summary>
public readonly struct EngineOps : IScalarOps<Value>
{
    /// <inheritdoc/>
    public static Value Leaf(double data) => new(data);

    /// <inheritdoc/>
    public static Value Add(Value a, Value b) => a + b;

    /// <inheritdoc/>
    public static Value Add(Value a, double c) => a + c;

    /// <inheritdoc/>
    public static Value Add(double c, Value a) => c + a;

    /// <inheritdoc/>
    public static Value Mul(Value a, Value b) => a * b;

    /// <inheritdoc/>
    public static Value Mul(Value a, double c) => a * c;

    /// <inheritdoc/>
    public static Value Mul(double c, Value a) => c * a;

    /// <inheritdoc/>
    public static Value Relu(Value a) => a.Relu();

    /// <inheritdoc/>
    public static Value Tanh(Value a) => a.Tanh();
}
