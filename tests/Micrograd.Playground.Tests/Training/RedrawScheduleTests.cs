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
}
