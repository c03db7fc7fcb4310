namespace Micrograd.Functional;

/// <summary>
/// <see cref="Value"/> as a scalar of the rule table: evaluating a derivative rule on nodes builds
/// the derivative as a graph, which can be differentiated again.
/// </summary>
public sealed partial record Value : IScalar<Value>
{
    static Value IScalar<Value>.Constant(double c) => new(c);

    static Value IScalar<Value>.Pow(Value a, double p) => a.Pow(p);

    static Value IScalar<Value>.Sigmoid(Value a) => a.Sigmoid();

    // ReLU's derivative is a step: locally constant, so its own derivative is 0 (a constant leaf).
    static Value IScalar<Value>.Step(Value a) => new(a.Primal > 0 ? 1.0 : 0.0);
}
