namespace Micrograd.Functional.Bench.Workload;

/// <summary>
/// The two-moons data set of micrograd's demo, laid out as scikit-learn's <c>make_moons</c>:
/// an outer half circle (cos t, sin t) labelled −1 and an inner one (1 − cos t, 1 − sin t − ½)
/// labelled +1, t = linspace(0, π, n/2), shuffled, then Gaussian noise added to every coordinate.
/// </summary>
/// <param name="X">The points; <c>X[i]</c> is (x₀, x₁).</param>
/// <param name="Y">The labels, −1 or +1 (micrograd's demo maps scikit-learn's 0/1 to −1/+1).</param>
public sealed record TwoMoons(double[][] X, double[] Y)
{
    /// <summary>The number of points.</summary>
    public int Count => Y.Length;

    /// <summary>Draws the data set deterministically from <paramref name="seed"/>.</summary>
    /// <param name="count">The number of points; the outer moon gets ⌊count/2⌋ of them.</param>
    /// <param name="noise">The standard deviation of the Gaussian noise.</param>
    /// <param name="seed">The seed of the <see cref="Random"/> used for shuffling and noise.</param>
    public static TwoMoons Make(int count, double noise, int seed)
    {
        var random = new Random(seed);
        var outer = count / 2;
        var inner = count - outer;
        var points = HalfCircle(outer, t => [Math.Cos(t), Math.Sin(t)], label: -1)
            .Concat(HalfCircle(inner, t => [1 - Math.Cos(t), 1 - Math.Sin(t) - 0.5], label: +1))
            .ToArray();

        random.Shuffle(points); // scikit-learn shuffles first, then adds the noise
        var x = points.Select(p => p.Point.Select(c => c + noise * Gaussian(random)).ToArray()).ToArray();
        return new TwoMoons(x, points.Select(p => p.Label).ToArray());
    }

    /// <summary>n points of a half circle at t = linspace(0, π, n).</summary>
    private static IEnumerable<(double[] Point, double Label)> HalfCircle(int n, Func<double, double[]> at, double label) =>
        Enumerable.Range(0, n).Select(i => (at(n == 1 ? 0 : Math.PI * i / (n - 1)), label));

    /// <summary>A standard normal draw (Box–Muller); 1 − u keeps the logarithm's argument above 0.</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
