using Micrograd.Functional.Data;

namespace Micrograd.Functional.Tests.Data;

/// <summary>Minibatches follow micrograd's demo, <c>ri = np.random.permutation(X.shape[0])[:batch_size]</c>, draw for draw.</summary>
public class MinibatchesTests
{
    private static readonly Dataset Ten = new(
        [.. Enumerable.Range(0, 10).Select(i => System.Collections.Immutable.ImmutableArray.Create((double)i))],
        [.. Enumerable.Range(0, 10).Select(i => i % 2)],
        "ten");

    [Fact]
    public void A_random_batch_is_the_rows_at_the_start_of_numpys_permutation()
    {
        // np.random.seed(42); np.random.permutation(10)[:4] -> [8, 1, 5, 0]
        var batch = Minibatches.Random(Ten, 4, new NumpyRandomState(42));
        Assert.Equal(Ten.Batch([8, 1, 5, 0]), batch);
    }

    [Fact]
    public void The_same_seed_gives_the_same_sequence_of_batches()
    {
        var (a, b) = (new NumpyRandomState(7), new NumpyRandomState(7));
        for (var step = 0; step < 5; step++)
        {
            Assert.Equal(Minibatches.Random(Ten, 3, a), Minibatches.Random(Ten, 3, b));
        }
    }

    [Fact]
    public void Consecutive_batches_advance_the_generator()
    {
        var rng = new NumpyRandomState(7);
        var batches = Enumerable.Range(0, 5).Select(_ => Minibatches.Random(Ten, 5, rng)).ToList();
        Assert.True(batches.Distinct().Count() > 1);
    }

    [Fact]
    public void An_epoch_covers_every_row_once_in_consecutive_slices_of_one_permutation()
    {
        var batches = Minibatches.Epoch(Ten, 4, new NumpyRandomState(42)).ToList();
        Assert.Equal([4, 4, 2], batches.Select(b => b.Count));
        Assert.Equal(Ten.Batch([8, 1, 5, 0]), batches[0]);
        Assert.Equal(Ten.Batch([7, 2, 9, 4]), batches[1]);
        Assert.Equal(Ten.Batch([3, 6]), batches[2]);
    }

    [Fact]
    public void An_epoch_draws_its_permutation_once_so_enumerating_it_twice_gives_the_same_batches()
    {
        var rng = new NumpyRandomState(42);
        var epoch = Minibatches.Epoch(Ten, 3, rng);
        Assert.Equal(epoch.ToList(), epoch.ToList());
        Assert.Equal(0.15599452033620265, rng.RandomSample()); // the next draw after permutation(10), from numpy_legacy.py
    }

    [Fact]
    public void A_batch_may_hold_one_row_or_every_row()
    {
        // np.random.seed(42); np.random.permutation(10) -> [8, 1, 5, 0, 7, 2, 9, 4, 3, 6]
        int[] permutation = [8, 1, 5, 0, 7, 2, 9, 4, 3, 6];
        Assert.Equal(Ten.Batch([8]), Minibatches.Random(Ten, 1, new NumpyRandomState(42)));
        Assert.Equal(Ten.Batch(permutation), Minibatches.Random(Ten, 10, new NumpyRandomState(42)));
        Assert.Equal([Ten.Batch(permutation)], Minibatches.Epoch(Ten, 10, new NumpyRandomState(42)));
        Assert.Equal(permutation.Select(i => Ten.Batch([i])), Minibatches.Epoch(Ten, 1, new NumpyRandomState(42)));
    }

    [Fact]
    public void Bad_batch_sizes_are_rejected_naming_the_argument()
    {
        var rng = new NumpyRandomState(0);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => Minibatches.Random(Ten, 0, rng)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => Minibatches.Random(Ten, 11, rng)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => Minibatches.Epoch(Ten, 0, rng)).ParamName);
        Assert.Equal("rng", Assert.Throws<ArgumentNullException>(() => Minibatches.Random(Ten, 2, null!)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentNullException>(() => Minibatches.Epoch(null!, 2, rng)).ParamName);
        Assert.StartsWith("A batch of 'ten' holds between 1 and 10 rows.", Assert.Throws<ArgumentOutOfRangeException>(() => Minibatches.Epoch(Ten, 11, rng)).Message);
    }
}
