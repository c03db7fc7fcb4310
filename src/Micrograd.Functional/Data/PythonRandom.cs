using System.Numerics;

namespace Micrograd.Functional.Data;

/// <summary>
/// CPython's <c>random</c> module (<c>random.seed</c>, <c>random.random</c>, <c>random.uniform</c>) reproduced
/// bit for bit, so that micrograd's weight initialisation, <c>random.uniform(-1, 1)</c> after
/// <c>random.seed(1337)</c>, can be replayed exactly.
/// </summary>
/// <remarks>
/// A stream: every draw advances the state, so one instance must not be shared between threads.
/// </remarks>
public sealed class PythonRandom
{
    private readonly Mt19937 _mt;

    /// <summary>
    /// The state of <c>random.seed(seed)</c> for an integer seed: MT19937 <c>init_by_array</c> with the
    /// 32-bit chunks of |seed|, least significant first (seed 1337 gives the key [1337], seed 0 the key [0]).
    /// As in CPython, a negative seed acts as its absolute value.
    /// </summary>
    /// <param name="seed">The integer seed, of any size.</param>
    public PythonRandom(BigInteger seed) => _mt = Mt19937.InitByArray(KeyOf(seed));

    /// <summary><c>random.random()</c>: (a · 67108864 + b) / 9007199254740992 with a = next32 ≫ 5 and b = next32 ≫ 6.</summary>
    /// <returns>A uniformly distributed double in [0, 1).</returns>
    public double Random() => _mt.NextDouble();

    /// <summary><c>random.uniform(a, b)</c>: a + (b − a) · <see cref="Random"/>.</summary>
    /// <param name="a">One end of the range.</param>
    /// <param name="b">The other end of the range.</param>
    /// <returns>A uniformly distributed double between a and b.</returns>
    public double Uniform(double a, double b) => a + (b - a) * Random();

    /// <summary><c>random.getrandbits(32)</c>: the next raw 32-bit output of the underlying MT19937.</summary>
    /// <returns>A uniformly distributed 32-bit word.</returns>
    public uint NextUInt32() => _mt.NextUInt32();

    /// <summary>CPython's <c>random_seed</c>: |n| split into 32-bit words, least significant first; at least one word.</summary>
    private static uint[] KeyOf(BigInteger seed)
    {
        var bytes = BigInteger.Abs(seed).ToByteArray(isUnsigned: true, isBigEndian: false);
        var key = new uint[Math.Max(1, (bytes.Length + 3) / 4)];
        for (var i = 0; i < bytes.Length; i++)
        {
            key[i / 4] |= (uint)bytes[i] << (8 * (i % 4));
        }

        return key;
    }
}
