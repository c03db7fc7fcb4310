using Micrograd.Demo;
using Micrograd.Functional.Nn;

namespace Micrograd.Functional.Tests.Demo;

/// <summary>The demo's record of a run: every step exactly up to 4,096 steps, then means of equal buckets, in bounded memory.</summary>
public class TrainingHistoryTests
{
    private static readonly Mlp Model = Mlp.Create(2, [1], seed: 1);

    private static TrainingHistory Record(int steps, Func<int, double> loss)
    {
        var recorder = new TrainingHistory.Recorder();
        for (var k = 0; k < steps; k++)
        {
            recorder.Add(new TrainingStep(k, loss(k), k % 2, 0.1, TimeSpan.FromMilliseconds(k), Model));
        }

        return recorder.ToHistory();
    }

    [Fact]
    public void Up_to_4096_steps_every_step_is_kept_bit_for_bit()
    {
        var history = Record(4096, k => Math.Sin(k) * 1e-3 + k);
        Assert.Equal((4096, 1, 4096), (history.StepCount, history.Stride, history.Losses.Length));
        Assert.Equal(Enumerable.Range(0, 4096).Select(k => Math.Sin(k) * 1e-3 + k), history.Losses);
        Assert.Equal(Enumerable.Range(0, 4096), history.PointSteps);
    }

    [Fact]
    public void A_longer_run_keeps_at_most_4096_points_each_the_mean_of_its_steps_and_the_last_steps_own_numbers()
    {
        // 10,000 steps: the buckets merge at 4,096 and 8,192 steps, so each point is the mean of 4 steps, 2,500 points.
        var history = Record(10_000, k => k);
        Assert.Equal((10_000, 4, 2500), (history.StepCount, history.Stride, history.Losses.Length));
        for (var i = 0; i < history.Losses.Length; i++)
        {
            Assert.Equal(4 * i + 1.5, history.Losses[i], 9); // the mean of 4i, 4i + 1, 4i + 2, 4i + 3
            Assert.Equal(0.5, history.Accuracies[i], 9);     // steps alternate 0 and 1
        }

        Assert.Equal((9999.0, 1.0), (history.FinalLoss, history.FinalAccuracy));
        Assert.Equal(4 * 2499, history.PointSteps.Last());
    }

    [Fact]
    public void A_million_steps_stay_within_4096_points()
    {
        var history = Record(1_000_000, k => 1.0 / (k + 1));
        Assert.True(history.Losses.Length <= TrainingHistory.MaxPoints);
        Assert.Equal(1_000_000, history.StepCount);
        Assert.Equal(1e-6, history.FinalLoss);
    }
}
