using System.Globalization;

namespace Micrograd.Demo.Progress;

/// <summary>Formats doubles as Python's <c>repr</c> does, so output lines match micrograd's character for character.</summary>
public static class PythonFloat
{
    /// <summary>
    /// The shortest text that round-trips, with Python's spelling: <c>50.0</c> rather than <c>50</c>,
    /// <c>1e-05</c> rather than <c>1E-05</c>, <c>nan</c> and <c>inf</c>.
    /// </summary>
    /// <param name="x">The number.</param>
    public static string Repr(double x)
    {
        if (double.IsNaN(x))
        {
            return "nan";
        }

        if (double.IsInfinity(x))
        {
            return x > 0 ? "inf" : "-inf";
        }

        var text = x.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal) ? text : text + ".0";
    }
}
