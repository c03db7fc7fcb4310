using System.Text;

namespace Micrograd.Functional.Bench.Charts;

/// <summary>
/// A comma-separated file as BenchmarkDotNet's CSV exporter writes it: a header row, then one row per
/// benchmark case; a field holding a comma or a quote is quoted, with its quotes doubled.
/// </summary>
/// <param name="Path">The file read, for error messages.</param>
/// <param name="Header">The column names.</param>
/// <param name="Rows">The data rows, each as long as the header; <c>Rows[k]</c> is on line k + 2.</param>
public sealed record CsvTable(string Path, IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is empty, a quote is not closed, or a row has another number of fields than the header.</exception>
    public static CsvTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Length == 0)
        {
            throw new InvalidDataException($"{path}: empty; expected a header row.");
        }

        var header = Split(path, 1, lines[0]);
        var rows = new List<string[]>();
        for (var k = 1; k < lines.Length; k++)
        {
            if (lines[k].Length == 0)
            {
                continue;
            }

            var row = Split(path, k + 1, lines[k]);
            if (row.Length != header.Length)
            {
                throw new InvalidDataException($"{path}, line {k + 1}: {row.Length} fields, the header has {header.Length}.");
            }

            rows.Add(row);
        }

        return new CsvTable(path, header, rows);
    }

    /// <summary>The position of column <paramref name="name"/>.</summary>
    /// <param name="name">The column's name in the header.</param>
    /// <exception cref="InvalidDataException">The header has no such column.</exception>
    public int Column(string name) =>
        Header.ToList().IndexOf(name) is var index and >= 0
            ? index
            : throw new InvalidDataException($"{Path}: no column \"{name}\" (columns: {string.Join(", ", Header)}).");

    private static string[] Split(string path, int lineNumber, string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"{path}, line {lineNumber}: a quoted field is not closed.");
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
