using System.Buffers.Binary;
using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Micrograd.Functional.Data;

namespace Micrograd.Functional.Tests.Data;

/// <summary>
/// The toy datasets against sklearn. The expected numbers come from reference/numpy_legacy.py, a stdlib-only
/// re-implementation of numpy's legacy RandomState (on CPython's own MT19937) and of sklearn's
/// make_moons / make_circles / make_blobs; its blobs reproduce the label orders printed in sklearn's
/// make_blobs docstring, which these tests also check directly. A fingerprint is the SHA-256 of every
/// feature as a little-endian double, row by row, then every label as a little-endian int32: equal
/// fingerprints mean every one of the numbers is equal bit for bit.
/// </summary>
public class DatasetsTests
{
    [Fact]
    public void Micrograds_moons_first_rows_match_the_reference_script_bit_for_bit()
    {
        // np.random.seed(1337); make_moons(n_samples=100, noise=0.1), as in micrograd's demo.ipynb.
        var moons = Datasets.Moons();
        Assert.Equal("moons", moons.Name);
        Assert.Equal((100, 2), (moons.Count, moons.FeatureCount));
        Assert.Equal<double>([1.1221146075409685, 0.08147717341718697], moons.Features[0]);
        Assert.Equal<double>([-0.8188294130836691, 0.058790063907949996], moons.Features[1]);
        Assert.Equal<double>([1.613709660987544, -0.12464590012238597], moons.Features[2]);
        Assert.Equal<double>([-0.9230091836872232, 0.3652288989804421], moons.Features[3]);
        Assert.Equal<double>([0.14385146230962004, 0.04438004920995997], moons.Features[4]);
        Assert.Equal<int>([0, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0], moons.Labels[..20]);
    }

    [Fact]
    public void Micrograds_moons_match_the_reference_script_in_every_number()
    {
        Assert.Equal("9824fadc22fa813e972fd7a2b02c62f3998f54b13bf6216556580eefa6a2906d", Fingerprint(Datasets.Moons(100, 0.1, 1337)));
    }

    [Fact]
    public void Odd_moons_give_the_extra_point_to_the_lower_moon_as_sklearn_does()
    {
        // make_moons(7, noise=0.2) after np.random.seed(3): 3 points of class 0 and 4 of class 1.
        var moons = Datasets.Moons(7, 0.2, 3);
        Assert.Equal<int>([1, 1, 1, 1, 0, 0, 0], moons.Labels);
        Assert.Equal<double>([0.6961107740581766, -0.3606215954255338], moons.Features[0]);
        Assert.Equal<double>([-1.3258314857167233, -0.12778710503799737], moons.Features[6]);
        Assert.Equal("cd5d17d0ffe1fe6887df27485edd92e2a13e82be4124389a590ce1792f966cbf", Fingerprint(moons));
    }

    [Fact]
    public void Circles_match_the_reference_script_in_every_number()
    {
        // np.random.seed(1337); make_circles(100, noise=0.05, factor=0.5)
        var circles = Datasets.Circles(100, 0.05, 0.5, 1337);
        Assert.Equal("circles", circles.Name);
        Assert.Equal<double>([1.0337454579874923, 0.22548989303119527], circles.Features[0]);
        Assert.Equal<double>([-0.12298627192974858, -0.4333275768878795], circles.Features[2]);
        Assert.Equal("8d8919e11ffbc6476fffa2bba6ab2d6f5888ada160a65b4b5e15c9f718b29968", Fingerprint(circles));
    }

    [Fact]
    public void Blobs_match_the_reference_script_in_every_number()
    {
        // np.random.seed(1337); make_blobs(101, n_features=2, centers=2, cluster_std=1.0)
        var blobs = Datasets.Blobs(101, 1337);
        Assert.Equal("blobs", blobs.Name);
        Assert.Equal<double>([-2.7167645307004475, -3.2078750197221417], blobs.Features[0]);
        Assert.Equal<double>([-3.334215101025464, -7.105784466713622], blobs.Features[2]);
        Assert.Equal((51, 50), (blobs.Labels.Count(y => y == 0), blobs.Labels.Count(y => y == 1)));
        Assert.Equal("30c5b9e6babc1929eaafa5bda871a3f864f2ead2a9f4ba126c93e5c88ca18d90", Fingerprint(blobs));
    }

    [Fact]
    public void Blob_draws_reproduce_the_label_orders_in_sklearns_own_documentation()
    {
        // From sklearn's make_blobs docstring:
        //   make_blobs(n_samples=10, centers=3, n_features=2, random_state=0)  -> y = [0, 0, 1, 0, 2, 2, 2, 1, 1, 0]
        //   make_blobs(n_samples=[3, 3, 4], centers=None, n_features=2, random_state=0) -> y = [0, 1, 2, 0, 2, 2, 2, 1, 1, 0]
        Assert.Equal([0, 0, 1, 0, 2, 2, 2, 1, 1, 0], Datasets.SklearnBlobs(new NumpyRandomState(0), [4, 3, 3], 1.0).Labels);
        Assert.Equal([0, 1, 2, 0, 2, 2, 2, 1, 1, 0], Datasets.SklearnBlobs(new NumpyRandomState(0), [3, 3, 4], 1.0).Labels);
    }

    [Fact]
    public void Blobs_with_three_classes_reproduce_the_label_order_in_sklearns_own_documentation()
    {
        // sklearn's make_blobs docstring: make_blobs(n_samples=10, centers=3, n_features=2, random_state=0)
        //   -> y = [0, 0, 1, 0, 2, 2, 2, 1, 1, 0]
        var blobs = Datasets.Blobs(samples: 10, seed: 0, classes: 3);
        Assert.Equal<int>([0, 0, 1, 0, 2, 2, 2, 1, 1, 0], blobs.Labels);
        Assert.Equal(3, blobs.Classes);
    }

    [Theory]
    [InlineData(100, 3, new[] { 34, 33, 33 })]
    [InlineData(10, 4, new[] { 3, 3, 2, 2 })]
    [InlineData(101, 2, new[] { 51, 50 })]
    public void Blobs_split_the_points_as_sklearn_the_first_classes_taking_the_remainder(int samples, int classes, int[] counts)
    {
        var blobs = Datasets.Blobs(samples, classes: classes);
        Assert.Equal(counts, Enumerable.Range(0, classes).Select(c => blobs.Labels.Count(y => y == c)));
        Assert.Equal(classes, blobs.Classes);
    }

    [Fact]
    public void One_moon_point_is_the_start_of_the_lower_moon_and_an_even_ramp_ends_exactly_at_pi()
    {
        // numpy's linspace(0, π, 1) is [0], so the single point is (1 − cos 0, 1 − sin 0 − 0.5) = (0, 0.5), class 1.
        Assert.Equal(new Dataset([[0.0, 0.5]], [1], "moons"), Datasets.Moons(1, noise: 0));
        // 26 points per moon: 25 · (π/25) is not π in doubles, and linspace sets its last point to π exactly;
        // the fingerprint is numpy_legacy.py's make_moons(52, 0.0, 1337).
        Assert.Equal("9a0d634e107bb6da5248d771d4ba9048a54f70780d671c7a1795cbc1fc217a40", Fingerprint(Datasets.Moons(52, noise: 0)));
    }

    [Fact]
    public void A_circle_factor_of_zero_and_a_blob_deviation_of_zero_are_allowed_and_collapse_to_points()
    {
        // numpy_legacy.py: make_circles(4, 0.0, 0.0, 1337) and make_blobs(4, 2, 0.0, 1337).
        var circles = Datasets.Circles(4, noise: 0, factor: 0);
        Assert.Equal("e3abbc1eec05aed31f6426348fe3b0e4e6996f6d25b4f18af5e02453f1226bae", Fingerprint(circles));
        Assert.All(circles.Features.Where((_, i) => circles.Labels[i] == 1), row => Assert.Equal<double>([0.0, 0.0], row));
        var blobs = Datasets.Blobs(4, clusterStd: 0);
        Assert.Equal("1635b122a392e3dae2ed08d40ff42595a43ab92228dd5a54b89cd64d55b32ec5", Fingerprint(blobs));
        Assert.Equal<double>(blobs.Features[0], blobs.Features[2]); // two points of class 0, both its centre
    }

    [Fact]
    public void Bad_noise_factors_and_deviations_are_explained_in_words()
    {
        Assert.StartsWith("The noise (a standard deviation) must be a finite number ≥ 0.", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Moons(10, -1)).Message);
        Assert.StartsWith("The inner circle's scale factor must be in [0, 1).", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Circles(10, 0.1, 1.0)).Message);
        Assert.StartsWith("The blobs' standard deviation must be a finite number ≥ 0.", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Blobs(10, 1, -1.0)).Message);
    }

    [Fact]
    public void Blobs_need_at_least_two_classes()
    {
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Blobs(classes: 1)).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Blobs(classes: -1)).ParamName); // not Enumerable.Range's "count"
        Assert.Equal(2, Datasets.Blobs().Classes);
    }

    [Fact]
    public void Blobs_refuse_more_classes_than_points_and_say_both_numbers()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Blobs(samples: 100, classes: 100000));
        Assert.Equal("classes", error.ParamName);
        Assert.Equal(100000, error.ActualValue);
        Assert.Contains("100 points", error.Message);
        Assert.Equal(5, Datasets.Blobs(samples: 5, classes: 5).Classes); // one point per class is the most
        Assert.Equal(2, Datasets.Blobs(samples: 1).Classes); // binary data may miss a class, as moons and circles of 1 point do
        Assert.Equal(3, Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Blobs(samples: 2, classes: 3)).ActualValue);
    }

    [Fact]
    public void Without_noise_the_moons_lie_exactly_on_their_half_circles()
    {
        var moons = Datasets.Moons(50, 0.0, 1);
        foreach (var (x, label) in moons.Features.Zip(moons.Labels))
        {
            var (cx, cy) = label == 0 ? (0.0, 0.0) : (1.0, 0.5);
            Assert.Equal(1.0, Math.Sqrt((x[0] - cx) * (x[0] - cx) + (x[1] - cy) * (x[1] - cy)), 12);
            Assert.True(label == 0 ? x[1] >= 0 : x[1] <= 0.5 + 1e-12);
        }
    }

    [Fact]
    public void Without_noise_the_circles_have_radius_one_and_factor()
    {
        var circles = Datasets.Circles(40, 0.0, 0.3, 2);
        foreach (var (x, label) in circles.Features.Zip(circles.Labels))
        {
            Assert.Equal(label == 0 ? 1.0 : 0.3, Math.Sqrt(x[0] * x[0] + x[1] * x[1]), 12);
        }
    }

    [Property(MaxTest = 50)]
    public Property Every_generator_gives_n_rows_of_two_features_split_evenly_between_the_classes() =>
        Prop.ForAll(Gen.Choose(1, 120).ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), (n, seed) =>
        {
            foreach (var (data, zeros) in new[]
            {
                (Datasets.Moons(n, 0.1, seed), n / 2),
                (Datasets.Circles(n, 0.1, 0.8, seed), n / 2),
                (Datasets.Blobs(n, seed), n - n / 2),
            })
            {
                Assert.Equal((n, 2), (data.Count, data.FeatureCount));
                Assert.Equal(zeros, data.Labels.Count(y => y == 0));
            }
        });

    [Property(MaxTest = 30)]
    public Property The_same_seed_gives_the_same_data_and_another_seed_other_data() =>
        Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), seed =>
        {
            Assert.Equal(Datasets.Moons(60, 0.1, seed), Datasets.Moons(60, 0.1, seed));
            Assert.Equal(Datasets.Circles(60, 0.1, 0.5, seed), Datasets.Circles(60, 0.1, 0.5, seed));
            Assert.Equal(Datasets.Blobs(60, seed), Datasets.Blobs(60, seed));
            Assert.NotEqual(Datasets.Moons(60, 0.1, seed), Datasets.Moons(60, 0.1, seed + 1));
            Assert.NotEqual(Datasets.Circles(60, 0.1, 0.5, seed), Datasets.Circles(60, 0.1, 0.5, seed + 1));
            Assert.NotEqual(Datasets.Blobs(60, seed), Datasets.Blobs(60, seed + 1));
        });

    [Fact]
    public void Bad_sizes_noise_factors_and_seeds_are_rejected_naming_the_argument()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Moons(0)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Circles(-3)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Blobs(0)).ParamName);
        Assert.Equal("noise", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Moons(10, -0.1)).ParamName);
        Assert.Equal("noise", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Circles(10, double.NaN)).ParamName);
        Assert.Equal("noise", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Moons(10, double.PositiveInfinity)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Circles(10, 0.1, 1.0)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Circles(10, 0.1, -0.5)).ParamName);
        Assert.Equal("clusterStd", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Blobs(10, 1, -1.0)).ParamName);
        Assert.Equal("seed", Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Moons(10, 0.1, -1)).ParamName);
    }

    private static string Fingerprint(Dataset data)
    {
        var bytes = new byte[data.Count * data.FeatureCount * 8 + data.Count * 4];
        var at = 0;
        foreach (var row in data.Features)
        {
            foreach (var x in row)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(at), x);
                at += 8;
            }
        }

        foreach (var y in data.Labels)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), y);
            at += 4;
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
