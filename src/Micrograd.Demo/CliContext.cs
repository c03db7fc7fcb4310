using Micrograd.Functional.Files;
namespace Micrograd.Demo;

/// <summary>Where a command writes and how it is being run: what every command of the demo needs from its host.</summary>
/// <param name="Out">Standard output: progress and results.</param>
/// <param name="Error">Standard error: exactly one line per failure.</param>
/// <param name="Interactive">True on a terminal (draw a live progress bar); false when output is redirected (print plain lines).</param>
/// <param name="Cancellation">Set by Ctrl+C; training stops between steps.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool Interactive, CancellationToken Cancellation)
{
    /// <summary>The most characters of a message on standard error; control characters are escaped (<see cref="UntrustedText"/>).</summary>
    public const int MaxMessageLength = 1000;

    /// <summary>Writes one line to standard error, prefixed with <c>error:</c>, and returns <paramref name="exitCode"/>.</summary>
    /// <param name="exitCode">The exit code to return.</param>
    /// <param name="message">The problem, in one line (cut to <see cref="MaxMessageLength"/> characters).</param>
    public int Fail(int exitCode, string message)
    {
        Error.WriteLine($"error: {UntrustedText.Bounded(message, MaxMessageLength)}");
        return exitCode;
    }
}
