using Micrograd.Functional.Data;

namespace Micrograd.Functional.Tests.Data;

/// <summary>
/// <see cref="NumpyRandomState"/> against numpy's legacy <c>RandomState</c>. numpy is not installed on the
/// machine these tests were written on, so the expected numbers come from two outside sources:
/// <list type="bullet">
/// <item>outputs of numpy that are printed in countless docstrings and tests (seed 0's <c>rand()</c> and
/// <c>randn()</c>, seed 42's <c>permutation(10)</c>), quoted here to the digits usually published;</item>
/// <item>reference/numpy_legacy.py, an independent stdlib-only script that has CPython's C code run MT19937
/// (state set to init_genrand(seed) through <c>random.setstate</c>) and re-implements numpy's legacy double,
/// shuffle and Gaussian from numpy's C source; it reproduces the published values above exactly.</item>
/// </list>
/// </summary>
public class NumpyRandomStateTests
{
    [Fact]
    public void Seed_zero_gives_numpys_famous_first_uniforms()
    {
        // np.random.seed(0); np.random.rand(3) -> [0.5488135039273248, 0.7151893663724195, 0.6027633760716439]
        var rng = new NumpyRandomState(0);
        Assert.Equal([0.5488135039273248, 0.7151893663724195, 0.6027633760716439], Draw(3, rng.RandomSample));
    }

    [Fact]
    public void Seed_one_gives_numpys_published_first_uniforms()
    {
        // np.random.seed(1); np.random.rand(3) -> [0.417022004702574, 0.7203244934421581, 0.00011437481734488664]
        var rng = new NumpyRandomState(1);
        Assert.Equal([0.417022004702574, 0.7203244934421581, 0.00011437481734488664], Draw(3, rng.RandomSample));
    }

    [Fact]
    public void Seed_zero_gives_numpys_famous_first_standard_normals()
    {
        // np.random.seed(0); np.random.randn(6) is printed as
        // [1.76405235, 0.40015721, 0.97873798, 2.2408932, 1.86755799, -0.97727788];
        // the full doubles are numpy_legacy.py's, which round to exactly those.
        var rng = new NumpyRandomState(0);
        double[] expected = [1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458, 1.8675579901499675, -0.977277879876411];
        var drawn = Draw(6, rng.StandardNormal);
        Assert.Equal(expected, drawn);
        Assert.Equal([1.76405235, 0.40015721, 0.97873798, 2.2408932, 1.86755799, -0.97727788], drawn.Select(x => Math.Round(x, 8)));
    }

    [Fact]
    public void Seed_42_permutation_of_ten_is_numpys_famous_one()
    {
        // np.random.seed(42); np.random.permutation(10) -> array([8, 1, 5, 0, 7, 2, 9, 4, 3, 6])
        Assert.Equal([8, 1, 5, 0, 7, 2, 9, 4, 3, 6], new NumpyRandomState(42).Permutation(10));
    }

    [Fact]
    public void A_permutation_consumes_exactly_the_draws_numpy_does()
    {
        // numpy_legacy.py: after seed 42 and permutation(10), random_sample() is 0.15599452033620265.
        var rng = new NumpyRandomState(42);
        rng.Permutation(10);
        Assert.Equal(0.15599452033620265, rng.RandomSample());
    }

    [Fact]
    public void Seed_1337_first_words_and_uniforms_match_the_reference_script()
    {
        var words = new NumpyRandomState(1337);
        Assert.Equal([1125387415u, 2407456957u, 681542492u, 913057000u, 1194544295u], Draw(5, words.NextUInt32));
        var rng = new NumpyRandomState(1337);
        double[] expected = [0.2620246750155817, 0.1586839721544656, 0.27812651949435974, 0.45931688721456665, 0.32100054052016713];
        Assert.Equal(expected, Draw(5, rng.RandomSample));
    }

    [Fact]
    public void Seed_1337_normals_match_the_reference_script_including_the_cached_second_deviate()
    {
        var rng = new NumpyRandomState(1337);
        double[] expected = [-0.7031873098624105, -0.49028236278771464, -0.3218143296501526, -1.7550787171239868, 0.20666447021383047];
        Assert.Equal(expected, Draw(5, rng.StandardNormal));
    }

    [Fact]
    public void Normal_is_loc_plus_scale_times_the_standard_deviate()
    {
        // numpy_legacy.py: seed 1337, normal(3, 2) three times.
        var rng = new NumpyRandomState(1337);
        Assert.Equal([1.593625380275179, 2.0194352744245707, 2.356371340699695], Draw(3, () => rng.Normal(3.0, 2.0)));
    }

    [Fact]
    public void Seed_1337_permutations_match_the_reference_script()
    {
        Assert.Equal([6, 3, 0, 4, 5, 2, 1, 9, 8, 7], new NumpyRandomState(1337).Permutation(10));
        Assert.Equal(
            [2, 48, 86, 44, 59, 56, 79, 70, 91, 17, 50, 32, 36, 87, 15, 11, 63, 81, 30, 43],
            new NumpyRandomState(1337).Permutation(100)[..20]);
    }

    [Fact]
    public void Permutations_longer_than_256_and_65536_items_match_the_reference_script()
    {
        // numpy_legacy.py: LegacyRandomState(42).permutation(300)[:10], and permutation(70000)[:10] and [-10:]; the masks
        // of random_interval then span more than 8 and 16 bits. The last entries are the first ones drawn, with i ≥ 2¹⁶.
        Assert.Equal([203, 266, 152, 9, 233, 226, 196, 109, 5, 175], new NumpyRandomState(42).Permutation(300)[..10]);
        var drawn = new NumpyRandomState(42).Permutation(70000);
        Assert.Equal([46730, 48393, 41416, 34506, 43725, 11615, 24656, 22411, 936, 56364], drawn[..10]);
        Assert.Equal([67221, 41090, 16023, 60263, 44131, 37194, 6265, 54886, 860, 15795], drawn[^10..]);
    }

    [Fact]
    public void Shuffle_permutes_any_element_type_like_permutation_does()
    {
        string[] letters = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
        new NumpyRandomState(42).Shuffle<string>(letters);
        Assert.Equal(["i", "b", "f", "a", "h", "c", "j", "e", "d", "g"], letters);
    }

    [Fact]
    public void Shuffling_zero_or_one_item_draws_nothing()
    {
        var rng = new NumpyRandomState(0);
        rng.Shuffle<int>([]);
        rng.Shuffle<int>([7]);
        Assert.Equal(0.5488135039273248, rng.RandomSample());
    }

    [Fact]
    public void Uniform_is_low_plus_range_times_a_random_sample()
    {
        var (a, b) = (new NumpyRandomState(5), new NumpyRandomState(5));
        Assert.Equal(-10 + 20 * b.RandomSample(), a.Uniform(-10, 10));
    }

    [Fact]
    public void Bad_arguments_are_rejected_naming_the_argument()
    {
        var rng = new NumpyRandomState(0);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => rng.Normal(0, -1)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => rng.Normal(0, double.NaN)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => rng.Permutation(-1)).ParamName);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => rng.Uniform(-double.MaxValue, double.MaxValue)).ParamName);
        Assert.StartsWith("The standard deviation of a normal distribution must be ≥ 0.", Assert.Throws<ArgumentOutOfRangeException>(() => rng.Normal(0, -1)).Message);
        Assert.StartsWith(
            "uniform needs a finite range; high − low is Infinity for low = -1.7976931348623157E+308.",
            Assert.Throws<ArgumentOutOfRangeException>(() => rng.Uniform(-double.MaxValue, double.MaxValue)).Message);
    }

    private static T[] Draw<T>(int count, Func<T> draw) => Enumerable.Range(0, count).Select(_ => draw()).ToArray();
}
