namespace Micrograd.Functional.Data;

/// <summary>
/// Minibatches of a <see cref="Dataset"/> drawn with numpy's generator, so a training run can follow
/// micrograd's demo (<c>ri = np.random.permutation(X.shape[0])[:batch_size]</c>) draw for draw.
/// </summary>
public static class Minibatches
{
    /// <summary>
    /// One random minibatch, as micrograd's demo: the rows at the first <paramref name="batchSize"/> entries of
    /// <c>rng.permutation(n)</c>, in that order. Draws one permutation from <paramref name="rng"/>.
    /// </summary>
    /// <param name="data">The dataset to sample from.</param>
    /// <param name="batchSize">The number of rows, 1 ≤ batchSize ≤ n.</param>
    /// <param name="rng">The generator; it advances by one permutation of n.</param>
    /// <returns>A dataset of <paramref name="batchSize"/> distinct rows of <paramref name="data"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="rng"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is below 1 or above n.</exception>
    public static Dataset Random(Dataset data, int batchSize, NumpyRandomState rng)
    {
        Check(data, batchSize, rng);
        return data.Batch(rng.Permutation(data.Count).AsSpan(0, batchSize));
    }

    /// <summary>
    /// One epoch: a permutation of the n rows cut into consecutive batches of <paramref name="batchSize"/> rows
    /// (the last one smaller when batchSize does not divide n), so every row appears exactly once.
    /// The permutation is drawn from <paramref name="rng"/> when this method is called, not when the result is
    /// enumerated, so enumerating the result twice gives the same batches.
    /// </summary>
    /// <param name="data">The dataset to split.</param>
    /// <param name="batchSize">The rows per batch, 1 ≤ batchSize ≤ n.</param>
    /// <param name="rng">The generator; it advances by one permutation of n.</param>
    /// <returns>⌈n / batchSize⌉ batches covering every row once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="rng"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is below 1 or above n.</exception>
    public static IEnumerable<Dataset> Epoch(Dataset data, int batchSize, NumpyRandomState rng)
    {
        Check(data, batchSize, rng);
        var order = rng.Permutation(data.Count);
        return Batches(data, order, batchSize);
    }

    private static IEnumerable<Dataset> Batches(Dataset data, int[] order, int batchSize)
    {
        for (var start = 0; start < order.Length; start += batchSize)
        {
            yield return data.Batch(order.AsSpan(start, Math.Min(batchSize, order.Length - start)));
        }
    }

    private static void Check(Dataset data, int batchSize, NumpyRandomState rng)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rng);
        if (batchSize < 1 || batchSize > data.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"A batch of '{data.Name}' holds between 1 and {data.Count} rows.");
        }
    }
}
