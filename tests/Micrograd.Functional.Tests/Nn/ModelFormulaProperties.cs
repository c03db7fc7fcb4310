using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Nn;

/// <summary>
/// A model's formula is written once (<c>Apply&lt;T&gt;</c>) for nodes and numbers, so <c>Forward</c> (the graph) and
/// <c>Evaluate</c> (plain doubles) cannot drift: on any model and any input they give the same bits.
/// </summary>
public sealed class ModelFormulaProperties
{
    [Property(MaxTest = 200)]
    public Property Forward_and_Evaluate_give_the_same_bits_on_any_model_and_input() =>
        Prop.ForAll(Models().ToArbitrary(), ((Mlp Model, double[] X) c) =>
        {
            var graph = c.Model.Forward(c.X).Select(v => Engine.ReferenceBackwardProperties.Bits(v.Data)); // every NaN as one
            var numbers = c.Model.Evaluate(c.X).Select(Engine.ReferenceBackwardProperties.Bits);
            Assert.Equal(graph, numbers);
        });

    [Property(MaxTest = 100)]
    public Property A_layer_and_a_neuron_agree_the_same_way() =>
        Prop.ForAll(Models().ToArbitrary(), ((Mlp Model, double[] X) c) =>
        {
            var layer = c.Model.Layers[0];
            var nodes = c.X.Select(x => new Value(x)).ToArray();
            Assert.Equal(layer.Forward(nodes).Select(v => v.Data), layer.Evaluate(c.X));
            Assert.Equal(layer.Neurons[0].Forward(nodes).Data, layer.Neurons[0].Evaluate(c.X));
        });

    /// <summary>Random shapes (1–4 inputs, 0–3 hidden layers of 1–6, 1–3 outputs), activations, seeds, and inputs including 0, ±∞ and NaN.</summary>
    private static Gen<(Mlp, double[])> Models() =>
        from inputs in Gen.Choose(1, 4)
        from hidden in Gen.ListOf(Gen.Choose(1, 6)).Select(h => h.Take(3).ToArray())
        from outputs in Gen.Choose(1, 3)
        from activations in Gen.Elements(Enum.GetValues<Activation>()).Two()
        from seed in Gen.Choose(0, 10_000)
        from x in Gen.ArrayOf(Gen.OneOf(Gen.Elements(0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN), Gen.Choose(-3000, 3000).Select(k => k / 1000.0), ArbMap.Default.GeneratorFor<double>()), inputs)
        select (Mlp.Create(inputs, [.. hidden, outputs], seed, activations.Item1, activations.Item2), x);
}
