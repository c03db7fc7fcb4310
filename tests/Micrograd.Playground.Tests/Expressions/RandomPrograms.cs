using System.Globalization;
using System.Text;
using Micrograd.Playground.Expressions;

namespace Micrograd.Playground.Tests.Expressions;

/// <summary>
/// Random valid programs of the language using every primitive it has (+ − · / ** with number and Value exponents,
/// unary minus, every function as a call and as a method, max, min, compound assignments), and random token soups. A
/// program is made from a seed, so a failing case prints the seed and the program.
/// </summary>
internal static class RandomPrograms
{
    private static readonly string[] Numbers = ["2", "3", "0.5", "-1", "0", "1.5", "10.0", "1e-3"];

    public static string Make(int seed)
    {
        var random = new Random(seed);
        var names = new List<string>();
        var text = new StringBuilder();
        for (var i = 0; i < 1 + random.Next(3); i++)
        {
            names.Add($"x{i}");
            var data = (random.Next(-3000, 3001) / 1000.0).ToString("R", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"x{i} = Value({data})\n");
        }

        for (var k = 0; k < 1 + random.Next(8); k++)
        {
            var compound = random.Next(3) == 0;
            var target = compound ? names[random.Next(names.Count)] : $"y{k}";
            var op = compound ? new[] { "+=", "-=", "*=", "/=" }[random.Next(4)] : "=";
            text.Append(CultureInfo.InvariantCulture, $"{target} {op} {Expr(random, names, 3)}\n");
            if (!names.Contains(target))
            {
                names.Add(target);
            }
        }

        return text.ToString();
    }

    private static string Expr(Random random, List<string> names, int depth)
    {
        var choice = depth == 0 ? random.Next(2) : random.Next(10);
        string Sub() => Expr(random, names, depth - 1);
        return choice switch
        {
            0 => names[random.Next(names.Count)],
            1 => random.Next(4) == 0 ? Numbers[random.Next(Numbers.Length)] : names[random.Next(names.Count)],
            2 or 3 => $"({Sub()} {new[] { "+", "-", "*", "/" }[random.Next(4)]} {Sub()})",
            4 => $"({Sub()}) ** {new[] { "2", "3", "-1", "0.5", "0" }[random.Next(5)]}",
            5 => $"({Sub()}) ** ({Sub()})",
            6 => $"-{Sub()}",
            7 => $"{Function(random)}({Sub()})",
            8 => $"({Sub()}).{Function(random)}()",
            _ => $"{(random.Next(2) == 0 ? "max" : "min")}({Sub()}, {Sub()})",
        };
    }

    private static string Function(Random random) => Functions.Unary[random.Next(Functions.Unary.Count)].Name;

    /// <summary>Pieces of the language and of things that are not, to glue together at random.</summary>
    public static readonly string[] Soup =
    [
        "a", "b", "x1", "g", "Value", "relu", "max", "min", "stop_gradient", "print", "backward", "from", "_",
        "=", "+=", "-=", "*=", "/=", "+", "-", "*", "/", "**", "(", ")", ",", ".", ";", "\n", " ", "#", "\t", "\r",
        "1", "2.5", ".5", "1e3", "1e", "1e+", "0", "9e999", "$", "'", "\"", "%", "é", "\u0000", "g.backward()", "(a", "))",
        "a = Value(1.0)\n", "b = a * a\n", "relu(", "max(a,", ".relu()", "**-", "--",
    ];
}
