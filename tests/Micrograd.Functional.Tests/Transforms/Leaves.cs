namespace Micrograd.Functional.Tests.Transforms;

/// <summary>Points of the transforms as leaves: numbers as fresh leaves, and matrices of nodes read back as numbers.</summary>
internal static class Leaves
{
    public static Value[] Of(params double[] xs) => [.. xs.Select(x => new Value(x))];

    public static double[,] Numbers(Value[,] m)
    {
        var numbers = new double[m.GetLength(0), m.GetLength(1)];
        for (var i = 0; i < m.GetLength(0); i++)
        {
            for (var j = 0; j < m.GetLength(1); j++)
            {
                numbers[i, j] = m[i, j].Data;
            }
        }

        return numbers;
    }
}
