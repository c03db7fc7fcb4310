using LanguageExt;
using Micrograd.Functional.Data;

namespace Micrograd.Functional.Tests.Data;

/// <summary>
/// A line is read only up to <see cref="Csv.MaxLineLength"/> characters, so an endless stream without line breaks
/// (the zero device, a binary file) ends in an error naming the line instead of growing one string until memory runs out.
/// </summary>
public sealed class CsvLineLengthTests
{
    [Fact]
    public void An_endless_stream_without_line_breaks_is_an_error_on_its_first_line_not_an_endless_read()
    {
        var error = Fails(Csv.Parse(new EndlessZeros(), "/dev/zero"));
        // The start of the line is quoted (escaped, cut), so a binary file shows what it is.
        Assert.StartsWith($"/dev/zero:1: the line is longer than {Csv.MaxLineLength} characters; no row of numbers is (is this a CSV file? It starts \"\\u0000\\u0000", error, StringComparison.Ordinal);
        Assert.EndsWith("…\")", error, StringComparison.Ordinal);
        Assert.InRange(error.Length, 100, 200);
    }

    [Fact]
    public void A_line_of_exactly_the_maximum_length_is_read_and_one_character_more_is_refused()
    {
        var longest = new string(' ', Csv.MaxLineLength - 3) + "1,0"; // whitespace around a number is allowed
        var data = Csv.Parse(new StringReader($"2,1\n{longest}\n"), "long.csv").Match(Succ: d => d, Fail: e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal(2, data.Count);
        Assert.Equal([2.0, 1.0], data.Features.Select(f => f[0]));

        var error = Fails(Csv.Parse(new StringReader($"2,1\n {longest}\n"), "long.csv"));
        Assert.StartsWith("long.csv:2: the line is longer than", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,0\n2,1\n\n3,0\n")]
    [InlineData("1,0\r\n2,1\r\n\r\n3,0")]
    [InlineData("1,0\r2,1\r\r3,0\r")]
    [InlineData("1,0\n2,1\r\n\r3,0\n")]
    public void Lines_end_at_a_line_feed_a_carriage_return_or_both_as_TextReader_ReadLine_has_it(string text)
    {
        var data = Csv.Parse(new StringReader(text), "endings.csv").Match(Succ: d => d, Fail: e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal([1.0, 2.0, 3.0], data.Features.Select(f => f[0]));
        Assert.Equal([0, 1, 0], data.Labels.ToArray());
        Assert.Equal("endings.csv:4: field 1 (\"x\") is not a number", Fails(Csv.Parse(new StringReader(text.Replace("3,0", "x,0", StringComparison.Ordinal)), "endings.csv")));
    }

    private static string Fails(Fin<Dataset> result) => result.Match(Succ: d => throw new Xunit.Sdk.XunitException($"expected an error, got {d.Count} rows"), Fail: e => e.Message);

    /// <summary>The zero device as a reader: NUL characters for ever, a block at a time.</summary>
    private sealed class EndlessZeros : TextReader
    {
        public override int Read() => '\0';

        public override int Peek() => '\0';

        public override int Read(Span<char> buffer)
        {
            buffer.Clear();
            return buffer.Length;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            Array.Clear(buffer, index, count);
            return count;
        }
    }
}
