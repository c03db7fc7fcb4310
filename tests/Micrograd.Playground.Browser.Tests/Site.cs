using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Micrograd.Playground.Browser.Tests;

/// <summary>
/// The published playground, served on loopback by Python's static file server (as any static host would serve it),
/// and one headless Chromium. Shared by every test in the collection: publishing and starting take about a minute.
/// </summary>
public sealed class Site : IAsyncLifetime
{
    /// <summary>Set to a published <c>wwwroot</c> folder to test it instead of publishing one (CI may publish first).</summary>
    public const string SiteVariable = "MICROGRAD_PLAYGROUND_SITE";

    private Process? server;
    private IPlaywright? playwright;

    /// <summary>The site's root URL, ending in a slash.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The browser every test opens its own page in.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots and measurements go (in the test output folder).</summary>
    public static string Artifacts { get; } = Path.Combine(AppContext.BaseDirectory, "playground-artifacts");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Artifacts);
        Assertions.SetDefaultExpectTimeout(60_000); // generous: first runs on the WebAssembly interpreter are slow on a busy 2-core machine
        var chromium = Which("chromium") ?? throw new InvalidOperationException(
            "Chromium is not installed: the browser tests drive Debian's chromium (`apt-get install -y chromium`; .ci/run does this).");
        var python = Which("python3") ?? throw new InvalidOperationException("python3 is not installed: it serves the published site.");
        var root = Environment.GetEnvironmentVariable(SiteVariable) is { Length: > 0 } given ? given : await Publish();
        var index = Path.Combine(root, "index.html");
        if (!File.Exists(index))
        {
            throw new InvalidOperationException($"{root} has no index.html: it is not a published playground's wwwroot.");
        }

        if (File.ReadAllText(index).Contains("{fingerprint}", StringComparison.Ordinal))
        {
            // `dotnet publish --no-build` copies index.html without filling in the fingerprinted script names.
            throw new InvalidOperationException($"{index} still has its asset placeholders ({{fingerprint}}): publish without --no-build.");
        }

        var port = FreePort();
        server = Process.Start(new ProcessStartInfo(python, ["-m", "http.server", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--directory", root])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        Url = $"http://127.0.0.1:{port}/";
        await WaitUntilServing(Url);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            Headless = true,
            ExecutablePath = chromium,
            // This machine's network is closed: without these, Chromium keeps trying Google's hosts.
            Args = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>A new page on the site's root, with the app started (its navigation rendered) and errors recorded.</summary>
    public async Task<(IPage Page, List<string> Errors)> Open()
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(Url);
        await Assertions.Expect(page.GetByTestId("nav-lab")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        return (page, errors);
    }

    /// <summary>Publishes the playground (Release) into a temporary folder; returns its wwwroot.</summary>
    private static async Task<string> Publish()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Micrograd.Functional.sln")))
        {
            repository = repository.Parent;
        }

        if (repository is null)
        {
            throw new InvalidOperationException($"No Micrograd.Functional.sln above {AppContext.BaseDirectory}: set {SiteVariable} to a published wwwroot.");
        }

        var output = Path.Combine(Path.GetTempPath(), "micrograd-playground-" + Guid.NewGuid().ToString("N")[..8]);
        var project = Path.Combine(repository.FullName, "src", "Micrograd.Playground");
        using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed (exit {publish.ExitCode}):\n{await log}\n{await errors}");
        }

        return Path.Combine(output, "wwwroot");
    }

    private static async Task WaitUntilServing(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        var last = "no answer";
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            try
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The static server at {url} did not serve index.html within 20 s ({last}).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);
}

/// <summary>The tests that share one published site and browser.</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<Site>
{
    public const string Name = "published playground";
}
