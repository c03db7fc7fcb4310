using System.Collections.Immutable;

namespace Micrograd.Functional.Tests.Compilation;

/// <summary>Summing per-sample gradients on many threads, deterministically.</summary>
public class DataParallelTests
{
    [Fact]
    public void The_sum_over_samples_is_the_sum_of_each_samples_value_and_gradient()
    {
        // fᵢ(w, b; x, y) = (w·x + b − y)², summed over three samples.
        var f = Compiler.Compile(v => (v[0] * v[2] + v[1] - v[3]).Pow(2), 4);
        ImmutableArray<double>[] data = [[1.0, 2.0], [2.0, 3.0], [3.0, 5.0]];
        var gradient = new double[2];
        var sum = DataParallel.SumValueAndGrad([0.5, 0.25], 3, i => (f, data[i]), gradient);

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
        var data = Enumerable.Range(0, 1000).Select(i => ImmutableArray.Create(Math.Sin(i))).ToArray();
        var reference = new double[2];
        var expected = DataParallel.SumValueAndGrad([0.3, -0.2], data.Length, i => (f, data[i]), reference);
        for (var run = 0; run < 20; run++)
        {
            var gradient = new double[2];
            Assert.Equal(expected, DataParallel.SumValueAndGrad([0.3, -0.2], data.Length, i => (f, data[i]), gradient));
            Assert.Equal(reference, gradient);
        }
    }

    [Fact]
    public void Zero_samples_sum_to_zero_and_bad_arguments_are_rejected()
    {
        var f = Compiler.Compile(v => v[0] * v[1], 2);
        var gradient = new[] { 9.0 };
        Assert.Equal(0.0, DataParallel.SumValueAndGrad([1.0], 0, _ => (f, [1.0]), gradient));
        Assert.Equal(new[] { 0.0 }, gradient);
        Assert.Contains("1 entries for 2 parameters", Assert.Throws<ArgumentException>(() => DataParallel.SumValueAndGrad([1.0, 2.0], 1, _ => (f, []), new double[1])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => DataParallel.SumValueAndGrad([1.0], 1, _ => (f, [1.0]), new double[1], chunks: 0));
        var wrongWidth = Assert.Throws<ArgumentException>(() => DataParallel.SumValueAndGrad([1.0], 40, _ => (f, [1.0, 2.0]), new double[1]));
        Assert.Contains("its function must take the 1 parameters followed by its data (2 values); it takes 2", wrongWidth.Message);
    }

    [Fact]
    public void The_immutable_form_returns_the_same_sum_and_gradient_as_the_span_form()
    {
        var f = Compiler.Compile(v => (v[0] * v[2]).Tanh() + v[1], 3);
        ImmutableArray<double>[] data = [[0.5], [-1.5], [2.0]];
        var gradient = new double[2];
        var sum = DataParallel.SumValueAndGrad([0.3, -0.2], 3, i => (f, data[i]), gradient);
        var (value, grad) = DataParallel.SumValueAndGrad(ImmutableArray.Create(0.3, -0.2), 3, i => (f, data[i]));
        Assert.Equal(sum, value);
        Assert.Equal(gradient, grad);
    }

    [Fact]
    public void Each_chunk_sums_its_samples_in_order_then_the_chunks_are_added_in_order()
    {
        // Sample values 1e16, 1, −1e16, 1 (f = p + d at p = 0). Two chunks: (1e16 + 1) rounds to 1e16 and
        // (−1e16 + 1) to −1e16, so the sum is 0; one chunk or four would give 1.
        var f = Compiler.Compile(v => v[0] + v[1], 2);
        double[] values = [1e16, 1.0, -1e16, 1.0];
        var gradient = new double[1];
        Assert.Equal(0.0, DataParallel.SumValueAndGrad([0.0], 4, i => (f, [values[i]]), gradient, chunks: 2));
        Assert.Equal(1.0, DataParallel.SumValueAndGrad([0.0], 4, i => (f, [values[i]]), gradient, chunks: 1));
        Assert.Equal(4.0, gradient[0]);
    }

    [Fact]
    public void A_sample_without_a_function_or_data_is_a_clear_error_naming_the_sample()
    {
        var f = Compiler.Compile(v => v[0] * v[1], 2);
        var noFunction = Assert.Throws<ArgumentException>(() => DataParallel.SumValueAndGrad([1.0], 1, _ => (null!, [1.0]), new double[1]));
        Assert.Contains("Sample 0: its function must take the 1 parameters followed by its data (1 values); it takes nothing (null).", noFunction.Message);
        var noData = Assert.Throws<ArgumentException>(() => DataParallel.SumValueAndGrad([1.0], 1, _ => (f, default), new double[1]));
        Assert.Contains("followed by its data (none given values); it takes 2", noData.Message);
        Assert.Equal("parameters", Assert.Throws<ArgumentNullException>(() => DataParallel.SumValueAndGrad(default, 1, _ => (f, [1.0]))).ParamName);
    }

#pragma warning disable CS0618 // the renamed method's forward still works for one release
    [Fact]
    public void The_old_name_forwards_to_the_new_one()
    {
        var f = Compiler.Compile(v => v[0] * v[1], 2);
        var (old, renamed) = (new double[1], new double[1]);
        Assert.Equal(DataParallel.SumValueAndGrad([3.0], 1, _ => (f, [2.0]), renamed), DataParallel.SumValueAndGradient([3.0], 1, _ => (f, new[] { 2.0 }), old));
        Assert.Equal(renamed, old);
        Assert.Equal(f.ValueAndGrad([3.0, 2.0], renamed.Concat([0.0]).ToArray()), f.ValueAndGradient([3.0, 2.0], new double[2]));
        Assert.Equal("sample", Assert.Throws<ArgumentNullException>(() => DataParallel.SumValueAndGradient([3.0], 1, null!, old)).ParamName);

        // A null data array is no data: f(p) = p² at 3 is 9, with gradient 6.
        var square = Compiler.Compile(v => v[0] * v[0], 1);
        Assert.Equal(9.0, DataParallel.SumValueAndGradient([3.0], 1, _ => (square, null!), old));
        Assert.Equal(6.0, old[0]);
    }
#pragma warning restore CS0618
}
