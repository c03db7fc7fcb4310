namespace Micrograd.Functional.Tests.Compilation;

/// <summary>Summing per-sample gradients on many threads, deterministically.</summary>
public class DataParallelTests
{
    [Fact]
    public void The_sum_over_samples_is_the_sum_of_each_samples_value_and_gradient()
    {
        // fᵢ(w, b; x, y) = (w·x + b − y)², summed over three samples.
        var f = Compiler.Compile(v => (v[0] * v[2] + v[1] - v[3]).Pow(2), 4);
        double[][] data = [[1.0, 2.0], [2.0, 3.0], [3.0, 5.0]];
        var gradient = new double[2];
        var sum = DataParallel.SumValueAndGradient([0.5, 0.25], 3, i => (f, data[i]), gradient);

        var (expected, dw, db) = (0.0, 0.0, 0.0);
        foreach (var d in data)
        {
            var r = 0.5 * d[0] + 0.25 - d[1];
            (expected, dw, db) = (expected + r * r, dw + 2 * r * d[0], db + 2 * r);
        }

        Assert.Equal(expected, sum, 12);
        Assert.Equal(dw, gradient[0], 12);
        Assert.Equal(db, gradient[1], 12);
    }

    [Fact]
    public void The_result_never_depends_on_which_thread_ran_which_chunk()
    {
        var f = Compiler.Compile(v => (v[0] * v[2]).Tanh() + (v[1] * v[2]).Exp(), 3);
        var data = Enumerable.Range(0, 1000).Select(i => new[] { Math.Sin(i) }).ToArray();
        var reference = new double[2];
        var expected = DataParallel.SumValueAndGradient([0.3, -0.2], data.Length, i => (f, data[i]), reference);
        for (var run = 0; run < 20; run++)
        {
            var gradient = new double[2];
            Assert.Equal(expected, DataParallel.SumValueAndGradient([0.3, -0.2], data.Length, i => (f, data[i]), gradient));
            Assert.Equal(reference, gradient);
        }
    }

    [Fact]
    public void Zero_samples_sum_to_zero_and_bad_arguments_are_rejected()
    {
        var f = Compiler.Compile(v => v[0] * v[1], 2);
        var gradient = new[] { 9.0 };
        Assert.Equal(0.0, DataParallel.SumValueAndGradient([1.0], 0, _ => (f, [1.0]), gradient));
        Assert.Equal(new[] { 0.0 }, gradient);
        Assert.Contains("1 entries for 2 parameters", Assert.Throws<ArgumentException>(() => DataParallel.SumValueAndGradient([1.0, 2.0], 1, _ => (f, []), new double[1])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => DataParallel.SumValueAndGradient([1.0], 1, _ => (f, [1.0]), new double[1], chunks: 0));
    }
}
