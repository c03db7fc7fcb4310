namespace Micrograd.Functional.Bench.Workload;

/// <summary>
/// The one workload every demo-step implementation runs: micrograd's demo (two moons, an
/// MLP(2, [16, 16, 1]), hinge loss with L2 regularisation), with fixed data and parameters so
/// the implementations can be checked against each other.
/// </summary>
/// <param name="Data">The 100 two-moons points.</param>
/// <param name="Layout">The MLP's shape: 2 → 16 → 16 → 1, 337 parameters.</param>
/// <param name="Parameters">The parameters' values, in micrograd's order.</param>
/// <param name="Alpha">The L2 regularisation strength (1e-4 in the demo).</param>
public sealed record DemoWorkload(TwoMoons Data, MlpLayout Layout, double[] Parameters, double Alpha)
{
    /// <summary>micrograd's demo step with fixed seeds (data 1337, parameters 42).</summary>
    public static DemoWorkload Default { get; } = WithPoints(100);

    /// <summary>
    /// The demo's model, parameters and loss over <paramref name="points"/> two-moons points drawn with the
    /// demo's seed (1337): <see cref="Default"/> is <c>WithPoints(100)</c>.
    /// </summary>
    /// <param name="points">The number of two-moons points, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="points"/> is below 1.</exception>
    public static DemoWorkload WithPoints(int points)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        var layout = new MlpLayout(2, 16, 16, 1);
        return new(TwoMoons.Make(count: points, noise: 0.1, seed: 1337), layout, layout.InitialParameters(seed: 42), Alpha: 1e-4);
    }
}
