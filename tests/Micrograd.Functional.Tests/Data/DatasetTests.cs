using System.Collections.Immutable;
using Micrograd.Functional.Data;

namespace Micrograd.Functional.Tests.Data;

/// <summary>A <see cref="Dataset"/> is valid by construction, and its selections keep rows and labels together.</summary>
public class DatasetTests
{
    private static readonly Dataset Four = new([[0.0, 0.5], [1.0, 1.5], [2.0, 2.5], [3.0, 3.5]], [0, 1, 1, 0], "four");

    [Fact]
    public void A_dataset_reports_its_shape_and_rows()
    {
        Assert.Equal(4, Four.Count);
        Assert.Equal(2, Four.FeatureCount);
        var (features, label) = Four[1];
        Assert.Equal<double>([1.0, 1.5], features);
        Assert.Equal(1, label);
    }

    [Fact]
    public void Signed_labels_are_micrograds_two_y_minus_one()
    {
        Assert.Equal<int>([-1, 1, 1, -1], Four.SignedLabels);
    }

    [Fact]
    public void A_dataset_of_k_classes_takes_labels_0_to_k_minus_1_and_keeps_k_through_selections()
    {
        var three = new Dataset([[0.0], [1.0], [2.0], [3.0]], [2, 0, 1, 2], "three", classes: 3);
        Assert.Equal(3, three.Classes);
        Assert.Equal(3, three.Take(2).Classes);
        Assert.Equal(3, three.Batch([1]).Classes);
        Assert.Equal("Dataset(three: 4 rows × 1 features; 1 of class 0, 1 of class 1, 2 of class 2)", three.ToString());
        Assert.NotEqual(new Dataset([[0.0]], [0], "x", classes: 3), new Dataset([[0.0]], [0], "x"));
        Assert.Contains("The label of row 1 is 3: labels must be 0 to 2", Assert.Throws<ArgumentException>(() => new Dataset([[0.0], [1.0]], [0, 3], "x", classes: 3)).Message);
        Assert.Contains("labels must be 0 or 1", Assert.Throws<ArgumentException>(() => new Dataset([[0.0]], [2], "x")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset([[0.0]], [0], "x", classes: 1));
        Assert.Equal("'three' has 3 classes; signed labels −1/+1 exist only for 2.", Assert.Throws<InvalidOperationException>(() => three.SignedLabels).Message);
    }

    [Fact]
    public void Take_keeps_the_first_rows_in_order()
    {
        var first = Four.Take(2);
        Assert.Equal(new Dataset([[0.0, 0.5], [1.0, 1.5]], [0, 1], "four"), first);
        Assert.Equal(new Dataset([[0.0, 0.5]], [0], "four"), Four.Take(1));
        Assert.Equal(Four, Four.Take(4));
    }

    [Fact]
    public void Batch_selects_rows_and_their_labels_in_the_given_order_repeats_allowed()
    {
        var batch = Four.Batch([3, 1, 3]);
        Assert.Equal(new Dataset([[3.0, 3.5], [1.0, 1.5], [3.0, 3.5]], [0, 1, 0], "four"), batch);
    }

    [Fact]
    public void Equality_is_structural_not_by_reference()
    {
        var copy = new Dataset([[0.0, 0.5], [1.0, 1.5], [2.0, 2.5], [3.0, 3.5]], [0, 1, 1, 0], "four");
        Assert.Equal(Four, copy);
        Assert.Equal(Four.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(Four, new Dataset([[0.0, 0.5], [1.0, 1.5], [2.0, 2.5], [3.0, 3.25]], [0, 1, 1, 0], "four"));
        Assert.NotEqual(Four, new Dataset([[0.0, 0.5], [1.0, 1.5], [2.0, 2.5], [3.0, 3.5]], [0, 1, 1, 1], "four"));
        Assert.NotEqual(Four, new Dataset([[0.0, 0.5], [1.0, 1.5], [2.0, 2.5], [3.0, 3.5]], [0, 1, 1, 0], "other"));
    }

    [Fact]
    public void ToString_summarises_instead_of_printing_arrays()
    {
        Assert.Equal("Dataset(four: 4 rows × 2 features; 2 of class 0, 2 of class 1)", Four.ToString());
    }

    [Fact]
    public void ToString_lists_at_most_ten_classes_however_many_there_are()
    {
        var many = new Dataset([[0.0], [1.0], [2.0]], [0, 11, 11], "many", classes: 100_000);
        Assert.Equal(
            "Dataset(many: 3 rows × 1 features; 100000 classes: 1 of class 0, 0 of class 1, 0 of class 2, 0 of class 3, 0 of class 4, " +
            "0 of class 5, 0 of class 6, 0 of class 7, 0 of class 8, 0 of class 9, …)",
            many.ToString());
    }

    [Fact]
    public void ToString_lists_exactly_ten_classes_without_counting_them()
    {
        var ten = new Dataset([[0.0], [1.0]], [0, 9], "ten", classes: 10);
        Assert.Equal(
            "Dataset(ten: 2 rows × 1 features; 1 of class 0, 0 of class 1, 0 of class 2, 0 of class 3, 0 of class 4, " +
            "0 of class 5, 0 of class 6, 0 of class 7, 0 of class 8, 1 of class 9)",
            ten.ToString());
    }

    [Fact]
    public void Datasets_that_differ_in_name_width_classes_or_labels_hash_differently()
    {
        // HashCode is seeded per process, so a collision is possible but has probability about 2⁻³² per pair.
        var hash = Four.GetHashCode();
        Assert.NotEqual(hash, new Dataset([[0.0, 0.5], [1.0, 1.5], [2.0, 2.5], [3.0, 3.5]], [0, 1, 1, 0], "other").GetHashCode());
        Assert.NotEqual(hash, new Dataset([[0.0], [1.0], [2.0], [3.0]], [0, 1, 1, 0], "four").GetHashCode());
        Assert.NotEqual(hash, new Dataset([[0.0, 0.5], [1.0, 1.5], [2.0, 2.5], [3.0, 3.5]], [0, 1, 1, 0], "four", classes: 3).GetHashCode());
        Assert.NotEqual(hash, new Dataset([[0.0, 0.5], [1.0, 1.5], [2.0, 2.5], [3.0, 3.5]], [0, 1, 0, 1], "four").GetHashCode());
    }

    [Fact]
    public void A_dataset_without_rows_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset([], [], "empty"));
        Assert.Equal("features", error.ParamName);
        Assert.Contains("at least one row", error.Message);
    }

    [Fact]
    public void Rows_of_different_widths_are_rejected_naming_the_row()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset([[1.0, 2.0], [3.0, 4.0], [5.0]], [0, 1, 0], "ragged"));
        Assert.Equal("features", error.ParamName);
        Assert.Contains("Row 2 has 1 features but row 0 has 2", error.Message);
    }

    [Fact]
    public void Rows_without_features_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset([[]], [0], "narrow"));
        Assert.Equal("features", error.ParamName);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Non_finite_features_are_rejected_naming_row_and_feature(double bad, string shown)
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset([[1.0, 2.0], [3.0, bad]], [0, 1], "inf"));
        Assert.Equal("features", error.ParamName);
        Assert.Contains($"Feature 1 of row 1 is {shown}", error.Message);
    }

    [Fact]
    public void A_label_count_different_from_the_row_count_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset([[1.0], [2.0]], [0], "short"));
        Assert.Equal("labels", error.ParamName);
        Assert.Contains("2 rows but 1 labels", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Labels_other_than_zero_and_one_are_rejected_naming_the_row(int bad)
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset([[1.0], [2.0]], [1, bad], "labels"));
        Assert.Equal("labels", error.ParamName);
        Assert.Contains($"The label of row 1 is {bad}", error.Message);
    }

    [Fact]
    public void Default_arrays_are_rejected_like_empty_ones()
    {
        Assert.Throws<ArgumentException>(() => new Dataset(default, [0], "default"));
        Assert.Throws<ArgumentException>(() => new Dataset([[1.0]], default, "default"));
        Assert.Contains("Row 0 has no features", Assert.Throws<ArgumentException>(() => new Dataset([default, [1.0]], [0, 1], "default")).Message);
        Assert.Contains("Row 1 has 0 features but row 0 has 1", Assert.Throws<ArgumentException>(() => new Dataset([[1.0], default], [0, 1], "default")).Message);
    }

    [Fact]
    public void A_null_name_is_rejected()
    {
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => new Dataset([[1.0]], [0], null!)).ParamName);
    }

    [Fact]
    public void Selections_outside_the_dataset_are_rejected_naming_the_argument()
    {
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Four.Take(0)).ParamName);
        Assert.StartsWith("Take needs between 1 and 4 rows of 'four'.", Assert.Throws<ArgumentOutOfRangeException>(() => Four.Take(5)).Message);
        Assert.StartsWith("Row index 4 is outside 'four', which has rows 0 to 3.", Assert.Throws<ArgumentOutOfRangeException>(() => Four.Batch([0, 4])).Message);
        Assert.StartsWith("A batch of 'four' needs at least one row index.", Assert.Throws<ArgumentException>(() => Four.Batch([])).Message);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Four.Take(5)).ParamName);
        Assert.Equal("indices", Assert.Throws<ArgumentOutOfRangeException>(() => Four.Batch([0, 4])).ParamName);
        Assert.Equal("indices", Assert.Throws<ArgumentOutOfRangeException>(() => Four.Batch([-1])).ParamName);
        Assert.Equal("indices", Assert.Throws<ArgumentException>(() => Four.Batch([])).ParamName);
    }

    [Fact]
    public void The_rows_cannot_be_changed_through_the_arrays_given()
    {
        var row = new[] { 1.0, 2.0 };
        var data = new Dataset([ImmutableArray.Create(row)], [1], "copy");
        row[0] = 99;
        Assert.Equal(1.0, data.Features[0][0]);
    }
}
