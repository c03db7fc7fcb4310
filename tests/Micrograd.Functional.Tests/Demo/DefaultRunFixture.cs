namespace Micrograd.Functional.Tests.Demo;

/// <summary>The default demo (micrograd's notebook), run once into a temporary folder and shared by the tests that inspect it.</summary>
public sealed class DefaultRunFixture : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    /// <summary>Runs <c>Micrograd.Demo --out TMP</c>.</summary>
    public DefaultRunFixture()
    {
        Folder = _folder.File("moons");
        Result = DemoProcess.Run("--out", Folder);
    }

    /// <summary>The output folder.</summary>
    public string Folder { get; }

    /// <summary>The run's exit code and output.</summary>
    public DemoResult Result { get; }

    /// <summary>A file in the output folder.</summary>
    /// <param name="name">The file's name.</param>
    public string File(string name) => Path.Combine(Folder, name);

    /// <inheritdoc/>
    public void Dispose() => _folder.Dispose();
}
