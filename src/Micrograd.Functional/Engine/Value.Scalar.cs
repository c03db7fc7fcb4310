namespace Micrograd.Functional;

/// <summary>
/// <see cref="Value"/> as a scalar of the rule table: evaluating a derivative rule on nodes builds
/// the derivative as a graph, which can be differentiated again. Every choice a rule makes (ReLU's
/// step, |a|'s sign, pow's special cases, max's tie) is an op node here, never a C# branch on a
/// node's data, so a compiled symbolic gradient takes it afresh at every input.
/// </summary>
public sealed partial record Value : IScalar<Value>
{
    static Value IScalar<Value>.Constant(double c) => new(c);

    static Value IScalar<Value>.Pow(Value a, double p) => a.Pow(p);

    static Value IScalar<Value>.Pow(Value a, Value b) => a.Pow(b);

    static Value IScalar<Value>.Sigmoid(Value a) => a.Sigmoid();

    static Value IScalar<Value>.Step(Value a) => a.Step();

    static Value IScalar<Value>.Log(Value a) => a.Log();

    static Value IScalar<Value>.Sin(Value a) => a.Sin();

    static Value IScalar<Value>.Cos(Value a) => a.Cos();

    static Value IScalar<Value>.Where(Value mask, Value x) => Binary(Op.Where, mask, x);
}
