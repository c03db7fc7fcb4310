using System.Globalization;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Micrograd.Demo.Settings;

/// <summary>
/// The most memory a run may plan to use (<see cref="MemoryEstimate"/> is checked against it before the model and
/// the objective are built): <c>--memory-budget</c>, else the environment variable <see cref="Variable"/>, else 3/4
/// of the memory available to the process (the GC's heap limit <c>DOTNET_GCHeapHardLimit</c>, a container's limit,
/// or the machine's memory).
/// </summary>
/// <param name="Bytes">The budget in bytes.</param>
/// <param name="Source">Where it comes from, as messages say it: <c>--memory-budget 2G</c>, <c>MICROGRAD_MEMORY_BUDGET=2G</c>, or <c>3/4 of the 24.0 GiB available to this process</c>.</param>
public sealed record MemoryBudget(long Bytes, string Source)
{
    /// <summary>The environment variable that sets the budget when <c>--memory-budget</c> is not given.</summary>
    public const string Variable = "MICROGRAD_MEMORY_BUDGET";

    /// <summary>The sizes a budget is written in, for help and error messages.</summary>
    public const string Forms = "a size such as 512M, 2G or 1.5G (K, M, G and T are powers of 1024; a plain number is bytes)";

    private static readonly (string Suffix, long Scale)[] Units = [("T", 1L << 40), ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10), ("", 1)];

    /// <summary>Reads a size: a positive number, optionally followed by K, M, G or T (powers of 1024; B or iB may follow, any case).</summary>
    /// <param name="text">The text, e.g. <c>2G</c>, <c>512MiB</c>, <c>1.5g</c>, <c>1000000</c>.</param>
    /// <returns>The size in bytes (at least 1, below 2⁶³), or an error completing "must be …".</returns>
    public static Fin<long> ParseSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        foreach (var ending in new[] { "iB", "B" })
        {
            if (trimmed.Length > ending.Length && trimmed.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^ending.Length];
                break;
            }
        }

        var (suffix, scale) = Units.First(u => trimmed.EndsWith(u.Suffix, StringComparison.OrdinalIgnoreCase));
        var number = trimmed[..^suffix.Length];
        return number.Length > 0 && number.All(c => char.IsAsciiDigit(c) || c == '.')
            && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value * scale is >= 1 and < long.MaxValue
            ? FinSucc((long)(value * scale))
            : FinFail<long>(Error.New(Forms));
    }

    /// <summary>The budget of a run: the option when given, else <see cref="Variable"/> when set, else 3/4 of <paramref name="available"/>.</summary>
    /// <param name="option">The <c>--memory-budget</c> value and its text, or null when not given.</param>
    /// <param name="variable">The value of <see cref="Variable"/>, or null (or blank) when not set.</param>
    /// <param name="available">The bytes available to the process (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>).</param>
    /// <returns>The budget, or an error naming the variable when its value is not a size.</returns>
    public static Fin<MemoryBudget> Resolve(Parsed<long>? option, string? variable, long available)
    {
        if (option is not null)
        {
            return FinSucc(new MemoryBudget(option.Value, $"--memory-budget {option.Text}"));
        }

        if (!string.IsNullOrWhiteSpace(variable))
        {
            return ParseSize(variable).Match(
                Succ: bytes => FinSucc(new MemoryBudget(bytes, $"{Variable}={variable.Trim()}")),
                Fail: expected => FinFail<MemoryBudget>(Error.New($"{Variable} must be {expected.Message}, not '{variable}'")));
        }

        return FinSucc(new MemoryBudget(available / 4 * 3, $"3/4 of the {Format(available)} available to this process"));
    }

    /// <summary>The budget of this process: <see cref="Resolve"/> with the environment and the GC's available memory.</summary>
    /// <param name="option">The <c>--memory-budget</c> value and its text, or null when not given.</param>
    public static Fin<MemoryBudget> ForThisProcess(Parsed<long>? option) =>
        Resolve(option, Environment.GetEnvironmentVariable(Variable), GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <summary>
    /// <paramref name="bytes"/> as people read it, with enough digits to tell it from <paramref name="other"/> (the
    /// budget it is compared with): never "needs about 384 MiB, more than the budget of 384 MiB".
    /// </summary>
    /// <param name="bytes">The number of bytes.</param>
    /// <param name="other">The number it must read differently from.</param>
    public static string Format(double bytes, double other) =>
        bytes != other && Format(bytes) == Format(other)
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:#,0} bytes")
            : Format(bytes);

    /// <summary>A byte count as people read it: <c>812 MiB</c>, <c>2.4 GiB</c>, <c>4.0 TiB</c> (powers of 1024).</summary>
    /// <param name="bytes">The number of bytes (may exceed <see cref="long.MaxValue"/> for estimates).</param>
    public static string Format(double bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        var unit = 0;
        while (bytes >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0} {(bytes == 1 ? "byte" : "bytes")}")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.#} {units[unit]}");
    }
}
