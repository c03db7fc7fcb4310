namespace Micrograd.Functional.Onnx.Tests;

/// <summary>How far apart two doubles are, in units in the last place.</summary>
internal static class Ulps
{
    /// <summary>
    /// 0 for the same bits, or for two NaNs (whatever their payloads), or for +0 and −0; the number of doubles between
    /// two finite numbers of the same sign otherwise; <see cref="long.MaxValue"/> for a NaN against a number, an
    /// infinity against anything else, or numbers of opposite signs (other than zeros).
    /// </summary>
    internal static long Between(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return double.IsNaN(a) && double.IsNaN(b) ? 0 : long.MaxValue;
        }

        if (a == b)
        {
            return BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) ? 0 : 1; // +0 and −0: one apart
        }

        if (double.IsInfinity(a) || double.IsInfinity(b) || Math.Sign(a) * Math.Sign(b) < 0)
        {
            return long.MaxValue;
        }

        return Math.Abs(BitConverter.DoubleToInt64Bits(Math.Abs(a)) - BitConverter.DoubleToInt64Bits(Math.Abs(b)));
    }
}
