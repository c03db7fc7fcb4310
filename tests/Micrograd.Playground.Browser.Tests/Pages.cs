using Microsoft.Playwright;

namespace Micrograd.Playground.Browser.Tests;

/// <summary>What the tests do on any page: go to a page by its nav link, save a screenshot.</summary>
internal static class Pages
{
    /// <summary>Clicks a nav link (<c>nav-lab</c>, <c>nav-neuron</c>, <c>nav-train</c>) and waits for the page's heading.</summary>
    public static async Task Navigate(IPage page, string nav, string heading)
    {
        await page.GetByTestId(nav).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
    }

    /// <summary>A full-page screenshot in the test output's playground-artifacts folder; returns its path.</summary>
    public static async Task<string> Screenshot(IPage page, string name)
    {
        var path = Path.Combine(Site.Artifacts, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <summary>The text of a hook.</summary>
    public static Task<string> Text(IPage page, string testId) => page.GetByTestId(testId).InnerTextAsync();
}
