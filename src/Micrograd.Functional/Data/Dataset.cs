using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Globalization;

namespace Micrograd.Functional.Data;

/// <summary>
/// An immutable classification dataset: n rows xᵢ ∈ ℝᵈ of finite features, each with a class
/// label yᵢ ∈ {0, …, k−1} for k ≥ 2 classes; binary (k = 2, yᵢ ∈ {0, 1}, sklearn's convention) unless
/// told otherwise (<see cref="SignedLabels"/> gives micrograd's −1/+1 for binary data).
/// Every instance is valid: the constructor checks the shape, the labels and the features, and there
/// is no way to change them afterwards.
/// </summary>
/// <remarks>
/// Equality is structural: two datasets are equal when their names, class counts, features (bit for bit, as
/// <see cref="double.Equals(double)"/>) and labels are equal.
/// </remarks>
public sealed record Dataset
{
    /// <summary>Checks and wraps the rows and labels.</summary>
    /// <param name="features">The rows xᵢ; at least one, all of the same width d ≥ 1, every number finite.</param>
    /// <param name="labels">The class labels yᵢ ∈ {0, …, k−1}, one per row.</param>
    /// <param name="name">A name for messages and plots, for example <c>"moons"</c>.</param>
    /// <param name="classes">k, the number of classes, at least 2 (default 2: binary). Not every class need occur.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 2.</exception>
    /// <exception cref="ArgumentException">
    /// There are no rows, a row is empty or wider or narrower than row 0, a feature is NaN or ±∞,
    /// the number of labels differs from the number of rows, or a label is outside 0..k−1.
    /// </exception>
    public Dataset(ImmutableArray<ImmutableArray<double>> features, ImmutableArray<int> labels, string name, int classes = 2)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Features = Validated(features);
        Labels = Validated(labels, Features.Length, classes);
        Name = name;
        Classes = classes;
    }

    /// <summary>The rows x₀, …, xₙ₋₁, each of <see cref="FeatureCount"/> finite numbers.</summary>
    public ImmutableArray<ImmutableArray<double>> Features { get; }

    /// <summary>The class labels y₀, …, yₙ₋₁, each in 0..<see cref="Classes"/>−1.</summary>
    public ImmutableArray<int> Labels { get; }

    /// <summary>k, the number of classes (2 for binary data).</summary>
    public int Classes { get; }

    /// <summary>The dataset's name.</summary>
    public string Name { get; }

    /// <summary>n, the number of rows (at least 1).</summary>
    public int Count => Features.Length;

    /// <summary>d, the number of features in every row (at least 1).</summary>
    public int FeatureCount => Features[0].Length;

    /// <summary>micrograd's targets 2yᵢ − 1 ∈ {−1, +1} (its demo's <c>y = y*2 - 1</c> for the max-margin loss), for binary data.</summary>
    /// <exception cref="InvalidOperationException">The data has more than 2 classes.</exception>
    public ImmutableArray<int> SignedLabels => Classes == 2
        ? [.. Labels.Select(y => 2 * y - 1)]
        : throw new InvalidOperationException($"'{Name}' has {Classes} classes; signed labels −1/+1 exist only for 2.");

    /// <summary>Row <paramref name="i"/>: its features xᵢ and its label yᵢ.</summary>
    /// <param name="i">The row index, 0 ≤ i &lt; <see cref="Count"/>.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="i"/> is out of range.</exception>
    public (ImmutableArray<double> Features, int Label) this[int i] => (Features[i], Labels[i]);

    /// <summary>The first <paramref name="count"/> rows, in order, under the same name.</summary>
    /// <param name="count">How many rows, 1 ≤ count ≤ <see cref="Count"/>.</param>
    /// <returns>A dataset of the first rows.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or above <see cref="Count"/>.</exception>
    [Pure]
    public Dataset Take(int count)
    {
        if (count < 1 || count > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Take needs between 1 and {Count} rows of '{Name}'.");
        }

        return new Dataset(Features[..count], Labels[..count], Name, Classes);
    }

    /// <summary>
    /// The rows at <paramref name="indices"/>, in that order, under the same name: numpy's <c>X[ri], y[ri]</c>.
    /// An index may repeat (sampling with replacement).
    /// </summary>
    /// <param name="indices">Row indices, at least one, each 0 ≤ i &lt; <see cref="Count"/>.</param>
    /// <returns>A dataset of the selected rows.</returns>
    /// <exception cref="ArgumentException"><paramref name="indices"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    [Pure]
    public Dataset Batch(ReadOnlySpan<int> indices)
    {
        if (indices.IsEmpty)
        {
            throw new ArgumentException($"A batch of '{Name}' needs at least one row index.", nameof(indices));
        }

        var rows = ImmutableArray.CreateBuilder<ImmutableArray<double>>(indices.Length);
        var labels = ImmutableArray.CreateBuilder<int>(indices.Length);
        foreach (var i in indices)
        {
            if ((uint)i >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), i, $"Row index {i} is outside '{Name}', which has rows 0 to {Count - 1}.");
            }

            rows.Add(Features[i]);
            labels.Add(Labels[i]);
        }

        return new Dataset(rows.MoveToImmutable(), labels.MoveToImmutable(), Name, Classes);
    }

    /// <summary>True when <paramref name="other"/> has the same name, class count, features (bit for bit) and labels.</summary>
    /// <param name="other">Another dataset, or null.</param>
    public bool Equals(Dataset? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Name == other.Name
                && Classes == other.Classes
                && Labels.SequenceEqual(other.Labels)
                && Features.SequenceEqual(other.Features, (x, y) => x.SequenceEqual(y))));

    /// <summary>A hash of the name, the shape and the labels, consistent with <see cref="Equals(Dataset?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(FeatureCount);
        hash.Add(Classes);
        foreach (var y in Labels)
        {
            hash.Add(y);
        }

        return hash.ToHashCode();
    }

    /// <summary>
    /// Describes the dataset by its size, e.g. <c>Dataset(moons: 100 rows × 2 features; 50 of class 0, 50 of class 1)</c>.
    /// Above <see cref="ListedClasses"/> classes it says how many and lists the first ones, then "…", so it stays one short line.
    /// </summary>
    public override string ToString()
    {
        var counts = Labels.CountBy(y => y).ToDictionary();
        var listed = Enumerable.Range(0, Math.Min(Classes, ListedClasses)).Select(c => $"{counts.GetValueOrDefault(c)} of class {c}");
        var classes = Classes > ListedClasses ? $"{Classes} classes: {string.Join(", ", listed)}, …" : string.Join(", ", listed);
        return string.Create(CultureInfo.InvariantCulture, $"Dataset({Name}: {Count} rows × {FeatureCount} features; {classes})");
    }

    /// <summary>How many classes <see cref="ToString"/> lists at most.</summary>
    private const int ListedClasses = 10;

    private static ImmutableArray<ImmutableArray<double>> Validated(ImmutableArray<ImmutableArray<double>> features)
    {
        if (features.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A dataset needs at least one row.", nameof(features));
        }

        var width = features[0].IsDefault ? 0 : features[0].Length;
        if (width == 0)
        {
            throw new ArgumentException("Row 0 has no features: a dataset needs at least one feature per row.", nameof(features));
        }

        for (var i = 0; i < features.Length; i++)
        {
            var row = features[i];
            var length = row.IsDefault ? 0 : row.Length;
            if (length != width)
            {
                throw new ArgumentException($"Row {i} has {length} features but row 0 has {width}: every row must have the same width.", nameof(features));
            }

            for (var k = 0; k < width; k++)
            {
                if (!double.IsFinite(row[k]))
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"Feature {k} of row {i} is {row[k]}: features must be finite."),
                        nameof(features));
                }
            }
        }

        return features;
    }

    private static ImmutableArray<int> Validated(ImmutableArray<int> labels, int rows, int classes)
    {
        var count = labels.IsDefault ? 0 : labels.Length;
        if (count != rows)
        {
            throw new ArgumentException($"There are {rows} rows but {count} labels: every row needs exactly one label.", nameof(labels));
        }

        for (var i = 0; i < count; i++)
        {
            if (labels[i] < 0 || labels[i] >= classes)
            {
                throw new ArgumentException($"The label of row {i} is {labels[i]}: labels must be {(classes == 2 ? "0 or 1" : $"0 to {classes - 1}")}.", nameof(labels));
            }
        }

        return labels;
    }
}
