using System.Globalization;
using Microsoft.Playwright;
using static Micrograd.Playground.Browser.Tests.Pages;

namespace Micrograd.Playground.Browser.Tests;

/// <summary>The neuron page (route /neuron) in Chromium.</summary>
[Collection(SiteCollection.Name)]
public sealed class NeuronTests(Site site)
{
    [Fact]
    public async Task The_lectures_neuron_shows_tanh_and_its_gradients_and_follows_a_slider()
    {
        var (page, errors) = await site.Open();
        await Navigate(page, "nav-neuron", "Neuron");

        // o = tanh(x1·w1 + x2·w2 + b) at the lecture's point: n = 0.8813735870195432 = atanh(1/√2), so o = 1/√2 and
        // do/dn = 1 − o² = 0.5; then do/dx1 = w1·0.5, do/dw1 = x1·0.5, do/dx2 = w2·0.5, do/dw2 = x2·0.5.
        await Assertions.Expect(page.GetByTestId("output-value")).ToHaveTextAsync(F4(1 / Math.Sqrt(2)));
        await Assertions.Expect(page.GetByTestId("gradient-x1")).ToHaveTextAsync(F4(-3 * 0.5));
        await Assertions.Expect(page.GetByTestId("gradient-w1")).ToHaveTextAsync(F4(2 * 0.5));
        await Assertions.Expect(page.GetByTestId("gradient-x2")).ToHaveTextAsync(F4(1 * 0.5));
        await Assertions.Expect(page.GetByTestId("gradient-w2")).ToHaveTextAsync(F4(0 * 0.5));
        await Assertions.Expect(page.GetByTestId("graph").Locator("svg g.node").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Screenshot(page, "neuron");

        // x2 = 1: n = 1.8813735870195432, o = tanh(n); do/dw2 = x2·(1 − o²).
        await page.GetByTestId("slider-x2").FillAsync("1");
        var o = Math.Tanh(1.8813735870195432);
        await Assertions.Expect(page.GetByTestId("output-value")).ToHaveTextAsync(F4(o));
        await Assertions.Expect(page.GetByTestId("gradient-w2")).ToHaveTextAsync(F4(1 - o * o));
        Assert.Empty(errors);
    }

    private static string F4(double x) => x.ToString("F4", CultureInfo.InvariantCulture);
}
