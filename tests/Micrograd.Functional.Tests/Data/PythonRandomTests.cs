using Micrograd.Functional.Data;

namespace Micrograd.Functional.Tests.Data;

/// <summary>
/// <see cref="PythonRandom"/> against CPython. Every expected number here was printed by CPython 3.11's
/// <c>random</c> module on this machine, for example
/// <c>python3 -c "import random; random.seed(1337); print([repr(random.random()) for _ in range(5)]); print(repr(random.uniform(-1,1)))"</c>.
/// </summary>
public class PythonRandomTests
{
    [Fact]
    public void Seed_1337_gives_the_same_first_five_randoms_as_CPython()
    {
        var random = new PythonRandom(1337);
        double[] cpython = [0.6177528569514706, 0.5332655736050008, 0.36584835924937553, 0.5857873539022715, 0.16568728368878083];
        Assert.Equal(cpython, Enumerable.Range(0, 5).Select(_ => random.Random()));
    }

    [Fact]
    public void Uniform_after_five_randoms_matches_CPython()
    {
        var random = new PythonRandom(1337);
        for (var i = 0; i < 5; i++)
        {
            random.Random();
        }

        Assert.Equal(0.6487474938152629, random.Uniform(-1, 1));
    }

    [Fact]
    public void Micrograds_first_weight_uniform_minus_one_to_one_after_seed_1337_matches_CPython()
    {
        // micrograd's Neuron draws random.uniform(-1, 1) for each weight after random.seed(1337).
        Assert.Equal(0.23550571390294128, new PythonRandom(1337).Uniform(-1, 1));
    }

    [Fact]
    public void A_seed_wider_than_32_bits_is_split_into_words_least_significant_first()
    {
        // CPython: random.seed(2**32 + 5); random.getrandbits(32) == 675479763 (key [5, 1]).
        Assert.Equal(675479763u, new PythonRandom((1L << 32) + 5).NextUInt32());
    }

    [Fact]
    public void A_seed_with_its_top_bit_set_is_one_unsigned_word_without_a_sign_word()
    {
        // CPython: random.seed(2**31); random.random() == 0.3387958510019964 (key [0x80000000]).
        Assert.Equal(0.3387958510019964, new PythonRandom(1L << 31).Random());
    }

    [Fact]
    public void Seed_zero_uses_the_one_word_key_zero()
    {
        // CPython: random.seed(0); random.getrandbits(32) == 3626764237.
        Assert.Equal(3626764237u, new PythonRandom(0).NextUInt32());
    }

    [Fact]
    public void A_negative_seed_acts_as_its_absolute_value_as_in_CPython()
    {
        // CPython: random.seed(-1337); random.random() == 0.6177528569514706, as for seed 1337.
        Assert.Equal(0.6177528569514706, new PythonRandom(-1337).Random());
    }

    [Fact]
    public void The_128_bit_seed_of_the_mt19937ar_key_gives_the_published_vector()
    {
        var seed = (new System.Numerics.BigInteger(0x456) << 96) | (new System.Numerics.BigInteger(0x345) << 64) | (new System.Numerics.BigInteger(0x234) << 32) | 0x123;
        var random = new PythonRandom(seed);
        Assert.Equal([1067595299u, 955945823u, 477289528u], [random.NextUInt32(), random.NextUInt32(), random.NextUInt32()]);
    }
}
