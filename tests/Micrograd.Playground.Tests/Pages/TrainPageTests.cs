using Micrograd.Playground.Pages;

namespace Micrograd.Playground.Tests.Pages;

public class TrainPageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static IRenderedComponent<Train> Render(BunitContext ctx)
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return ctx.Render<Train>();
    }

    private static string Hook(IRenderedComponent<Train> cut, string id) => cut.Find($"[data-testid={id}]").TextContent.Trim();

    [Fact]
    public void Training_with_micrograds_defaults_reaches_step_99_with_the_notebook_loss_and_100_percent()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);
        Assert.Equal("idle", Hook(cut, "train-status"));
        Assert.Equal("", Hook(cut, "train-step"));

        cut.Find("[data-testid=train-start]").Click();
        cut.WaitForAssertion(() => Assert.Equal("99", Hook(cut, "train-step")), Patience);

        Assert.Equal("0.010978370135492717", Hook(cut, "train-loss")); // micrograd's demo notebook, step 99
        Assert.Equal("100%", Hook(cut, "train-accuracy"));
        Assert.Equal("done", Hook(cut, "train-status"));
        Assert.Equal("99", cut.Find("[data-testid=decision-boundary]").GetAttribute("data-drawn-step")); // the final model's picture
        var elapsed = long.Parse(Hook(cut, "train-elapsed-ms"));
        var compute = long.Parse(Hook(cut, "train-compute-ms"));
        Assert.InRange(compute, 0, elapsed + 1); // each rounded to whole ms
        Assert.Matches(@"^\d+\.\d{3}$", Hook(cut, "train-step-ms"));
    }

    [Fact]
    public void Pausing_and_resuming_on_the_page_ends_at_the_notebook_step_99_loss()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);
        cut.Find("[data-testid=train-yield]").Change("delay"); // a real await: bUnit's loose JS interop returns at once

        cut.Find("[data-testid=train-start]").Click();
        cut.WaitForAssertion(() => Assert.NotEqual("", Hook(cut, "train-step")), Patience);
        cut.Find("[data-testid=train-pause]").Click();
        cut.WaitForAssertion(() => Assert.Equal("paused", Hook(cut, "train-status")), Patience);
        var pausedAt = Hook(cut, "train-step");
        Assert.True(cut.Find("[data-testid=train-lr]").HasAttribute("disabled")); // the controls wait for a reset

        cut.Find("[data-testid=train-start]").Click();
        cut.WaitForAssertion(() => Assert.Equal("done", Hook(cut, "train-status")), Patience);

        Assert.NotEqual("99", pausedAt);
        Assert.Equal("0.010978370135492717", Hook(cut, "train-loss"));
    }

    [Theory]
    [InlineData("sgd", "1000")]
    [InlineData("adam", "100")]
    public void A_learning_rate_far_too_high_shows_the_divergence_message_with_its_step(string optimizer, string rate)
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);

        cut.Find("[data-testid=train-optimizer]").Change(optimizer);
        cut.Find("[data-testid=train-lr]").Input(rate);
        cut.Find("[data-testid=train-start]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Training diverged at step 1: the loss is ", Hook(cut, "train-status"), StringComparison.Ordinal), Patience);
        Assert.Equal("1", Hook(cut, "train-step"));
        Assert.False(cut.Find("[data-testid=train-lr]").HasAttribute("disabled")); // stopped: the controls are free again
    }

    [Fact]
    public void Bad_hidden_sizes_show_a_message_and_start_does_not_train()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);

        cut.Find("[data-testid=train-hidden]").Input("16, x");
        Assert.Contains("layer 2, \"x\", is not a whole number", Hook(cut, "train-error"), StringComparison.Ordinal);

        cut.Find("[data-testid=train-start]").Click();
        Assert.Equal("idle", Hook(cut, "train-status"));
        Assert.Equal("", Hook(cut, "train-step"));

        cut.Find("[data-testid=train-hidden]").Input("16, 16");
        Assert.Empty(cut.FindAll("[data-testid=train-error]"));
    }

    [Fact]
    public void Reset_after_a_run_rebuilds_the_model_and_clears_the_step_loss_and_curves()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);
        cut.Find("[data-testid=train-steps]").Input("3");
        cut.Find("[data-testid=train-start]").Click();
        cut.WaitForAssertion(() => Assert.Equal("done", Hook(cut, "train-status")), Patience);
        Assert.Equal("2", Hook(cut, "train-step"));

        cut.Find("[data-testid=train-reset]").Click();

        Assert.Equal("idle", Hook(cut, "train-status"));
        Assert.Equal("", Hook(cut, "train-step"));
        Assert.Equal("", Hook(cut, "train-loss"));
        var curves = ctx.JSInterop.Invocations.Where(i => i.Identifier == "micrograd.drawCurves").Last();
        Assert.All((double[][])curves.Arguments[1]!, series => Assert.Empty(series));
    }

    [Fact]
    public void Start_after_a_run_ends_trains_afresh_with_the_changed_controls()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);
        cut.Find("[data-testid=train-steps]").Input("2");
        cut.Find("[data-testid=train-start]").Click();
        cut.WaitForAssertion(() => Assert.Equal("done", Hook(cut, "train-status")), Patience);
        Assert.Equal("1", Hook(cut, "train-step"));

        cut.Find("[data-testid=train-steps]").Input("4");
        cut.Find("[data-testid=train-start]").Click();

        cut.WaitForAssertion(() => Assert.Equal("done", Hook(cut, "train-status")), Patience);
        Assert.Equal("3", Hook(cut, "train-step"));
    }

    [Fact]
    public async Task Leaving_the_page_while_training_pauses_the_run()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);
        cut.Find("[data-testid=train-yield]").Change("delay");
        cut.Find("[data-testid=train-steps]").Input("5000");
        cut.Find("[data-testid=train-start]").Click();
        cut.WaitForAssertion(() => Assert.Equal("running", Hook(cut, "train-status")), Patience);

        await ctx.DisposeComponentsAsync();
        int Drawn() => ctx.JSInterop.Invocations.Count(i => i.Identifier == "micrograd.drawCurves");
        var drawn = Drawn();
        await Task.Delay(300);

        Assert.InRange(Drawn(), drawn, drawn + 1); // at most the step under way finishes; no loop goes on
    }

    [Fact]
    public void A_learning_rate_of_1e308_is_used_as_typed_and_the_run_diverges_with_the_message()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);

        cut.Find("[data-testid=train-lr]").Input("1e308");
        Assert.Empty(cut.FindAll("[data-testid=train-error]"));
        cut.Find("[data-testid=train-start]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Training diverged at step ", Hook(cut, "train-status"), StringComparison.Ordinal), Patience);
        Assert.Equal("1e308", cut.Find("[data-testid=train-lr]").GetAttribute("value"));
    }

    [Theory]
    [InlineData("train-steps", "1.5", "Steps: \"1.5\" is not a whole number.")]
    [InlineData("train-seed", "99999999999999999999", "Data seed: \"99999999999999999999\" is out of range")]
    [InlineData("train-lr", "1e", "Learning rate: \"1e\" is not a number")]
    [InlineData("train-samples", "", "Samples: the box is empty; type a number.")]
    public void A_number_that_does_not_read_is_named_with_its_text_and_start_does_not_train(string box, string text, string message)
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);

        cut.Find($"[data-testid={box}]").Input(text);
        Assert.StartsWith(message, Hook(cut, "train-error"), StringComparison.Ordinal);
        Assert.Equal(text, cut.Find($"[data-testid={box}]").GetAttribute("value"));

        cut.Find("[data-testid=train-start]").Click();
        Assert.Equal("idle", Hook(cut, "train-status"));
        Assert.Equal("", Hook(cut, "train-step"));
    }

    [Theory]
    [InlineData("", "Hidden sizes are empty")]
    [InlineData("2, 2, 2, 2, 2", "give 5 layers; at most 4")]
    [InlineData("64, 64, 64, 64", "has 12,737 parameters; the limit here is 5,000")]
    public void Hidden_sizes_that_make_no_run_leave_a_message_after_start_not_silence(string hidden, string message)
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);

        cut.Find("[data-testid=train-samples]").Input("1000");
        cut.Find("[data-testid=train-hidden]").Input(hidden);
        cut.Find("[data-testid=train-start]").Click();

        Assert.Contains(message, Hook(cut, "train-error"), StringComparison.Ordinal);
        Assert.Equal("idle", Hook(cut, "train-status"));
    }

    [Fact]
    public void Hidden_sizes_none_train_a_linear_model()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);

        cut.Find("[data-testid=train-hidden]").Input("none");
        cut.Find("[data-testid=train-steps]").Input("3");
        cut.Find("[data-testid=train-start]").Click();

        cut.WaitForAssertion(() => Assert.Equal("done", Hook(cut, "train-status")), Patience);
        Assert.Equal("2", Hook(cut, "train-step"));
    }

    [Fact]
    public void Start_shows_running_and_the_tape_hint_and_lets_the_browser_paint_before_the_first_step()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);
        var paint = ctx.JSInterop.SetupVoid("micrograd.afterPaint"); // unanswered until SetVoidResult: the browser has not painted
        cut.Find("[data-testid=train-steps]").Input("2");

        cut.Find("[data-testid=train-start]").Click();

        Assert.Equal("running", Hook(cut, "train-status"));
        Assert.StartsWith("preparing the tape… (the first step traces and compiles the model's 337 parameters)", Hook(cut, "train-preparing"), StringComparison.Ordinal);
        Assert.Equal("", Hook(cut, "train-step"));

        paint.SetVoidResult();
        cut.WaitForAssertion(() => Assert.Equal("done", Hook(cut, "train-status")), Patience);
        Assert.Empty(cut.FindAll("[data-testid=train-preparing]"));
    }

    [Fact]
    public void A_bigger_model_draws_its_decision_boundary_on_a_coarser_grid()
    {
        using var ctx = new BunitContext();
        var cut = Render(ctx);
        Assert.Equal("40", cut.Find("[data-testid=decision-boundary]").GetAttribute("data-grid-cells"));

        cut.Find("[data-testid=train-hidden]").Input("64, 64");
        cut.Find("[data-testid=train-reset]").Click();

        Assert.Equal("12", cut.Find("[data-testid=decision-boundary]").GetAttribute("data-grid-cells"));
        var boundary = ctx.JSInterop.Invocations.Where(i => i.Identifier == "micrograd.drawBoundary").Last();
        Assert.Equal(12, boundary.Arguments[1]);
    }
}
