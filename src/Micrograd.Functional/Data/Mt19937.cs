namespace Micrograd.Functional.Data;

/// <summary>
/// The 32-bit Mersenne Twister MT19937 of Matsumoto and Nishimura, bit for bit as the reference
/// <c>mt19937ar.c</c>: the generator behind both CPython's <c>random</c> module and numpy's legacy
/// <c>np.random</c>. Period 2¹⁹⁹³⁷ − 1; each output is a 32-bit word of the 624-word state, tempered.
/// </summary>
/// <remarks>
/// A generator is a stream: each draw changes its state, so one instance must not be shared
/// between threads. Create one per thread or per reproducible experiment.
/// </remarks>
public sealed class Mt19937
{
    /// <summary>n: the number of 32-bit words in the state.</summary>
    public const int StateSize = 624;

    private const int Shift = 397; // m: the middle word of the twist recurrence
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000; // the most significant w − r bits
    private const uint LowerMask = 0x7fffffff; // the least significant r bits

    private readonly uint[] _mt = new uint[StateSize];
    private int _index;

    private Mt19937()
    {
    }

    /// <summary>
    /// mt19937ar.c's <c>init_genrand(s)</c>: mt[0] = s, mt[i] = 1812433253 · (mt[i−1] ⊕ (mt[i−1] ≫ 30)) + i (mod 2³²).
    /// This is numpy's <c>np.random.seed(s)</c>; <c>InitGenrand(5489)</c> is the reference's default seed.
    /// </summary>
    /// <param name="seed">The 32-bit seed.</param>
    /// <returns>A generator whose first output is the first word after one twist of that state.</returns>
    public static Mt19937 InitGenrand(uint seed)
    {
        var generator = new Mt19937();
        generator.Seed(seed);
        return generator;
    }

    /// <summary>
    /// mt19937ar.c's <c>init_by_array(key)</c>: <c>init_genrand(19650218)</c>, then the key is mixed into
    /// the state non-linearly, and mt[0] is set to 0x80000000 so the state is never all zero.
    /// This is CPython's <c>random.seed(n)</c> with the key the 32-bit chunks of |n|, least significant first.
    /// </summary>
    /// <param name="key">The key; at least one word.</param>
    /// <returns>A generator seeded with the key.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public static Mt19937 InitByArray(ReadOnlySpan<uint> key)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("init_by_array needs a key of at least one 32-bit word.", nameof(key));
        }

        var generator = new Mt19937();
        generator.Seed(19650218);
        var mt = generator._mt;
        unchecked
        {
            int i = 1, j = 0;
            for (var k = Math.Max(StateSize, key.Length); k > 0; k--)
            {
                mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j;
                i++;
                j++;
                if (i >= StateSize)
                {
                    mt[0] = mt[StateSize - 1];
                    i = 1;
                }

                if (j >= key.Length)
                {
                    j = 0;
                }
            }

            for (var k = StateSize - 1; k > 0; k--)
            {
                mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint)i;
                i++;
                if (i >= StateSize)
                {
                    mt[0] = mt[StateSize - 1];
                    i = 1;
                }
            }
        }

        mt[0] = 0x80000000;
        return generator;
    }

    /// <summary>
    /// mt19937ar.c's <c>genrand_int32()</c>: the next word of the state, tempered
    /// (y ⊕= y ≫ 11; y ⊕= (y ≪ 7) ∧ 0x9d2c5680; y ⊕= (y ≪ 15) ∧ 0xefc60000; y ⊕= y ≫ 18).
    /// The whole state is twisted once every 624 draws.
    /// </summary>
    /// <returns>A uniformly distributed 32-bit word.</returns>
    public uint NextUInt32()
    {
        if (_index >= StateSize)
        {
            Twist();
        }

        var y = _mt[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    /// <summary>
    /// genrand_res53: a double in [0, 1) with 53 random bits, (a · 2²⁶ + b) / 2⁵³ with a = next ≫ 5 and
    /// b = next ≫ 6. Both CPython's <c>random.random()</c> and numpy's <c>random_sample()</c> use it.
    /// </summary>
    /// <returns>A uniformly distributed double in [0, 1).</returns>
    public double NextDouble()
    {
        var a = NextUInt32() >> 5;
        var b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    private void Seed(uint seed)
    {
        _mt[0] = seed;
        unchecked
        {
            for (var i = 1; i < StateSize; i++)
            {
                _mt[i] = 1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i;
            }
        }

        _index = StateSize; // the first draw twists
    }

    /// <summary>Regenerates all 624 words: mt[k] = mt[k + m] ⊕ (y ≫ 1) ⊕ (y odd ? 0x9908b0df : 0), y = upper(mt[k]) | lower(mt[k + 1]).</summary>
    private void Twist()
    {
        var mt = _mt;
        for (var k = 0; k < StateSize; k++)
        {
            var y = (mt[k] & UpperMask) | (mt[(k + 1) % StateSize] & LowerMask);
            mt[k] = mt[(k + Shift) % StateSize] ^ (y >> 1) ^ ((y & 1) == 0 ? 0u : MatrixA);
        }

        _index = 0;
    }
}
