namespace Micrograd.Demo.Settings;

/// <summary>An option's value together with the text it was read from; help shows the text as the default.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Text">The text on the command line (or the default's text).</param>
public sealed record Parsed<T>(T Value, string Text)
{
    /// <summary>The text, as the user would write it.</summary>
    public override string ToString() => Text;
}
