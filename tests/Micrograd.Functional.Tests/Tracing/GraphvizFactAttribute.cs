using Micrograd.Functional.Tracing;

namespace Micrograd.Functional.Tests.Tracing;

/// <summary>
/// A test that needs Graphviz's dot. Without dot it is skipped with a visible reason, except on CI
/// (CI=true), which installs Graphviz: there it runs, and fails if dot is missing.
/// </summary>
public sealed class GraphvizFactAttribute : FactAttribute
{
    /// <summary>Skips the test when dot is missing outside CI.</summary>
    public GraphvizFactAttribute()
    {
        if (!Graphviz.IsInstalled && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "Graphviz's dot is not installed: sudo apt-get install graphviz (CI installs it and runs this test).";
        }
    }
}
