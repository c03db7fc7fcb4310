using Micrograd.Functional.Files;

namespace Micrograd.Functional.Tests.Files;

/// <summary>Text quoted from a file into an error message is short and printable.</summary>
public class UntrustedTextTests
{
    [Fact]
    public void Short_printable_text_is_kept_as_it_is()
    {
        Assert.Equal("tanh, sigmoid: 1.5e3 ü", UntrustedText.Bounded("tanh, sigmoid: 1.5e3 ü"));
    }

    [Fact]
    public void Text_longer_than_200_characters_is_cut_to_200_with_an_ellipsis()
    {
        Assert.Equal(new string('x', 200), UntrustedText.Bounded(new string('x', 200)));
        Assert.Equal(new string('x', 200) + "…", UntrustedText.Bounded(new string('x', 201)));
        Assert.Equal(new string('7', 200) + "…", UntrustedText.Bounded(new string('7', 10_000_000)));
    }

    [Fact]
    public void An_ansi_escape_sequence_is_escaped_so_it_cannot_reach_a_terminal()
    {
        Assert.Equal("\\u001b[31mred\\u001b[0m", UntrustedText.Bounded("\u001b[31mred\u001b[0m"));
    }

    [Fact]
    public void Newlines_tabs_nul_del_and_c1_controls_are_escaped_so_the_message_stays_one_line()
    {
        Assert.Equal("a\\u000ab\\u000dc\\u0009d\\u0000e\\u007ff\\u009bg", UntrustedText.Bounded("a\nb\rc\td\0e\u007ff\u009bg"));
    }

    [Fact]
    public void Null_is_an_empty_string()
    {
        Assert.Equal("", UntrustedText.Bounded(null));
    }
}
