namespace Micrograd.Functional.Bench.Graphs;

/// <summary>Deep graphs for measuring cost per node apart from the demo's shape.</summary>
public static class Chains
{
    /// <summary>
    /// A scalar recurrent net unrolled over <paramref name="inputs"/>: hₜ = tanh(w·hₜ₋₁ + xₜ), with
    /// xₜ a constant leaf. Three ops and one leaf per step, so the graph is as deep as it is long,
    /// and w receives a gradient from every step.
    /// </summary>
    /// <typeparam name="T">The node type.</typeparam>
    /// <typeparam name="TOps">The operations on <typeparamref name="T"/>.</typeparam>
    /// <param name="w">The shared recurrent weight.</param>
    /// <param name="h0">The initial state.</param>
    /// <param name="inputs">x₁ … x_N.</param>
    public static T Recurrence<T, TOps>(T w, T h0, double[] inputs)
        where TOps : struct, IScalarOps<T>
    {
        var h = h0;
        foreach (var x in inputs)
        {
            h = TOps.Tanh(TOps.Add(TOps.Mul(w, h), x));
        }

        return h;
    }

    /// <summary>The sum of <paramref name="leaves"/> as a left fold, ((l₀ + l₁) + l₂) + …: one node per leaf.</summary>
    /// <typeparam name="T">The node type.</typeparam>
    /// <typeparam name="TOps">The operations on <typeparamref name="T"/>.</typeparam>
    /// <param name="leaves">At least one leaf.</param>
    public static T LeftFoldSum<T, TOps>(T[] leaves)
        where TOps : struct, IScalarOps<T>
    {
        var sum = leaves[0];
        for (var k = 1; k < leaves.Length; k++)
        {
            sum = TOps.Add(sum, leaves[k]);
        }

        return sum;
    }
}
