using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Nn
{
    /// <summary>
    /// The scalars a model computes in, so that <see cref="Neuron"/>, <see cref="Layer"/> and <see cref="Mlp"/> write
    /// each formula once: <see cref="Value"/> nodes (<c>Forward</c> builds the graph) or numbers (<c>Evaluate</c>, no
    /// graph). One formula, so the same operations in the same order, and the same bits.
    /// </summary>
    /// <typeparam name="T">The scalar type itself.</typeparam>
    internal interface IModelScalar<T> : IScalar<T>
        where T : IModelScalar<T>
    {
        /// <summary>A parameter (a weight or a bias) as this scalar: the node itself, or its number.</summary>
        /// <param name="parameter">The parameter's leaf.</param>
        static abstract T Parameter(Value parameter);

        /// <summary>The activation of <paramref name="z"/>: an op node, or the op table's forward formula on a number.</summary>
        /// <param name="activation">The activation.</param>
        /// <param name="z">A neuron's weighted sum.</param>
        static abstract T Activate(Activation activation, T z);
    }
}

namespace Micrograd.Functional
{
    /// <content>Numbers as a model's scalar: a parameter is its <see cref="Value.Data"/>.</content>
    internal readonly partial record struct Real : IModelScalar<Real>
    {
        public static Real Parameter(Value parameter) => new(parameter.Data);

        public static Real Activate(Activation activation, Real z) => new(activation.Apply(z.X));
    }

    /// <content>Nodes as a model's scalar: a parameter is its own leaf, so the graph reaches it.</content>
    public sealed partial record Value : IModelScalar<Value>
    {
        static Value IModelScalar<Value>.Parameter(Value parameter) => parameter;

        static Value IModelScalar<Value>.Activate(Activation activation, Value z) => activation.Apply(z);
    }
}
