using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Globalization;
using System.Text;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

using Micrograd.Functional.Files;

namespace Micrograd.Functional.Data;

/// <summary>
/// Reads and writes a <see cref="Dataset"/> as comma-separated text, one row per line:
/// <c>feature₁,…,featureₙ,label</c>. Reading never throws on bad input and never returns part of a file:
/// it gives either the whole dataset or an <see cref="Error"/> whose message starts with
/// <c>path:line:</c>, as compilers do, e.g. <c>data.csv:7: expected 3 fields (2 features and a label) but found 2</c>.
/// </summary>
/// <remarks>
/// The format: numbers in the invariant culture (a dot for the decimal point, exponents allowed); blank
/// lines ignored; no quoting. The first non-blank line is a header, and skipped, when none of its fields is a
/// number (so a typo in the first data row is reported rather than silently dropped as a header). The label
/// is the last field: 0 or 1, or −1 and 1 (−1 read as 0), written as any number equal to those values (so
/// numpy's <c>1.000000000000000000e+00</c> is read too); one file may not mix the 0/1 and −1/1 conventions.
/// A field quoted in an error message is cut to 200 characters, control characters escaped (<see cref="UntrustedText"/>).
/// </remarks>
public static class Csv
{
    private const NumberStyles Number = NumberStyles.Float;

    /// <summary>
    /// The most characters a line may have: 1,048,576 (a row of 40,000 numbers of 25 characters fits). A longer line is an
    /// error on that line, read no further, so an endless stream without line breaks (the zero device, a binary file)
    /// cannot grow one string until memory runs out.
    /// </summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>Reads the dataset in the file at <paramref name="path"/>, named after the file (<c>moons.csv</c> gives "moons").</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The dataset, or an error naming the path (and the 1-based line for a bad row) when the file is
    /// missing, unreadable, empty, or has a bad row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static Fin<Dataset> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var reader = File.OpenText(path);
            return Parse(reader, path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return FinFail<Dataset>(Error.New($"{path}: no such file"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FinFail<Dataset>(Error.New($"{path}: cannot read the file: {(Directory.Exists(path) ? "it is a directory, not a file" : e.Message)}"));
        }
    }

    /// <summary>Reads a dataset from <paramref name="reader"/> to its end.</summary>
    /// <param name="reader">The text to read.</param>
    /// <param name="sourceName">The name that starts every error message (usually the file's path); the dataset is
    /// named after it without folder or extension.</param>
    /// <returns>The dataset, or an error <c>sourceName:line: what is wrong</c> for the first bad line.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Fin<Dataset> Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<double>>();
        var labels = ImmutableArray.CreateBuilder<int>();
        var width = 0; // fields per line, fixed by the header or the first data row
        var headerLine = 0;
        var (lineNumber, zeroLine, minusOneLine) = (0, 0, 0);
        Fin<Dataset> Fail(string problem) => FinFail<Dataset>(Error.New($"{sourceName}:{lineNumber}: {problem}"));

        var lines = new LineReader(reader);
        while (lines.Next() is { } line)
        {
            lineNumber++;
            if (lines.TooLong)
            {
                return Fail($"the line is longer than {MaxLineLength} characters; no row of numbers is (is this a CSV file? It starts \"{UntrustedText.Bounded(line, 40)}\")");
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',');
            if (width == 0)
            {
                width = fields.Length;
                if (width < 2)
                {
                    return Fail($"expected at least 2 fields (features and a label) but found {fields.Length}");
                }

                if (fields.All(f => !double.TryParse(f, Number, CultureInfo.InvariantCulture, out _)))
                {
                    headerLine = lineNumber;
                    continue;
                }
            }

            if (fields.Length != width)
            {
                return Fail($"expected {width} fields ({Features(width - 1)} and a label) but found {fields.Length}");
            }

            var features = new double[width - 1];
            for (var k = 0; k < features.Length; k++)
            {
                if (!double.TryParse(fields[k], Number, CultureInfo.InvariantCulture, out features[k]))
                {
                    return Fail($"field {k + 1} (\"{UntrustedText.Bounded(fields[k].Trim())}\") is not a number");
                }

                if (!double.IsFinite(features[k]))
                {
                    return Fail($"field {k + 1} (\"{UntrustedText.Bounded(fields[k].Trim())}\") is not finite; features must be finite numbers");
                }
            }

            var text = fields[^1];
            if (!double.TryParse(text, Number, CultureInfo.InvariantCulture, out var label) || label is not (0.0 or 1.0 or -1.0))
            {
                return Fail($"the label (field {width}) is \"{UntrustedText.Bounded(text.Trim())}\"; labels must be 0 or 1 (or -1 and 1)");
            }

            (zeroLine, minusOneLine) = label switch
            {
                0.0 when zeroLine == 0 => (lineNumber, minusOneLine),
                -1.0 when minusOneLine == 0 => (zeroLine, lineNumber),
                _ => (zeroLine, minusOneLine),
            };
            if (zeroLine > 0 && minusOneLine > 0)
            {
                return label == 0.0
                    ? Fail($"label 0 mixes the 0/1 and -1/1 conventions (line {minusOneLine} has label -1)")
                    : Fail($"label -1 mixes the 0/1 and -1/1 conventions (line {zeroLine} has label 0)");
            }

            rows.Add([.. features]);
            labels.Add(label == 1.0 ? 1 : 0);
        }

        if (rows.Count == 0)
        {
            lineNumber = Math.Max(1, lineNumber);
            return Fail(headerLine > 0
                ? $"no data rows after the header on line {headerLine}"
                : "no data rows; expected lines of features followed by a label");
        }

        return FinSucc(new Dataset(rows.ToImmutable(), labels.ToImmutable(), Path.GetFileNameWithoutExtension(sourceName)));
    }

    /// <summary>
    /// Writes <paramref name="data"/> to <paramref name="path"/> as a header <c>x1,…,xd,label</c> and one line per
    /// row, each number in its shortest round-trip form, so <see cref="Load"/> reads back an equal dataset (up to
    /// its name, which comes from the file name). The write is atomic: a temporary file in the same folder is
    /// moved over the target, so a reader never sees half a file.
    /// </summary>
    /// <param name="data">The dataset to write.</param>
    /// <param name="path">The file to create or replace.</param>
    /// <returns>Unit, or an error naming the path when the file cannot be written or the data has more than 2 classes (the format's labels are binary).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Fin<Unit> Save(Dataset data, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(path);
        if (data.Classes != 2)
        {
            return FinFail<Unit>(Error.New($"{path}: a CSV file holds binary labels (0/1), but '{data.Name}' has {data.Classes} classes"));
        }

        try
        {
            AtomicFile.WriteText(path, Format(data));
            return FinSucc(unit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FinFail<Unit>(Error.New($"{path}: cannot write the file: {e.Message}"));
        }
    }

    /// <summary>The CSV text of <paramref name="data"/>: a header line, then one line per row.</summary>
    [Pure]
    private static string Format(Dataset data)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Enumerable.Range(1, data.FeatureCount).Select(k => $"x{k}")).Append(",label\n");
        for (var i = 0; i < data.Count; i++)
        {
            var (features, label) = data[i];
            // A double's default format is its shortest round-trip form ("R" says nothing more since .NET Core 3.0).
            text.AppendJoin(',', features.Select(x => x.ToString(CultureInfo.InvariantCulture)))
                .Append(',').Append(label.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    private static string Features(int count) => count == 1 ? "1 feature" : $"{count} features";

    /// <summary>
    /// Reads lines as <see cref="TextReader.ReadLine"/> does (a line ends at <c>\n</c>, <c>\r</c> or <c>\r\n</c>) but
    /// stops a line at <see cref="MaxLineLength"/> characters (returning those) and sets <see cref="TooLong"/> instead of reading on.
    /// </summary>
    private sealed class LineReader(TextReader reader)
    {
        private readonly StringBuilder _line = new();
        private bool _afterCarriageReturn; // a '\n' right after a '\r' ends nothing: the two are one line break

        /// <summary>True when the last <see cref="Next"/> stopped at <see cref="MaxLineLength"/> characters.</summary>
        public bool TooLong { get; private set; }

        /// <summary>The next line without its line break, or null at the end of the text.</summary>
        public string? Next()
        {
            _line.Clear();
            int c;
            while ((c = reader.Read()) >= 0)
            {
                var skip = _afterCarriageReturn && c == '\n';
                _afterCarriageReturn = c == '\r';
                if (skip)
                {
                    continue;
                }

                if (c is '\n' or '\r')
                {
                    return _line.ToString();
                }

                if (_line.Length == MaxLineLength)
                {
                    TooLong = true;
                    return _line.ToString(); // its first MaxLineLength characters, to show what the file holds
                }

                _line.Append((char)c);
            }

            return _line.Length > 0 ? _line.ToString() : null;
        }
    }
}
