using Micrograd.Functional.Data;

namespace Micrograd.Demo.Artifacts;

/// <summary>
/// Renders a throwaway thumbnail on a second thread while training runs on the first. The first render of a
/// process pays for loading the native graphics library and its fonts and for compiling the plotting code;
/// paid in parallel with training, that time no longer adds to the run.
/// </summary>
public static class PlotWarmup
{
    /// <summary>Starts the warm-up in the background (only for data with two features, which get a decision-boundary plot). Failures are ignored: the real render reports them.</summary>
    /// <param name="data">The training data.</param>
    /// <returns>A task to wait for before rendering for real, so that the two never compete.</returns>
    public static Task Start(Dataset data) => data.FeatureCount != 2 ? Task.CompletedTask : Task.Run(() =>
    {
        try
        {
            _ = DecisionBoundaryPlot.Render(DecisionMesh.Blank(PlotArea.Around(data)), data, "warm-up", width: 64, height: 64);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Ignored on purpose: the real render runs the same code and reports the problem.
        }
    });
}
