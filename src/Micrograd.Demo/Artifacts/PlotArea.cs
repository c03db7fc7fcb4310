using Micrograd.Functional.Data;

namespace Micrograd.Demo.Artifacts;

/// <summary>A rectangle of the plane to plot.</summary>
/// <param name="XMin">The left edge.</param>
/// <param name="XMax">The right edge.</param>
/// <param name="YMin">The bottom edge.</param>
/// <param name="YMax">The top edge.</param>
public sealed record PlotArea(double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>The data's bounding box with a margin of a quarter of its larger side on every edge, as micrograd pads its mesh.</summary>
    /// <param name="data">Data with two features.</param>
    /// <exception cref="ArgumentException">The data does not have two features.</exception>
    public static PlotArea Around(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != 2)
        {
            throw new ArgumentException($"A decision boundary in the plane needs 2 features; '{data.Name}' has {data.FeatureCount}.", nameof(data));
        }

        var xs = data.Features.Select(f => f[0]).ToArray();
        var ys = data.Features.Select(f => f[1]).ToArray();
        var margin = Math.Max(Math.Max(xs.Max() - xs.Min(), ys.Max() - ys.Min()) * 0.25, 1e-3);
        return new PlotArea(xs.Min() - margin, xs.Max() + margin, ys.Min() - margin, ys.Max() + margin);
    }
}
