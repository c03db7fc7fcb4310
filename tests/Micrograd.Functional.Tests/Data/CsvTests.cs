using LanguageExt;
using Micrograd.Functional.Data;

namespace Micrograd.Functional.Tests.Data;

/// <summary>
/// CSV files give the whole dataset or an error <c>path:line: what is wrong</c>, never part of a file.
/// Each test works in its own temporary folder, deleted afterwards.
/// </summary>
public sealed class CsvTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("micrograd-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_good_file_loads_every_row_and_label()
    {
        var path = Write("points.csv", "0.5,-1.25,0\n2,3e-1,1\n-7,0,1\n");
        var data = Succeeds(Csv.Load(path));
        Assert.Equal(new Dataset([[0.5, -1.25], [2.0, 0.3], [-7.0, 0.0]], [0, 1, 1], "points"), data);
    }

    [Fact]
    public void A_header_line_and_blank_lines_are_skipped()
    {
        var path = Write("headed.csv", "\n  x1 , x2 , label \n\n1.5,2.5,1\r\n   \n3.5,4.5,0\n\n");
        Assert.Equal(new Dataset([[1.5, 2.5], [3.5, 4.5]], [1, 0], "headed"), Succeeds(Csv.Load(path)));
    }

    [Fact]
    public void Minus_one_labels_are_read_as_class_zero()
    {
        var path = Write("signed.csv", "1,-1\n2,1\n3,-1.0\n");
        Assert.Equal<int>([0, 1, 0], Succeeds(Csv.Load(path)).Labels);
    }

    [Fact]
    public void Labels_written_as_numpy_floats_are_read()
    {
        var path = Write("numpy.csv", "1.000000000000000000e+00,0.000000000000000000e+00\n2.5,1.000000000000000000e+00\n");
        Assert.Equal<int>([0, 1], Succeeds(Csv.Load(path)).Labels);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_reported_with_file_and_line()
    {
        var path = Write("data.csv", "x,y,label\n1,2,0\n3,4,1\n\n5,6,0\n7,8,1\n9,1\n");
        Assert.Equal($"{path}:7: expected 3 fields (2 features and a label) but found 2", Fails(Csv.Load(path)));
    }

    [Fact]
    public void A_field_that_is_not_a_number_is_reported_with_file_line_and_field()
    {
        var path = Write("words.csv", "1,2,0\n3,abc,1\n");
        Assert.Equal($"{path}:2: field 2 (\"abc\") is not a number", Fails(Csv.Load(path)));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e400")]
    public void A_non_finite_feature_is_reported_with_file_and_line(string bad)
    {
        var path = Write("inf.csv", $"1,2,0\n3,4,1\n{bad},5,0\n");
        Assert.Equal($"{path}:3: field 1 (\"{bad}\") is not finite; features must be finite numbers", Fails(Csv.Load(path)));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0.5")]
    [InlineData("yes")]
    [InlineData("")]
    public void A_bad_label_is_reported_with_file_and_line(string bad)
    {
        var path = Write("labels.csv", $"1,2,0\n3,4,{bad}\n");
        Assert.Equal($"{path}:2: the label (field 3) is \"{bad}\"; labels must be 0 or 1 (or -1 and 1)", Fails(Csv.Load(path)));
    }

    [Fact]
    public void Mixing_zero_and_minus_one_labels_is_reported_because_that_makes_three_classes()
    {
        var path = Write("mixed.csv", "1,-1\n2,1\n3,0\n");
        Assert.Equal($"{path}:3: label 0 mixes the 0/1 and -1/1 conventions (line 1 has label -1)", Fails(Csv.Load(path)));
    }

    [Fact]
    public void A_minus_one_label_after_zero_labels_is_reported_naming_the_line_of_the_first_zero()
    {
        var path = Write("mixed.csv", "1,1\n2,0\n3,0\n4,-1\n");
        Assert.Equal($"{path}:4: label -1 mixes the 0/1 and -1/1 conventions (line 2 has label 0)", Fails(Csv.Load(path)));
    }

    [Fact]
    public void A_short_row_of_a_one_feature_file_is_reported_in_the_singular()
    {
        var path = Write("one.csv", "x,label\n1,0\n2,1,3\n");
        Assert.Equal($"{path}:3: expected 2 fields (1 feature and a label) but found 3", Fails(Csv.Load(path)));
    }

    [Fact]
    public void A_single_column_is_reported_because_a_row_needs_features_and_a_label()
    {
        var path = Write("narrow.csv", "1\n0\n");
        Assert.Equal($"{path}:1: expected at least 2 fields (features and a label) but found 1", Fails(Csv.Load(path)));
    }

    [Fact]
    public void A_typo_in_the_first_row_is_reported_not_taken_for_a_header()
    {
        var path = Write("typo.csv", "1.5,2..5,1\n3,4,0\n");
        Assert.Equal($"{path}:1: field 2 (\"2..5\") is not a number", Fails(Csv.Load(path)));
    }

    [Fact]
    public void An_empty_file_is_an_error_naming_the_file()
    {
        var path = Write("empty.csv", "");
        Assert.Equal($"{path}:1: no data rows; expected lines of features followed by a label", Fails(Csv.Load(path)));
    }

    [Fact]
    public void A_file_with_only_a_header_is_an_error_naming_the_file()
    {
        var path = Write("header.csv", "x,y,label\n\n");
        Assert.Equal($"{path}:2: no data rows after the header on line 1", Fails(Csv.Load(path)));
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_the_path()
    {
        var path = Path.Combine(_folder, "nowhere", "missing.csv");
        Assert.Equal($"{path}: no such file", Fails(Csv.Load(path)));
    }

    [Fact]
    public void A_folder_given_as_the_file_is_reported_as_a_folder_not_as_access_denied()
    {
        Assert.Equal($"{_folder}: cannot read the file: it is a directory, not a file", Fails(Csv.Load(_folder)));
    }

    [Fact]
    public void A_path_the_system_refuses_is_reported_with_the_systems_reason_not_as_a_folder()
    {
        var message = Fails(Csv.Load(Path.Combine(_folder, "nul\0.csv")));
        Assert.Contains(": cannot read the file: ", message);
        Assert.DoesNotContain("directory", message);
    }

    [Fact]
    public void Null_arguments_are_refused_naming_them_not_returned_as_file_errors()
    {
        var data = new Dataset([[1.0]], [0], "x");
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => Csv.Load(null!)).ParamName);
        Assert.Equal("reader", Assert.Throws<ArgumentNullException>(() => Csv.Parse(null!, "x")).ParamName);
        Assert.Equal("sourceName", Assert.Throws<ArgumentNullException>(() => Csv.Parse(new StringReader("1,0"), null!)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentNullException>(() => Csv.Save(null!, Path.Combine(_folder, "x.csv"))).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => Csv.Save(data, null!)).ParamName);
    }

    [Fact]
    public void A_huge_field_is_quoted_cut_to_200_characters()
    {
        var path = Write("huge.csv", $"1,2,0\n3,{new string('a', 1_000_000)},1\n");
        Assert.Equal($"{path}:2: field 2 (\"{new string('a', 200)}…\") is not a number", Fails(Csv.Load(path)));
    }

    [Fact]
    public void A_huge_label_is_quoted_cut_to_200_characters()
    {
        var path = Write("label.csv", $"1,2,0\n3,4,{new string('9', 1_000_000)}\n");
        Assert.Equal($"{path}:2: the label (field 3) is \"{new string('9', 200)}…\"; labels must be 0 or 1 (or -1 and 1)", Fails(Csv.Load(path)));
    }

    [Fact]
    public void An_ansi_escape_in_a_field_is_quoted_escaped_never_raw()
    {
        var path = Write("ansi.csv", "1,2,0\n3,\u001b[31mx,1\n");
        Assert.Equal($"{path}:2: field 2 (\"\\u001b[31mx\") is not a number", Fails(Csv.Load(path)));
    }

    [Fact]
    public void A_failure_returns_no_dataset_at_all()
    {
        var path = Write("late.csv", string.Concat(Enumerable.Range(0, 500).Select(i => $"{i},{i % 2}\n")) + "oops,1\n");
        var result = Csv.Load(path);
        Assert.True(result.IsFail);
        Assert.Equal(0, result.Match(Succ: d => d.Count, Fail: _ => 0));
        Assert.Equal($"{path}:501: field 1 (\"oops\") is not a number", Fails(result));
    }

    [Fact]
    public void Parse_reads_from_any_text_reader_and_names_the_source_in_errors()
    {
        Assert.Equal(2, Succeeds(Csv.Parse(new StringReader("1,0\n2,1"), "inline")).Count);
        Assert.Equal("inline:2: the label (field 2) is \"3\"; labels must be 0 or 1 (or -1 and 1)", Fails(Csv.Parse(new StringReader("1,0\n2,3"), "inline")));
    }

    [Fact]
    public void Saving_then_loading_gives_back_every_number_bit_for_bit()
    {
        var moons = Datasets.Moons();
        var path = Path.Combine(_folder, "moons.csv");
        Assert.True(Csv.Save(moons, path).IsSucc);
        Assert.Equal(moons, Succeeds(Csv.Load(path)));
        Assert.Equal("x1,x2,label", File.ReadLines(path).First());
    }

    [Fact]
    public void Saving_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        var path = Write("replace.csv", "old,contents\n");
        Assert.True(Csv.Save(new Dataset([[1.0], [2.0]], [0, 1], "x"), path).IsSucc);
        Assert.Equal("x1,label\n1,0\n2,1\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Saving_into_a_missing_folder_is_an_error_naming_the_path()
    {
        var path = Path.Combine(_folder, "nowhere", "out.csv");
        Assert.StartsWith($"{path}: cannot write the file:", Fails(Csv.Save(new Dataset([[1.0]], [0], "x"), path)));
    }

    [Fact]
    public void Saving_data_of_more_than_two_classes_is_an_error_and_writes_nothing()
    {
        var path = Path.Combine(_folder, "three.csv");
        Assert.Equal($"{path}: a CSV file holds binary labels (0/1), but 'blobs' has 3 classes", Fails(Csv.Save(Datasets.Blobs(classes: 3), path)));
        Assert.False(File.Exists(path));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static T Succeeds<T>(Fin<T> result) =>
        result.Match(Succ: value => value, Fail: error => throw new Xunit.Sdk.XunitException($"Expected success, got: {error.Message}"));

    private static string Fails<T>(Fin<T> result) =>
        result.Match(Succ: value => throw new Xunit.Sdk.XunitException($"Expected an error, got: {value}"), Fail: error => error.Message);
}
