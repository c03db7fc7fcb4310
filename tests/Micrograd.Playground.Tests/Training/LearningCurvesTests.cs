using Micrograd.Playground.Training;

namespace Micrograd.Playground.Tests.Training;

public class LearningCurvesTests
{
    private static TrainingSession Run(int planned, int taken)
    {
        var session = new TrainingSession(new TrainingSettings { Steps = planned }.Plan());
        session.Start();
        for (var k = 0; k < taken; k++)
        {
            session.Step();
        }

        return session;
    }

    [Fact]
    public void Before_the_first_step_the_curves_are_empty_on_a_loss_axis_up_to_1()
    {
        var curves = LearningCurves.Of(new TrainingSession(new TrainingSettings().Plan()));
        Assert.Empty(curves.Loss);
        Assert.Empty(curves.Accuracy);
        Assert.Equal(100, curves.Points);
        Assert.Equal(1, curves.Top);
    }

    [Fact]
    public void The_loss_is_drawn_as_a_fraction_of_its_largest_value_and_the_accuracy_as_itself()
    {
        var session = Run(planned: 100, taken: 4);
        var curves = LearningCurves.Of(session);

        var top = session.Losses.Max();
        Assert.Equal(top, curves.Top);
        Assert.Equal(session.Losses.Select(l => l / top), curves.Loss);
        Assert.Equal(session.Accuracies, curves.Accuracy);
        Assert.Equal(1.0, curves.Loss.Max());
    }

    [Fact]
    public void A_long_run_keeps_every_kth_step_so_that_a_curve_has_at_most_500_points()
    {
        // 1,001 steps: k = ⌈1001/500⌉ = 3, so steps 0, 3, 6, … and ⌈1001/3⌉ = 334 points in all.
        var session = Run(planned: 1001, taken: 7);
        var curves = LearningCurves.Of(session);

        Assert.Equal(334, curves.Points);
        Assert.Equal(new[] { 0, 3, 6 }.Select(k => session.Accuracies[k]), curves.Accuracy);
    }
}
