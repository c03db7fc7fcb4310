using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Micrograd.Functional.Tests.Docs;

/// <summary>
/// Every C# snippet in the README compiles against the library and runs; where a line prints and its
/// comment starts with a number (<c>Console.WriteLine(...); // 24.7041</c>), the printed line starts
/// with that number. The README is copied beside the tests at build time.
/// </summary>
[Collection(nameof(ConsoleOutput))]
public partial class ReadmeSnippetTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "README.md"));

    /// <summary>Usings every snippet may rely on without writing them.</summary>
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Collections.Immutable;
        global using System.Linq;
        global using Micrograd.Functional;
        global using Micrograd.Functional.Data;
        global using Micrograd.Functional.Nn;
        global using Micrograd.Functional.Tracing;
        """;

    public static TheoryData<int, string> Snippets()
    {
        var data = new TheoryData<int, string>();
        foreach (var (snippet, k) in CSharpBlocks().Matches(Readme).Select((m, k) => (m.Groups[1].Value, k)))
        {
            data.Add(k, snippet.Split('\n')[0]);
        }

        return data;
    }

    [Fact]
    public void The_readme_has_csharp_snippets_to_check()
    {
        Assert.True(CSharpBlocks().Matches(Readme).Count >= 5, "the README's ```csharp blocks were not found");
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void A_readme_snippet_compiles_runs_and_prints_what_its_comments_say(int index, string firstLine)
    {
        var code = CSharpBlocks().Matches(Readme)[index].Groups[1].Value;
        var output = Run(Compile(code, $"snippet {index} ({firstLine})"));
        var expected = code.Split('\n')
            .Where(line => line.Contains("Console.WriteLine"))
            .Select(line => CommentNumber().Match(line))
            .Select(m => m.Success ? m.Groups[1].Value : null)
            .ToArray();
        var printed = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < Math.Min(expected.Length, printed.Length); i++)
        {
            if (expected[i] is { } number)
            {
                Assert.True(printed[i].TrimStart().StartsWith(number, StringComparison.Ordinal), $"snippet {index}, printed line {i}: expected it to start with {number}, got '{printed[i]}'");
            }
        }
    }

    private static byte[] Compile(string code, string what)
    {
        var trustedAssemblies = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = trustedAssemblies
            .Append(typeof(Value).Assembly.Location)
            .Append(typeof(LanguageExt.Unit).Assembly.Location)
            .Distinct()
            .Select(path => MetadataReference.CreateFromFile(path));
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            [CSharpSyntaxTree.ParseText(GlobalUsings, options), CSharpSyntaxTree.ParseText(code, options)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(result.Success, $"{what} does not compile:\n{string.Join("\n", errors)}");
        return stream.ToArray();
    }

    private static string Run(byte[] image)
    {
        var context = new AssemblyLoadContext("readme-snippet", isCollectible: true);
        var writer = new StringWriter();
        var console = Console.Out;
        try
        {
            Console.SetOut(writer);
            var entry = context.LoadFromStream(new MemoryStream(image)).EntryPoint!;
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
        }
        catch (TargetInvocationException e)
        {
            throw new InvalidOperationException($"The snippet threw: {e.InnerException}", e.InnerException);
        }
        finally
        {
            Console.SetOut(console);
            context.Unload();
        }

        return writer.ToString();
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlocks();

    [GeneratedRegex(@"//\s*(-?[0-9][0-9.eE+\-]*)")]
    private static partial Regex CommentNumber();
}

/// <summary>Tests that redirect <see cref="Console.Out"/> run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleOutput), DisableParallelization = true)]
public sealed class ConsoleOutput;
