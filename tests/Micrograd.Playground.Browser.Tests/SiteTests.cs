using Microsoft.Playwright;

namespace Micrograd.Playground.Browser.Tests;

/// <summary>The published site as a static server serves it: each route loads by its own address.</summary>
[Collection(SiteCollection.Name)]
public sealed class SiteTests(Site site)
{
    [Theory]
    [InlineData("", "Expression lab")]
    [InlineData("neuron", "Neuron")]
    [InlineData("train", "Training")]
    [InlineData("neuron/", "Neuron")]
    public async Task Each_page_loads_from_its_own_address_on_a_plain_static_server(string path, string heading)
    {
        var page = await site.Browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var response = await page.GotoAsync(site.Url + path);
        Assert.True(response is { Ok: true }, $"{site.Url + path}: HTTP {response?.Status}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_engine_and_Graphviz_are_served_from_the_site_itself()
    {
        var page = await site.Browser.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(site.Url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Expression lab");
        Assert.Contains(requests, url => url.Contains("/lib/viz/viz-global.js", StringComparison.Ordinal));
        Assert.Contains(requests, url => url.Contains("/_framework/Micrograd.Functional.", StringComparison.Ordinal));
        Assert.All(requests, url => Assert.StartsWith(site.Url, url, StringComparison.Ordinal)); // nothing from a CDN
    }
}
