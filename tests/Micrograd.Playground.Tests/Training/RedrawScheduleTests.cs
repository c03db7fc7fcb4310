using Micrograd.Playground.Training;

namespace Micrograd.Playground.Tests.Training;

public class RedrawScheduleTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void The_first_step_redraws_then_at_most_once_per_interval_and_always_at_the_end()
    {
        var schedule = new RedrawSchedule(Ms(150));
        Assert.True(schedule.Due(Ms(20), final: false));
        Assert.False(schedule.Due(Ms(100), final: false));
        Assert.False(schedule.Due(Ms(169), final: false));
        Assert.True(schedule.Due(Ms(170), final: false));
        Assert.False(schedule.Due(Ms(200), final: false));
        Assert.True(schedule.Due(Ms(201), final: true));
    }

    [Fact]
    public void After_a_costly_redraw_the_next_waits_for_four_times_its_cost()
    {
        var schedule = new RedrawSchedule(Ms(150));
        Assert.True(schedule.Due(Ms(0), final: false));
        schedule.Record(Ms(100));

        Assert.False(schedule.Due(Ms(399), final: false));
        Assert.True(schedule.Due(Ms(400), final: false));
        schedule.Record(Ms(10)); // cheap again: the interval rules
        Assert.True(schedule.Due(Ms(550), final: false));
    }

    [Fact]
    public void The_end_of_a_run_redraws_however_costly_the_last_redraw_was()
    {
        var schedule = new RedrawSchedule(Ms(150));
        Assert.True(schedule.Due(Ms(0), final: false));
        schedule.Record(Ms(10_000));
        Assert.True(schedule.Due(Ms(1), final: true));
    }
}
