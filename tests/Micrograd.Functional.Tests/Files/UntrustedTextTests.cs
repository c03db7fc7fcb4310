using System.Globalization;
using System.Text;
using FsCheck.Xunit;
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
    public void Bidi_overrides_zero_width_and_line_separators_are_escaped_because_they_hide_or_reorder_text()
    {
        Assert.Equal("a\\u202eb\\u200bc\\u2028d\\U000e0001e", UntrustedText.Bounded("a\u202eb\u200bc\u2028d\U000E0001e"));
    }

    [Fact]
    public void Letters_beyond_the_basic_plane_stay_whole_and_a_lone_surrogate_becomes_the_replacement_character()
    {
        Assert.Equal("😀 x \ufffd", UntrustedText.Bounded("😀 x \ud83d"));
        Assert.Equal(new string('x', 199) + "…", UntrustedText.Bounded(new string('x', 199) + "😀")); // never half a pair
    }

    [Fact]
    public void The_limit_counts_the_escapes_so_control_characters_cannot_make_the_quote_longer()
    {
        Assert.Equal(string.Concat(Enumerable.Repeat("\\u001b", 33)) + "…", UntrustedText.Bounded(new string('\u001b', 10_000)));
    }

    [Property(MaxTest = 500)]
    public bool Any_text_gives_at_most_201_well_formed_characters_none_of_them_control_or_invisible(string text) =>
        UntrustedText.Bounded(text) is var quoted
        && quoted.Length <= UntrustedText.MaxLength + 1
        && quoted.EnumerateRunes().All(r => !Rune.IsControl(r) && Rune.GetUnicodeCategory(r) is not (UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
        && Strict.GetByteCount(quoted) > -1; // throws on a lone surrogate, which EnumerateRunes would hide

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Property(MaxTest = 500)]
    public bool Text_of_visible_characters_up_to_the_limit_is_kept_exactly(string text)
    {
        var visible = new string([.. (text ?? "").Where(c => char.IsLetterOrDigit(c) && !char.IsSurrogate(c)).Take(UntrustedText.MaxLength)]);
        return UntrustedText.Bounded(visible) == visible;
    }

    [Fact]
    public void A_shorter_limit_cuts_there_and_a_limit_below_one_is_refused()
    {
        Assert.Equal("abc…", UntrustedText.Bounded("abcdef", 3));
        Assert.Equal("abc", UntrustedText.Bounded("abc", 3));
        Assert.Equal("maxLength", Assert.Throws<ArgumentOutOfRangeException>(() => UntrustedText.Bounded("abc", 0)).ParamName);
    }

    [Fact]
    public void Null_is_an_empty_string()
    {
        Assert.Equal("", UntrustedText.Bounded(null));
    }
}
