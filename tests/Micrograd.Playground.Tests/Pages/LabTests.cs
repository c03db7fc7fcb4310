using AngleSharp.Dom;
using Micrograd.Playground.Pages;

namespace Micrograd.Playground.Tests.Pages;

/// <summary>The lab page driven by its data-testid hooks alone, as the browser tests drive it.</summary>
public sealed class LabTests
{
    private static (BunitContext Context, IRenderedComponent<Lab> Page) Render()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return (ctx, ctx.Render<Lab>());
    }

    private static IElement Hook(IRenderedComponent<Lab> page, string id) => page.Find($"[data-testid={id}]");

    /// <summary>
    /// Types <paramref name="source"/>: the first input event, which micrograd.watchEdits reports to the page (JavaScript
    /// does not run under bUnit, so the test makes that call), then the change event leaving the box fires.
    /// </summary>
    private static void Type(IRenderedComponent<Lab> page, string source)
    {
        page.InvokeAsync(page.Instance.Edited).GetAwaiter().GetResult();
        Hook(page, "expression").Change(source);
    }

    /// <summary>Types <paramref name="source"/> and presses Evaluate.</summary>
    private static void Evaluate(IRenderedComponent<Lab> page, string source)
    {
        Type(page, source);
        Hook(page, "evaluate").Click();
    }

    [Fact]
    public void The_page_opens_with_micrograds_program_and_shows_its_published_numbers()
    {
        var (ctx, page) = Render();
        using var _ = ctx;

        Assert.Equal(Lab.ReadmeProgram, Hook(page, "expression").GetAttribute("value") ?? Hook(page, "expression").TextContent);
        Hook(page, "evaluate").Click();
        Assert.Equal("24.7041", Hook(page, "output-value").TextContent);
        Assert.Equal("24.70408163265306", Hook(page, "output-value").GetAttribute("title"));
        Assert.Equal("138.8338", Hook(page, "gradient-a").TextContent);
        Assert.Equal("138.83381924198252", Hook(page, "gradient-a").GetAttribute("title"));
        Assert.Equal("645.5773", Hook(page, "gradient-b").TextContent);
        Assert.NotNull(Hook(page, "graph"));
        Assert.Empty(page.FindAll("[data-testid=expression-error]"));
    }

    [Fact]
    public void A_typed_program_shows_its_output_and_every_variables_gradient()
    {
        var (ctx, page) = Render();
        using var _ = ctx;

        Evaluate(page, "x = Value(3.0)\nw = Value(-2.0)\ny = (x * w).tanh()");
        Assert.Equal("-1.0000", Hook(page, "output-value").TextContent);
        var dydx = -2.0 * (1 - (Math.Tanh(-6.0) * Math.Tanh(-6.0))); // d tanh(xw)/dx = w·(1 − tanh²)
        Assert.Equal(dydx.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), Hook(page, "gradient-x").TextContent);
        Assert.Equal("1.0000", Hook(page, "gradient-y").TextContent);
    }

    [Fact]
    public void Stepping_one_node_per_click_reaches_the_end_and_says_the_pass_is_complete()
    {
        var (ctx, page) = Render();
        using var _ = ctx;
        Evaluate(page, "a = Value(2.0)\nb = Value(-3.0)\nc = a * b");

        Assert.Contains("step 0 of 3", Hook(page, "step-info").TextContent, StringComparison.Ordinal);
        Hook(page, "step-backward").Click();
        var info = Hook(page, "step-info").TextContent;
        Assert.Contains("step 1 of 3: node c (*, data -6.0000)", info, StringComparison.Ordinal);
        Assert.Contains("passes -3.0000 × 1.0000 = -3.0000", info, StringComparison.Ordinal);
        Assert.Equal("-3.0000", Hook(page, "so-far-a").TextContent);

        Hook(page, "step-backward").Click();
        Hook(page, "step-backward").Click();
        Assert.Contains("step 3 of 3", Hook(page, "step-info").TextContent, StringComparison.Ordinal);
        Assert.Contains("complete", Hook(page, "step-info").TextContent, StringComparison.Ordinal);
        Assert.True(Hook(page, "step-backward").HasAttribute("disabled"));
    }

    [Fact]
    public void Step_all_walks_the_README_graph_to_the_end_and_reset_starts_over()
    {
        var (ctx, page) = Render();
        using var _ = ctx;
        Hook(page, "evaluate").Click();

        Hook(page, "step-all").Click();
        page.WaitForAssertion(() => Assert.Contains("complete", Hook(page, "step-info").TextContent, StringComparison.Ordinal));
        Assert.Equal("138.8338", Hook(page, "so-far-a").TextContent);
        Assert.True(Hook(page, "step-backward").HasAttribute("disabled"));

        Hook(page, "step-reset").Click();
        Assert.Contains("step 0 of", Hook(page, "step-info").TextContent, StringComparison.Ordinal);
        Assert.False(Hook(page, "step-backward").HasAttribute("disabled"));
    }

    [Fact]
    public void Evaluating_again_resets_the_stepper()
    {
        var (ctx, page) = Render();
        using var _ = ctx;
        Evaluate(page, "a = Value(2.0)\nc = a * a");
        Hook(page, "step-backward").Click();
        Assert.Contains("step 1 of 2", Hook(page, "step-info").TextContent, StringComparison.Ordinal);

        Evaluate(page, "a = Value(2.0)\nc = a * a * a");
        Assert.Contains("step 0 of 3", Hook(page, "step-info").TextContent, StringComparison.Ordinal);
        Assert.Equal("12.0000", Hook(page, "gradient-a").TextContent);
    }

    [Fact]
    public void An_error_is_shown_at_its_line_and_column_and_nothing_stale_remains()
    {
        var (ctx, page) = Render();
        using var _ = ctx;
        Hook(page, "evaluate").Click();
        Assert.NotEmpty(page.FindAll("[data-testid=output-value]"));

        Evaluate(page, "a = Value(1.0)\nb = a + q");
        Assert.Equal("line 2, column 9: `q` is not defined", Hook(page, "expression-error").TextContent);
        Assert.Empty(page.FindAll("[data-testid=output-value]"));
        Assert.Empty(page.FindAll("[data-testid^=gradient-]"));
        Assert.Empty(page.FindAll("[data-testid=step-info]"));

        Evaluate(page, "a = Value(1.0)\nb = a + 1");
        Assert.Empty(page.FindAll("[data-testid=expression-error]"));
        Assert.Equal("2.0000", Hook(page, "output-value").TextContent);
    }

    [Fact]
    public void A_graph_too_big_to_draw_is_cut_to_250_nodes_and_says_so()
    {
        var (ctx, page) = Render();
        using var _ = ctx;
        Evaluate(page, "a = Value(0.5)\nb = a" + string.Concat(Enumerable.Repeat(".tanh()", 400)));

        Assert.Contains("The graph has 401 nodes; the drawing shows the 250 nearest the output (at most 250", Hook(page, "graph-cut").TextContent, StringComparison.Ordinal);
        Assert.Equal("250", Hook(page, "graph").GetAttribute("data-nodes"));
        Assert.Contains("step 0 of 401", Hook(page, "step-info").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_the_program_takes_the_old_results_away_until_it_is_evaluated()
    {
        var (ctx, page) = Render();
        using var _ = ctx;
        Assert.Equal("24.7041", Hook(page, "output-value").TextContent);

        await page.InvokeAsync(page.Instance.Edited); // the first keystroke, as micrograd.watchEdits reports it
        Assert.Empty(page.FindAll("[data-testid=output-value]"));
        Assert.Empty(page.FindAll("[data-testid=step-backward]"));
        Assert.Empty(page.FindAll("[data-testid=gradient-a]"));
        Assert.Contains("press Evaluate", Hook(page, "expression-changed").TextContent, StringComparison.Ordinal);

        Hook(page, "expression").Change("a = Value(5.0)\nb = a * a");
        Hook(page, "evaluate").Click();
        Assert.Equal("25.0000", Hook(page, "output-value").TextContent);
        Assert.Equal("10.0000", Hook(page, "gradient-a").TextContent);
        Assert.Empty(page.FindAll("[data-testid=expression-changed]"));
    }

    [Fact]
    public void Micrograds_README_block_as_published_runs_and_the_page_says_which_lines_it_skipped()
    {
        var (ctx, page) = Render();
        using var _ = ctx;
        Evaluate(page, "from micrograd.engine import Value\n\n" + Lab.ReadmeProgram + "\nprint(f'{g.data:.4f}') # prints 24.7041\ng.backward()\nprint(f'{a.grad:.4f}') # prints 138.8338\nprint(f'{b.grad:.4f}') # prints 645.5773\n");

        Assert.Equal("24.7041", Hook(page, "output-value").TextContent);
        Assert.Equal("138.8338", Hook(page, "gradient-a").TextContent);
        Assert.Equal("645.5773", Hook(page, "gradient-b").TextContent);
        var skipped = Hook(page, "expression-skipped").TextContent;
        Assert.Contains("line 1, an import", skipped, StringComparison.Ordinal);
        Assert.Contains("line 15, a print", skipped, StringComparison.Ordinal);
        Assert.Contains("line 18, a print", skipped, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_value_is_shown_in_scientific_notation_not_three_hundred_digits()
    {
        var (ctx, page) = Render();
        using var _ = ctx;
        Evaluate(page, "a = Value(1e300)\nb = a * 1e8");
        Assert.Equal("1.0000E+308", Hook(page, "output-value").TextContent);
        Assert.Equal("1E+308", Hook(page, "output-value").GetAttribute("title"));
        Assert.Equal("100000000.0000", Hook(page, "gradient-a").TextContent); // below 10¹²: still F4
    }
}
