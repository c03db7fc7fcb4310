namespace Micrograd.Functional.Tests.Compilation;

/// <summary>
/// A neuron's inner loop, acc ← acc + w·x, runs on the tape as one chain with its sums in registers;
/// it must still give the engine's numbers bit for bit, wherever a chain starts, stops or shares an operand.
/// </summary>
public class MultiplyAccumulateTests
{
    private static long[] Bits(IEnumerable<double> xs) => [.. xs.Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>
    /// Random layers of neurons b + Σ wₖ·xₖ. Operands come from the inputs, earlier neurons and fresh
    /// constants, and may repeat or be the chain's own start; now and then a product or a partial sum
    /// is used again later, which must cut the chain there.
    /// </summary>
    internal static Value Layers(Value[] x, int seed)
    {
        var random = new Random(seed);
        var pool = new List<Value>(x);
        Value Pick() => random.Next(4) == 0 ? new Value(2 * random.NextDouble() - 1) : pool[random.Next(pool.Count)];
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var acc = Pick();
            for (var k = random.Next(1, 7); k > 0; k--)
            {
                var product = Pick() * Pick();
                if (random.Next(8) == 0)
                {
                    pool.Add(product); // a product with a second use
                }

                acc += product;
                if (random.Next(8) == 0)
                {
                    pool.Add(acc); // a partial sum with a second use
                }
            }

            pool.Add(random.Next(3) switch { 0 => acc.Relu(), 1 => acc.Tanh(), _ => acc });
        }

        var output = pool[^1];
        for (var k = random.Next(0, 3); k > 0; k--)
        {
            output = random.Next(2) == 0 ? output * Pick() : output + Pick();
        }

        return output;
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public void Chains_of_multiply_accumulate_give_the_engines_value_and_gradient_bit_for_bit(int seed, byte inputCount)
    {
        var n = 1 + inputCount % 4;
        var random = new Random(seed ^ 0x5eed);
        var inputs = Enumerable.Range(0, n).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        var compiled = Compiler.Compile(x => Layers(x, seed), n);

        var leaves = inputs.Select(v => new Value(v)).ToArray();
        var output = Layers(leaves, seed);
        var grads = output.Backward();

        var gradient = new double[n];
        var value = compiled.ValueAndGrad(inputs, gradient);
        Assert.Equal(BitConverter.DoubleToInt64Bits(output.Data), BitConverter.DoubleToInt64Bits(value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(output.Data), BitConverter.DoubleToInt64Bits(compiled.Evaluate(inputs)));
        Assert.Equal(Bits(grads.For(leaves)), Bits(gradient));
    }

    [Fact]
    public void A_neuron_compiles_to_one_chain_and_a_shared_partial_sum_cuts_it_in_two()
    {
        // b + w₀x₀ + w₁x₁ + w₂x₂ over inputs [b, w₀, x₀, w₁, x₁, w₂, x₂].
        static Value Neuron(Value[] p) => p[0] + p[1] * p[2] + p[3] * p[4] + p[5] * p[6];
        Assert.Equal(1, Compiler.Compile(Neuron, 7).ChainCount);

        static Value Shared(Value[] p)
        {
            var half = p[0] + p[1] * p[2] + p[3] * p[4];
            return (half + p[5] * p[6]) * half; // half is used twice: the chain must stop there
        }

        var shared = Compiler.Compile(Shared, 7);
        Assert.Equal(2, shared.ChainCount);
        double[] at = [0.5, -1.0, 2.0, 0.25, -3.0, 1.5, 0.75];
        var gradient = new double[7];
        var half = 0.5 - 2.0 - 0.75;
        var full = half + 1.125;
        Assert.Equal(full * half, shared.ValueAndGrad(at, gradient), 14);
        // d/dp of (half + w₂x₂)·half: ∂/∂half = half + full, ∂/∂(w₂x₂) = half.
        double[] expected = [half + full, 2.0 * (half + full), -1.0 * (half + full), -3.0 * (half + full), 0.25 * (half + full), 0.75 * half, 1.5 * half];
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(expected[i], gradient[i], 14);
        }
    }
}
