using System.Collections.Immutable;
using System.Diagnostics.Contracts;

namespace Micrograd.Functional.Data;

/// <summary>
/// Toy classification datasets in the plane (two classes; blobs any number), deterministic from a seed and laid out as scikit-learn's
/// <c>make_moons</c>, <c>make_circles</c> and <c>make_blobs</c>: same row order, same labels and, because
/// the draws come from <see cref="NumpyRandomState"/> in sklearn's order, the same numbers as
/// <c>np.random.seed(seed)</c> followed by the sklearn call.
/// </summary>
/// <remarks>
/// Bit-for-bit agreement also needs the same <c>cos</c>, <c>sin</c> and <c>log</c> (the last in the Gaussian) as
/// numpy's. Both sides call the C library: .NET's <see cref="Math.Cos"/>, <see cref="Math.Sin"/> and
/// <see cref="Math.Log(double)"/>, and numpy's float64 <c>cos</c>/<c>sin</c> in current releases (numpy 1.22–1.24 on
/// AVX-512 CPUs used Intel's SVML instead, up to 4 ulp away: numpy issue #23523, undone by numpy PR #23925).
/// The exact numbers were checked against glibc on Linux; another C library may differ in the last bit.
/// </remarks>
public static class Datasets
{
    /// <summary>
    /// Two interleaving half circles, micrograd's demo data: <c>np.random.seed(seed); make_moons(samples, noise=noise)</c>.
    /// With n_out = ⌊n/2⌋ and n_in = n − n_out, and t running over linspace(0, π) of each length, the upper moon
    /// (cos t, sin t) has label 0 and the lower moon (1 − cos t, 1 − sin t − 0.5) label 1. The rows are
    /// shuffled (<see cref="NumpyRandomState.Shuffle{T}(Span{T})"/> of the row indices, as <c>sklearn.utils.shuffle</c>),
    /// then <see cref="NumpyRandomState.Normal"/>(0, noise) is added to every coordinate, row by row.
    /// </summary>
    /// <param name="samples">n, the number of points, at least 1.</param>
    /// <param name="noise">The standard deviation of the Gaussian noise, finite and ≥ 0 (0 gives the exact curves).</param>
    /// <param name="seed">The numpy seed, 0 ≤ seed.</param>
    /// <returns>A dataset named "moons" of n rows and 2 features.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    [Pure]
    public static Dataset Moons(int samples = 100, double noise = 0.1, int seed = 1337)
    {
        var rng = Generator(samples, noise, seed);
        var (outer, inner) = Halves(samples);
        var t = Linspace(Math.PI, outer, endpoint: true);
        var s = Linspace(Math.PI, inner, endpoint: true);
        var xs = t.Select(Math.Cos).Concat(s.Select(a => 1 - Math.Cos(a)));
        var ys = t.Select(Math.Sin).Concat(s.Select(a => 1 - Math.Sin(a) - 0.5));
        return ShuffledWithNoise("moons", xs.Zip(ys, (x, y) => new[] { x, y }).ToArray(), ClassLabels(outer, inner), rng, noise);
    }

    /// <summary>
    /// A large circle containing a smaller one: <c>np.random.seed(seed); make_circles(samples, noise=noise, factor=factor)</c>.
    /// With n_out = ⌊n/2⌋ and n_in = n − n_out, the outer circle (cos t, sin t), t over linspace(0, 2π, n_out,
    /// endpoint=False), has label 0 and the inner circle factor · (cos t, sin t), t over linspace(0, 2π, n_in,
    /// endpoint=False), label 1; then shuffle and noise as in <see cref="Moons"/>.
    /// </summary>
    /// <param name="samples">n, the number of points, at least 1.</param>
    /// <param name="noise">The standard deviation of the Gaussian noise, finite and ≥ 0.</param>
    /// <param name="factor">The inner radius relative to the outer one, 0 ≤ factor &lt; 1.</param>
    /// <param name="seed">The numpy seed, 0 ≤ seed.</param>
    /// <returns>A dataset named "circles" of n rows and 2 features.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    [Pure]
    public static Dataset Circles(int samples = 100, double noise = 0.1, double factor = 0.8, int seed = 1337)
    {
        if (!(factor is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The inner circle's scale factor must be in [0, 1).");
        }

        var rng = Generator(samples, noise, seed);
        var (outer, inner) = Halves(samples);
        var t = Linspace(2 * Math.PI, outer, endpoint: false);
        var s = Linspace(2 * Math.PI, inner, endpoint: false);
        var xs = t.Select(Math.Cos).Concat(s.Select(a => Math.Cos(a) * factor));
        var ys = t.Select(Math.Sin).Concat(s.Select(a => Math.Sin(a) * factor));
        return ShuffledWithNoise("circles", xs.Zip(ys, (x, y) => new[] { x, y }).ToArray(), ClassLabels(outer, inner), rng, noise);
    }

    /// <summary>
    /// Isotropic Gaussian blobs, one per class: <c>np.random.seed(seed); make_blobs(samples, n_features=2,
    /// centers=classes, cluster_std=clusterStd)</c>, draw for draw. The centres c₀, …, cₖ₋₁ are drawn uniform in
    /// [−10, 10)², then ⌊n/k⌋ points N(cⱼ, σ²I) with label j for each class in turn, the first n mod k classes
    /// getting one point more (sklearn's split; for k = 2, ⌈n/2⌉ then ⌊n/2⌋), then the rows are shuffled.
    /// Nothing differs from sklearn's order of draws.
    /// </summary>
    /// <param name="samples">n, the number of points, at least 1.</param>
    /// <param name="seed">The numpy seed, 0 ≤ seed.</param>
    /// <param name="clusterStd">σ, the standard deviation of each blob, finite and ≥ 0.</param>
    /// <param name="classes">
    /// k, the number of blobs and classes, from 2 to <paramref name="samples"/> (default 2): every blob gets at least one point,
    /// except that binary blobs, like moons and circles, may have a single point.
    /// </param>
    /// <returns>A dataset named "blobs" of n rows, 2 features and k classes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    [Pure]
    public static Dataset Blobs(int samples = 100, int seed = 1337, double clusterStd = 1.0, int classes = 2)
    {
        if (!double.IsFinite(clusterStd) || clusterStd < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(clusterStd), clusterStd, "The blobs' standard deviation must be a finite number ≥ 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        var rng = Generator(samples, noise: 0, seed);
        if (classes > Math.Max(samples, 2))
        {
            throw new ArgumentOutOfRangeException(nameof(classes), classes, $"There are {classes} classes for {samples} points: blobs need at least one point per class.");
        }

        var perCenter = Enumerable.Range(0, classes).Select(c => samples / classes + (c < samples % classes ? 1 : 0)).ToArray();
        var (rows, labels) = SklearnBlobs(rng, perCenter, clusterStd);
        return new Dataset([.. rows.Select(row => row.ToImmutableArray())], [.. labels], "blobs", classes);
    }

    /// <summary>
    /// sklearn's <c>make_blobs</c> in the plane for any number of clusters, <paramref name="perCenter"/>[c] points in
    /// cluster c: centres uniform in [−10, 10)² (row by row), then each cluster's points N(c, σ²I) in order, then
    /// the rows shuffled. Tests check this against the label orders printed in sklearn's own documentation.
    /// </summary>
    internal static (double[][] Rows, int[] Labels) SklearnBlobs(NumpyRandomState rng, IReadOnlyList<int> perCenter, double clusterStd)
    {
        var centers = new double[perCenter.Count][];
        for (var c = 0; c < centers.Length; c++)
        {
            centers[c] = [rng.Uniform(-10, 10), rng.Uniform(-10, 10)];
        }

        var labels = perCenter.SelectMany((count, c) => Enumerable.Repeat(c, count)).ToArray();
        var rows = new double[labels.Length][];
        for (var i = 0; i < rows.Length; i++)
        {
            var center = centers[labels[i]];
            rows[i] = [rng.Normal(center[0], clusterStd), rng.Normal(center[1], clusterStd)];
        }

        return Shuffled(rows, labels, rng);
    }

    private static NumpyRandomState Generator(int samples, double noise, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        if (!double.IsFinite(noise) || noise < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "The noise (a standard deviation) must be a finite number ≥ 0.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        return new NumpyRandomState((uint)seed);
    }

    /// <summary>sklearn's split: n_out = ⌊n/2⌋, n_in = n − n_out.</summary>
    private static (int Out, int In) Halves(int samples) => (samples / 2, samples - samples / 2);

    private static int[] ClassLabels(int zeros, int ones) => [.. Enumerable.Repeat(0, zeros), .. Enumerable.Repeat(1, ones)];

    /// <summary>
    /// numpy's <c>linspace(0, stop, num, endpoint)</c>: i · step with step = stop / (num − 1) (endpoint) or
    /// stop / num (no endpoint); with the endpoint the last point is exactly stop.
    /// </summary>
    private static double[] Linspace(double stop, int num, bool endpoint)
    {
        var div = endpoint ? num - 1 : num;
        var step = stop / div;
        var points = new double[num];
        for (var i = 0; i < num; i++)
        {
            points[i] = div > 0 ? i * step : 0.0;
        }

        if (endpoint && num > 1)
        {
            points[^1] = stop;
        }

        return points;
    }

    /// <summary><c>sklearn.utils.shuffle(X, y)</c>: indices = arange(n), <c>rng.shuffle(indices)</c>, then X[indices], y[indices].</summary>
    private static (double[][] Rows, int[] Labels) Shuffled(double[][] rows, int[] labels, NumpyRandomState rng)
    {
        var order = rng.Permutation(rows.Length);
        return ([.. order.Select(i => rows[i])], [.. order.Select(i => labels[i])]);
    }

    /// <summary>sklearn's tail for moons and circles: shuffle, then <c>X += normal(scale=noise, size=X.shape)</c>, row by row.</summary>
    private static Dataset ShuffledWithNoise(string name, double[][] rows, int[] labels, NumpyRandomState rng, double noise)
    {
        var (shuffled, shuffledLabels) = Shuffled(rows, labels, rng);
        var features = ImmutableArray.CreateBuilder<ImmutableArray<double>>(shuffled.Length);
        foreach (var row in shuffled)
        {
            var noisy = new double[row.Length];
            for (var k = 0; k < row.Length; k++)
            {
                noisy[k] = row[k] + rng.Normal(0.0, noise);
            }

            features.Add([.. noisy]);
        }

        return new Dataset(features.MoveToImmutable(), [.. shuffledLabels], name);
    }
}
