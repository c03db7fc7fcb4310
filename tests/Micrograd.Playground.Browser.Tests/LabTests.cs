using System.Text;
using Microsoft.Playwright;
using static Micrograd.Playground.Browser.Tests.Pages;

namespace Micrograd.Playground.Browser.Tests;

/// <summary>The expression lab (route /) in Chromium, driven by its data-testid hooks.</summary>
[Collection(SiteCollection.Name)]
public sealed class LabTests(Site site)
{
    /// <summary>micrograd's README example (github.com/karpathy/micrograd), its first 12 lines as published.</summary>
    private const string MicrogradReadme = """
        a = Value(-4.0)
        b = Value(2.0)
        c = a + b
        d = a * b + b**3
        c += c + 1
        c += 1 + c + (-a)
        d += d * 2 + (b + a).relu()
        d += 3 * d + (b - a).relu()
        e = c - d
        f = e**2
        g = f / 2.0
        g += 10.0 / f
        """;

    /// <summary>The whole block as micrograd's README publishes it: its import, the program, and its prints.</summary>
    private const string MicrogradReadmeAsPublished = "from micrograd.engine import Value\n\n" + MicrogradReadme + """

        print(f'{g.data:.4f}') # prints 24.7041, the outcome of this forward pass
        g.backward()
        print(f'{a.grad:.4f}') # prints 138.8338, i.e. the numerical value of dg/da
        print(f'{b.grad:.4f}') # prints 645.5773, i.e. the numerical value of dg/db
        """;

    [Fact]
    public async Task Micrograds_README_program_gives_its_published_value_and_gradients()
    {
        var (page, errors) = await site.Open();
        await page.GetByTestId("expression").FillAsync(MicrogradReadmeAsPublished);
        await Assertions.Expect(page.GetByTestId("output-value")).ToHaveCountAsync(0); // typing takes the old results away
        await page.GetByTestId("evaluate").ClickAsync();

        // The numbers micrograd's README prints (its comments: 24.7041, 138.8338, 645.5773).
        await Assertions.Expect(page.GetByTestId("output-value")).ToHaveTextAsync("24.7041");
        await Assertions.Expect(page.GetByTestId("gradient-a")).ToHaveTextAsync("138.8338");
        await Assertions.Expect(page.GetByTestId("gradient-b")).ToHaveTextAsync("645.5773");
        await Assertions.Expect(page.GetByTestId("graph").Locator("svg g.node").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("expression-skipped")).ToContainTextAsync("line 1, an import");
        await Screenshot(page, "lab");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Stepping_the_backward_pass_visits_every_node_and_ends_complete()
    {
        var (page, errors) = await site.Open();
        await page.GetByTestId("expression").FillAsync(MicrogradReadme);
        await page.GetByTestId("evaluate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("output-value")).ToHaveTextAsync("24.7041");

        // Before the first step the panel says how many steps the pass has: "Backward step 0 of N: …".
        var before = await Text(page, "step-info");
        var match = System.Text.RegularExpressions.Regex.Match(before, @"step 0 of (\d+)");
        Assert.True(match.Success, before);
        var total = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var step = page.GetByTestId("step-backward");
        var clicks = 0;
        while (await step.IsEnabledAsync() && clicks <= total)
        {
            await step.ClickAsync();
            clicks++;
            if (clicks == 5)
            {
                await Assertions.Expect(page.GetByTestId("step-info")).ToContainTextAsync($"step 5 of {total}");
                await Assertions.Expect(page.Locator(".graph g.node.current").First).ToBeVisibleAsync();
                await Screenshot(page, "lab-stepper");
            }
        }

        // One click per node of micrograd's README graph, newest first, then the button is disabled.
        Assert.Equal(total, clicks);
        await Assertions.Expect(step).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("step-info")).ToContainTextAsync("The backward pass is complete");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_malformed_program_is_reported_at_its_line_and_column_and_the_page_recovers()
    {
        var (page, errors) = await site.Open();
        await page.GetByTestId("expression").FillAsync("a = Value(1.0)\nb = a + * 2\n");
        await page.GetByTestId("evaluate").ClickAsync();
        var error = page.GetByTestId("expression-error");
        await Assertions.Expect(error).ToContainTextAsync("line 2, column 9");
        await Screenshot(page, "lab-error");

        await page.GetByTestId("expression").FillAsync("a = Value(3.0)\nb = a * a");
        await page.GetByTestId("evaluate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("output-value")).ToHaveTextAsync("9.0000");
        await Assertions.Expect(page.GetByTestId("gradient-a")).ToHaveTextAsync("6.0000");
        await Assertions.Expect(error).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_huge_program_gets_a_limit_message_quickly_and_the_page_stays_usable()
    {
        var (page, errors) = await site.Open();
        var huge = new StringBuilder("x = Value(1.0)\n");
        for (var i = 0; i < 60_000; i++)
        {
            huge.Append("x = x * 1.0001 + 1\n");
        }

        await SetProgram(page, huge.ToString());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.GetByTestId("evaluate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("expression-error")).ToContainTextAsync("limit");
        var seconds = clock.Elapsed.TotalSeconds;
        await Screenshot(page, "lab-huge");
        Assert.True(seconds < 30, $"the limit message took {seconds:F1} s");

        await page.GetByTestId("expression").FillAsync("y = Value(2.0).tanh()");
        await page.GetByTestId("evaluate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("output-value")).ToHaveTextAsync(Math.Tanh(2.0).ToString("F4", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("nodes")]
    [InlineData("nesting")]
    public async Task A_program_too_big_to_build_or_too_deep_to_parse_is_refused_with_a_limit_message(string kind)
    {
        var (page, errors) = await site.Open();
        var program = kind == "nodes"
            ? "x = Value(1.0)\n" + string.Concat(Enumerable.Repeat("x = x * 2 + 1 - x / 3\n", 4_000)) // under the size limit, about 40,000 nodes
            : "x = Value(1.0)\ny = " + new string('(', 10_000) + "x" + new string(')', 10_000) + "\n";
        await SetProgram(page, program);
        await page.GetByTestId("evaluate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("expression-error")).ToContainTextAsync("limit");
        await Assertions.Expect(page.GetByTestId("output-value")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    /// <summary>
    /// Puts a long program into the text area as a paste would, then leaves it: one input event, one change event.
    /// (Playwright's FillAsync types into a large multi-line text area slowly, about 16 s for 3,000 lines.)
    /// </summary>
    private static Task SetProgram(IPage page, string program) =>
        page.GetByTestId("expression").EvaluateAsync(
            "(element, text) => { element.value = text; element.dispatchEvent(new Event('input', { bubbles: true })); element.dispatchEvent(new Event('change', { bubbles: true })); }", program);
}
