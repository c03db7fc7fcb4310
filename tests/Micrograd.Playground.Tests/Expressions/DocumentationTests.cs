using System.Text.RegularExpressions;
using static Micrograd.Playground.Tests.Expressions.Programs;

namespace Micrograd.Playground.Tests.Expressions;

/// <summary>EXPRESSIONS.md says what the language does: its example runs, and its error table is what the language reports.</summary>
public sealed partial class DocumentationTests
{
    private static string Documentation()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "src", "Micrograd.Playground", "EXPRESSIONS.md");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException("EXPRESSIONS.md not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_documented_example_prints_micrograds_numbers()
    {
        var example = ExampleBlock().Match(Documentation()).Groups["code"].Value;
        var ran = Run(example);
        var grads = ran.Output.Backward();
        Assert.Equal(24.70408163265306, ran.Output.Data);
        Assert.Equal(138.83381924198252, grads[ran.Variable("a")]);
        Assert.Equal(645.5772594752186, grads[ran.Variable("b")]);
    }

    [Fact]
    public void Every_documented_error_message_is_the_one_the_language_gives()
    {
        var rows = ErrorRow().Matches(Documentation());
        Assert.True(rows.Count >= 9, $"found {rows.Count} rows");
        foreach (Match row in rows)
        {
            var program = row.Groups["program"].Value == "(empty)" ? "" : row.Groups["program"].Value.Trim('`');
            var message = row.Groups["message"].Value;
            var actual = Fail(program).ToString();
            Assert.True(message.EndsWith('…') ? actual.StartsWith(message.TrimEnd('…', ' ', ','), StringComparison.Ordinal) : actual == message,
                $"{program}: documented {message}, got {actual}");
        }
    }

    [GeneratedRegex(@"```python\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    [GeneratedRegex(@"^\| (?<program>`[^`]+`|\(empty\)) \| ``(?<message>.+?)`` \|$", RegexOptions.Multiline)]
    private static partial Regex ErrorRow();
}
