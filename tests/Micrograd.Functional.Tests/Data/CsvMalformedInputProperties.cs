using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LanguageExt;
using Micrograd.Functional.Data;
using Micrograd.Functional.Tests.Files;

namespace Micrograd.Functional.Tests.Data;

/// <summary>
/// Hostile CSV files (cut, bit-flipped, random, out-of-range numbers, megabyte lines) never make <see cref="Csv.Load"/>
/// throw, and every failure starts with the file's path. Each property works in its own temporary folder.
/// </summary>
public sealed class CsvMalformedInputProperties : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("micrograd-csv-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Valid CSV rows: 1 to 20 rows of 1 to 4 features and a 0/1 label, as cells of text.</summary>
    private static Gen<string[][]> ValidRows =>
        from features in Gen.Choose(1, 4)
        from count in Gen.Choose(1, 20)
        from rows in (
            from x in Gen.Choose(-1_000_000, 1_000_000).Select(i => (i / 1000.0).ToString("R", CultureInfo.InvariantCulture)).ArrayOf(features)
            from label in Gen.Elements("0", "1")
            select x.Append(label).ToArray()).ArrayOf(count)
        select rows;

    private static Gen<byte[]> ValidFiles =>
        from rows in ValidRows
        from header in Gen.Elements(true, false)
        select MalformedInputs.Utf8(Text(rows, header));

    [Property(MaxTest = 300)]
    public Property A_cut_bit_flipped_or_random_file_never_throws_and_any_failure_names_the_file() =>
        Prop.ForAll(
            Gen.OneOf(MalformedInputs.Truncated(ValidFiles), MalformedInputs.BitFlipped(ValidFiles), MalformedInputs.RandomBytes).ToArbitrary(),
            file =>
            {
                var path = Write(file.Bytes);
                Csv.Load(path).IfFail(e => Assert.StartsWith(path + ":", e.Message));
            });

    [Property(MaxTest = 200)]
    public Property A_number_beyond_double_range_in_any_field_fails_naming_the_file_and_its_line() =>
        Prop.ForAll(
            (from rows in ValidRows
             from header in Gen.Elements(true, false)
             from row in Gen.Choose(0, rows.Length - 1)
             from field in Gen.Choose(0, rows[0].Length - 1)
             from huge in MalformedInputs.HugeNumbers
             select (rows, header, row, field, huge)).ToArbitrary(),
            c =>
            {
                c.rows[c.row][c.field] = c.huge;
                var path = Write(MalformedInputs.Utf8(Text(c.rows, c.header)));
                var line = c.row + (c.header ? 2 : 1);
                Assert.StartsWith($"{path}:{line}: ", Failure(Csv.Load(path)));
            });

    [Property(MaxTest = 10)]
    public Property A_megabyte_line_or_a_line_of_a_hundred_thousand_fields_fails_naming_the_file_and_its_line() =>
        Prop.ForAll(
            (from length in Gen.Choose(100_000, 1_000_000)
             from kind in Gen.Elements("field", "fields")
             select (length, kind)).ToArbitrary(),
            c =>
            {
                var hostile = c.kind == "field" ? $"1,{new string('x', c.length)},0" : new string(',', c.length);
                var path = Write(MalformedInputs.Utf8($"x,y,label\n1,2,0\n{hostile}\n"));
                Assert.StartsWith($"{path}:3: ", Failure(Csv.Load(path)));
            });

    private static string Text(string[][] rows, bool header)
    {
        var lines = rows.Select(r => string.Join(',', r));
        return string.Join('\n', header ? lines.Prepend(string.Join(',', Enumerable.Range(1, rows[0].Length - 1).Select(k => $"x{k}").Append("label"))) : lines) + "\n";
    }

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_folder, "data.csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Failure<T>(Fin<T> result) =>
        result.Match(value => throw new Xunit.Sdk.XunitException($"expected a failure, got {value}"), e => e.Message);
}
