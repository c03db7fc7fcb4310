namespace Micrograd.Functional.Data;

/// <summary>
/// numpy's legacy <c>RandomState</c>, the generator behind <c>np.random.seed(s)</c> and
/// <c>np.random.*</c>, reproduced bit for bit: MT19937 seeded with <c>init_genrand(s)</c>, plus the
/// legacy uniform, shuffle and Gaussian algorithms of numpy's C source. With the same seed and the same
/// sequence of calls it yields exactly the numbers numpy does, so sklearn's dataset generators and
/// micrograd's demo can be reproduced.
/// </summary>
/// <remarks>
/// A stream: every draw advances the state (including the cached second Gaussian of the polar
/// method), so one instance must not be shared between threads.
/// </remarks>
public sealed class NumpyRandomState
{
    private readonly Mt19937 _mt;
    private double _gauss;
    private bool _hasGauss;

    /// <summary>The state of <c>np.random.seed(seed)</c> (or <c>np.random.RandomState(seed)</c>): MT19937 <c>init_genrand(seed)</c>.</summary>
    /// <param name="seed">The seed; numpy accepts 0 to 2³² − 1.</param>
    public NumpyRandomState(uint seed) => _mt = Mt19937.InitGenrand(seed);

    /// <summary>The next raw 32-bit output of the underlying MT19937 (numpy's <c>next_uint32</c>).</summary>
    /// <returns>A uniformly distributed 32-bit word.</returns>
    public uint NextUInt32() => _mt.NextUInt32();

    /// <summary>
    /// <c>random_sample()</c> (also <c>rand()</c>, <c>random()</c>): (a · 67108864 + b) / 9007199254740992
    /// with a = next32 ≫ 5 and b = next32 ≫ 6, a double in [0, 1) with 53 random bits.
    /// </summary>
    /// <returns>A uniformly distributed double in [0, 1).</returns>
    public double RandomSample() => _mt.NextDouble();

    /// <summary><c>uniform(low, high)</c>: low + (high − low) · <see cref="RandomSample"/>, in [low, high).</summary>
    /// <param name="low">The lower bound, included.</param>
    /// <param name="high">The upper bound, excluded.</param>
    /// <returns>A uniformly distributed double in [low, high).</returns>
    /// <exception cref="ArgumentOutOfRangeException">high − low is not finite (numpy raises <c>OverflowError</c>).</exception>
    public double Uniform(double low, double high)
    {
        var range = high - low;
        if (!double.IsFinite(range))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"uniform needs a finite range; high − low is {range} for low = {low}.");
        }

        return low + range * RandomSample();
    }

    /// <summary>
    /// <c>shuffle(x)</c> in place: Fisher–Yates from i = n − 1 down to 1, swapping x[i] with x[j] where
    /// j = <c>random_interval(i)</c> is drawn by masked rejection: with mask the smallest all-ones value ≥ i,
    /// draw next32 ∧ mask until it is ≤ i.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The items to permute.</param>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)Interval((uint)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary><c>permutation(n)</c>: 0, 1, …, n − 1 put through <see cref="Shuffle{T}(Span{T})"/>.</summary>
    /// <param name="n">The number of indices.</param>
    /// <returns>A uniformly random permutation of 0..n − 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public int[] Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var indices = new int[n];
        for (var i = 0; i < n; i++)
        {
            indices[i] = i;
        }

        Shuffle<int>(indices);
        return indices;
    }

    /// <summary>
    /// <c>standard_normal()</c> by the legacy polar method (<c>legacy_gauss</c>): draw x₁ = 2u − 1 and
    /// x₂ = 2u − 1 until 0 &lt; r² = x₁² + x₂² &lt; 1, let f = √(−2 ln r² / r²), return f · x₂ and keep f · x₁
    /// for the next call.
    /// </summary>
    /// <returns>A standard normal deviate.</returns>
    public double StandardNormal()
    {
        if (_hasGauss)
        {
            _hasGauss = false;
            return _gauss;
        }

        double x1, x2, r2;
        do
        {
            x1 = 2.0 * RandomSample() - 1.0;
            x2 = 2.0 * RandomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        }
        while (r2 >= 1.0 || r2 == 0.0);

        var f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _gauss = f * x1;
        _hasGauss = true;
        return f * x2;
    }

    /// <summary><c>normal(loc, scale)</c> (<c>legacy_normal</c>): loc + scale · <see cref="StandardNormal"/>.</summary>
    /// <param name="loc">The mean μ.</param>
    /// <param name="scale">The standard deviation σ ≥ 0.</param>
    /// <returns>A deviate from N(μ, σ²).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative or NaN (numpy raises <c>ValueError</c>).</exception>
    public double Normal(double loc = 0.0, double scale = 1.0)
    {
        if (!(scale >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The standard deviation of a normal distribution must be ≥ 0.");
        }

        return loc + scale * StandardNormal();
    }

    /// <summary><c>random_interval(max)</c> for max ≥ 1 (<see cref="Shuffle{T}"/> never asks for 0): a uniform integer in [0, max] by masked rejection sampling.</summary>
    private uint Interval(uint max)
    {
        var mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max)
        {
        }

        return value;
    }
}
