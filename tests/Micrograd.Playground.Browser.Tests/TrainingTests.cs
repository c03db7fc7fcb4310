using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Micrograd.Playground.Browser.Tests.Pages;

namespace Micrograd.Playground.Browser.Tests;

/// <summary>The training page (route /train) in Chromium: micrograd's demo, its numbers, and its time in the browser.</summary>
[Collection(SiteCollection.Name)]
public sealed class TrainingTests(Site site, ITestOutputHelper output)
{
    /// <summary>Three minutes: the whole run on the WebAssembly interpreter takes seconds, but the machine is shared.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Run = new() { Timeout = 180_000 };

    [Fact]
    public async Task Micrograds_demo_reaches_100_percent_with_the_notebooks_step_99_loss()
    {
        var (page, errors) = await site.Open();
        await Navigate(page, "nav-train", "Training");
        await page.GetByTestId("train-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("train-status")).ToHaveTextAsync("done", Run);

        // micrograd's demo notebook prints "step 99 loss 0.010978370135492717, accuracy 100.0%".
        await Assertions.Expect(page.GetByTestId("train-step")).ToHaveTextAsync("99");
        await Assertions.Expect(page.GetByTestId("train-loss")).ToHaveTextAsync("0.010978370135492717");
        await Assertions.Expect(page.GetByTestId("train-accuracy")).ToHaveTextAsync("100%");
        await Assertions.Expect(page.GetByTestId("decision-boundary")).ToBeVisibleAsync();
        await Screenshot(page, "train");

        var wall = await Text(page, "train-elapsed-ms");
        var compute = await Text(page, "train-compute-ms");
        var step = await Text(page, "train-step-ms");
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:u} micrograd's 100-step demo in headless Chromium: wall {wall} ms, inside the library's steps {compute} ms, median step {step} ms ({Environment.ProcessorCount} cores, load {Load()})");
        output.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(Site.Artifacts, "timings.txt"), line + "\n");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task One_step_shows_the_notebooks_step_0_loss()
    {
        var (page, errors) = await site.Open();
        await Navigate(page, "nav-train", "Training");
        await page.GetByTestId("train-steps").FillAsync("1");
        await page.GetByTestId("train-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("train-status")).ToHaveTextAsync("done", Run);

        // micrograd's demo notebook: "step 0 loss 0.8958441028683222, accuracy 50.0%".
        await Assertions.Expect(page.GetByTestId("train-step")).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByTestId("train-loss")).ToHaveTextAsync("0.8958441028683222");
        await Assertions.Expect(page.GetByTestId("train-accuracy")).ToHaveTextAsync("50%");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_page_answers_a_pause_while_training_and_resumes_to_the_last_step()
    {
        var (page, errors) = await site.Open();
        await Navigate(page, "nav-train", "Training");
        await page.GetByTestId("train-steps").FillAsync("3000"); // long enough (seconds) that the pause lands mid-run
        await page.GetByTestId("train-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("train-status")).ToHaveTextAsync("running", Run);
        await page.GetByTestId("train-pause").ClickAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("train-status")).ToHaveTextAsync("paused", new() { Timeout = 10_000 });
        var pausedAt = int.Parse(await Text(page, "train-step"), CultureInfo.InvariantCulture);
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(pausedAt.ToString(CultureInfo.InvariantCulture), await Text(page, "train-step")); // paused means no step runs
        Assert.InRange(pausedAt, 0, 2998);

        await page.GetByTestId("train-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("train-status")).ToHaveTextAsync("done", Run);
        await Assertions.Expect(page.GetByTestId("train-step")).ToHaveTextAsync("2999");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_learning_rate_far_too_high_shows_the_divergence_message()
    {
        var (page, errors) = await site.Open();
        await Navigate(page, "nav-train", "Training");
        await page.GetByTestId("train-lr").FillAsync("1000");
        await page.GetByTestId("train-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("train-status")).ToContainTextAsync("diverged", new() { Timeout = 180_000 });
        await Screenshot(page, "train-diverged");
        Assert.Empty(errors);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
