using System.Text;

namespace Micrograd.Demo;

/// <summary>
/// A writer that never lets an output failure abort the run: the first <see cref="IOException"/> (a full device such
/// as <c>&gt; /dev/full</c>) or <see cref="UnauthorizedAccessException"/> (what .NET throws for a closed descriptor,
/// <c>&gt;&amp;-</c>) is kept in <see cref="Failure"/> and everything after it is dropped, so training and the writing
/// of the files go on. (.NET itself ignores a closed pipe, as in <c>| head -1</c>.)
/// </summary>
/// <param name="inner">The real output.</param>
public sealed class TolerantWriter(TextWriter inner) : TextWriter
{
    /// <summary>The first write failure, or null while every write has succeeded.</summary>
    public Exception? Failure { get; private set; }

    /// <inheritdoc/>
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc/>
    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <inheritdoc/>
    public override void Write(char value) => Try(() => inner.Write(value));

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Try(() => inner.Write(buffer, index, count));

    /// <inheritdoc/>
    public override void Write(string? value) => Try(() => inner.Write(value));

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Try(() => inner.WriteLine(value));

    /// <inheritdoc/>
    public override void Flush() => Try(inner.Flush);

    private void Try(Action write)
    {
        if (Failure is not null)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Failure = e;
        }
    }
}
