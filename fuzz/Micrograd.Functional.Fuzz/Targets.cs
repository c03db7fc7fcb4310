using LanguageExt.Common;
using Micrograd.Functional.Data;
using Micrograd.Functional.Nn;
using Micrograd.Functional.Onnx;

namespace Micrograd.Functional.Fuzz;

/// <summary>
/// The fuzz targets: each writes the fuzzer's bytes to a scratch file and reads it with the library's own file
/// reader, as a user's file would be read. The readers promise never to throw on bad input and to name the file in
/// every failure, so an exception escaping the reader, or a failure that does not name the file, is a finding
/// (<see cref="FuzzFindingException"/> or the escaped exception reaches SharpFuzz, which reports a crash to afl-fuzz).
/// </summary>
internal static class Targets
{
    /// <summary>The targets by the name <c>fuzz/run.sh</c> and the command line use.</summary>
    public static readonly IReadOnlyDictionary<string, Action<Stream>> All = new Dictionary<string, Action<Stream>>
    {
        ["csv"] = input => Check(input, ".csv", path => Csv.Load(path).Match(_ => (Error?)null, e => e)),
        ["model"] = input => Check(input, ".json", path => ModelFile.Load(path).Match(_ => (Error?)null, e => e)),
        ["onnx"] = input => Check(input, ".onnx", path => OnnxImport.LoadMlp(path).Match(_ => (Error?)null, e => e)),
    };

    /// <summary>Set to 1 to also require bounded messages without control characters (issue 12's promise).</summary>
    private static readonly bool Strict = Environment.GetEnvironmentVariable("MICROGRAD_FUZZ_STRICT") == "1";

    private const int MaxMessageLength = 400;

    private static void Check(Stream input, string extension, Func<string, Error?> load)
    {
        var path = Path.Combine(ScratchFolder.Value, "input" + extension);
        using (var file = File.Create(path))
        {
            input.CopyTo(file);
        }

        if (load(path) is not { } error)
        {
            return;
        }

        var message = error.Message;
        if (!message.Contains(path, StringComparison.Ordinal))
        {
            throw new FuzzFindingException($"the failure does not name the file: {Cut(message)}");
        }

        if (Strict && message.Length > MaxMessageLength)
        {
            throw new FuzzFindingException($"the failure message has {message.Length} characters (> {MaxMessageLength}): {Cut(message)}");
        }

        if (Strict && message.Any(char.IsControl))
        {
            throw new FuzzFindingException($"the failure message has control characters: {Cut(message)}");
        }
    }

    private static string Cut(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>One scratch folder per process (afl-fuzz may run several); under TMPDIR, so fuzz/run.sh removes it.</summary>
    private static readonly Lazy<string> ScratchFolder = new(() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"micrograd-fuzz-{Environment.ProcessId}")).FullName);
}

/// <summary>A reader broke its contract on a fuzzer's input without throwing.</summary>
/// <param name="message">What the reader did wrong.</param>
internal sealed class FuzzFindingException(string message) : Exception(message);
