using Micrograd.Functional.Nn;

namespace Micrograd.Playground.Training;

/// <summary>Where a run is.</summary>
public enum SessionStatus
{
    /// <summary>Built, no step taken.</summary>
    Idle,

    /// <summary>Taking steps.</summary>
    Running,

    /// <summary>Stopped between two steps; <see cref="TrainingSession.Start"/> resumes.</summary>
    Paused,

    /// <summary>Every step taken.</summary>
    Done,

    /// <summary>
    /// Stopped: the loss or a parameter became NaN or infinite (the library's <see cref="TrainingDivergedException"/>),
    /// or the loss blew up past <see cref="TrainingSession.BlowUpFactor"/> times its start.
    /// </summary>
    Diverged,
}

/// <summary>
/// One training run as a state machine over the library's lazy <c>model.Train(data, options)</c> sequence, one
/// <c>MoveNext</c> per step (default engine): idle → running ⇄ paused → done, or → diverged. Pausing stops between
/// steps and resuming continues the same enumeration, so a paused run gives the losses of an uninterrupted one.
/// Resetting is a new session. The loss and accuracy of every step are kept for the curves. A NaN or infinite loss, or
/// a loss over <see cref="BlowUpFactor"/> times its start, ends the run as diverged.
/// </summary>
public sealed class TrainingSession
{
    private readonly IEnumerator<TrainingStep> steps;
    private readonly List<double> losses = [];
    private readonly List<double> accuracies = [];
    private bool looping;

    /// <summary>A session at step 0 of <paramref name="plan"/>.</summary>
    /// <param name="plan">The data, initial model and options.</param>
    public TrainingSession(TrainingPlan plan)
    {
        Plan = plan ?? throw new ArgumentNullException(nameof(plan));
        steps = plan.Model.Train(plan.Data, plan.Options).GetEnumerator();
    }

    /// <summary>The run's data, initial model and options.</summary>
    public TrainingPlan Plan { get; }

    /// <summary>Where the run is.</summary>
    public SessionStatus Status { get; private set; } = SessionStatus.Idle;

    /// <summary>The last completed step, or null before the first.</summary>
    public TrainingStep? Last { get; private set; }

    /// <summary>
    /// How far the loss may grow before the run counts as diverged: above <c>BlowUpFactor · max(1, loss₀)</c>. The
    /// library stops only at a NaN or infinite loss, and a rate far too high need not get there: SGD at rate 1000 on
    /// micrograd's demo sends the loss from 0.9 to 1e8 at step 1 and 1e55 at step 4, then dead ReLUs and the L2 term keep
    /// it finite for all 100 steps (accuracy 50%), and Adam at rate 100 from 0.9 to 2e6. A working run never comes near.
    /// </summary>
    public const double BlowUpFactor = 1000;

    /// <summary>The step at which the run diverged, when <see cref="Status"/> is <see cref="SessionStatus.Diverged"/>.</summary>
    public int? DivergedAt { get; private set; }

    /// <summary>
    /// Why the run diverged, naming the step: the <see cref="TrainingDivergedException"/>'s message, or the blow-up
    /// (<see cref="BlowUpFactor"/>); null otherwise.
    /// </summary>
    public string? DivergenceMessage { get; private set; }

    /// <summary>The current model: the last step's, or the initial one.</summary>
    public Mlp Model => Last?.Model ?? Plan.Model;

    /// <summary>Each completed step's loss, from step 0.</summary>
    public IReadOnlyList<double> Losses => losses;

    /// <summary>Each completed step's accuracy (a fraction), from step 0.</summary>
    public IReadOnlyList<double> Accuracies => accuracies;

    /// <summary>The wall and step times.</summary>
    public RunTimings Timings { get; } = new();

    /// <summary>True once the run cannot take another step (done or diverged).</summary>
    public bool Ended => Status is SessionStatus.Done or SessionStatus.Diverged;

    /// <summary>Starts an idle run or resumes a paused one; does nothing otherwise.</summary>
    /// <returns>True when the run is now running.</returns>
    public bool Start()
    {
        if (Status is SessionStatus.Idle or SessionStatus.Paused)
        {
            Status = SessionStatus.Running;
            Timings.Run();
        }

        return Status == SessionStatus.Running;
    }

    /// <summary>Pauses a running run: the step under way (if any) finishes, and no other starts.</summary>
    public void Pause()
    {
        if (Status == SessionStatus.Running)
        {
            Status = SessionStatus.Paused;
            Timings.Stop();
        }
    }

    /// <summary>Takes one step if the run is running: one <c>MoveNext</c>, timed; ends the run after the last step or on divergence.</summary>
    /// <returns>True when a step was completed.</returns>
    public bool Step()
    {
        if (Status != SessionStatus.Running)
        {
            return false;
        }

        try
        {
            if (!Timings.Time(steps.MoveNext))
            {
                End(SessionStatus.Done);
                return false;
            }
        }
        catch (TrainingDivergedException e)
        {
            Diverge(e.Step, e.Message);
            return false;
        }

        Last = steps.Current;
        losses.Add(Last.Loss);
        accuracies.Add(Last.Accuracy);
        var limit = BlowUpFactor * Math.Max(1, losses[0]);
        if (Last.Loss > limit)
        {
            Diverge(Last.Step, FormattableString.Invariant(
                $"Training diverged at step {Last.Step}: the loss is {Last.Loss:G6}, over {BlowUpFactor}× the first step's {losses[0]:G6}; a smaller learning rate often helps."));
        }
        else if (Last.Step == Plan.Options.Steps - 1)
        {
            End(SessionStatus.Done); // at once, not one MoveNext later: the last step's numbers show with "done"
        }

        return true;
    }

    private void Diverge(int step, string message)
    {
        DivergedAt = step;
        DivergenceMessage = message;
        End(SessionStatus.Diverged);
    }

    /// <summary>
    /// Steps while the run is running, calling <paramref name="afterStep"/> after each step and awaiting
    /// <paramref name="yieldToRenderer"/> between steps so that the page repaints and takes clicks (a pause, a reset).
    /// Returns when the run pauses or ends. A second call while a loop is under way returns at once (that loop goes on).
    /// An exception from a step or from <paramref name="afterStep"/> leaves the run paused and propagates.
    /// </summary>
    /// <param name="yieldToRenderer">Gives the browser a turn, e.g. <c>() =&gt; Task.Delay(1)</c>.</param>
    /// <param name="afterStep">Shows the step (state, curves, heat map).</param>
    public async Task RunAsync(Func<Task> yieldToRenderer, Func<Task> afterStep)
    {
        ArgumentNullException.ThrowIfNull(yieldToRenderer);
        ArgumentNullException.ThrowIfNull(afterStep);
        if (looping)
        {
            return;
        }

        looping = true;
        try
        {
            while (Status == SessionStatus.Running)
            {
                Step();
                await afterStep();
                await yieldToRenderer();
            }
        }
        finally
        {
            looping = false;
            Pause(); // when a step or the display threw: the run stops as paused instead of claiming to run
        }
    }

    private void End(SessionStatus status)
    {
        Status = status;
        Timings.Stop();
        steps.Dispose();
    }
}
