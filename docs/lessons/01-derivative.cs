#:project ../../src/Micrograd.Functional/Micrograd.Functional.csproj
#:property InvariantGlobalization=true
// # 01 · The derivative, and what h does
//
// Everything in this engine rests on one idea: the **derivative** of a function says how fast its
// output moves when you nudge its input. Nudge x by a tiny h and watch f:
//
//     f′(x) ≈ (f(x + h) − f(x)) / h
//
// This lesson starts where Andrej Karpathy's "zero to hero" lecture starts, with
// f(x) = 3x² − 4x + 5 at x = 3. School calculus says f′(x) = 6x − 4, so f′(3) = 14 exactly.
//
// The slope above is only an approximation, and the size of h decides how good it is:
//
// - **h too big: truncation error.** The slope measures the average steepness over [x, x + h],
//   not the steepness at x. For this f the slope is exactly 6x − 4 + 3h, so the error is 3h.
// - **h too small: round-off error.** A double carries about 16 significant digits. f(x + h) and
//   f(x) agree in almost all of them, and the subtraction keeps only the few that differ. Each of
//   the two is rounded, by up to ε/2 of its size (ε = 2.2·10⁻¹⁶), so their difference may be off
//   by about ε·|f|, and the slope by ε·|f| / h, which *grows* as h shrinks. That is an estimate
//   of the worst case: the actual error is usually well below it. (Even x + h and the arithmetic
//   inside f are rounded, so the step taken is not quite h.)
//
// The best h sits where the two meet, near √ε ≈ 10⁻⁸. The table below shows both errors for
// h = 10⁻¹ down to 10⁻¹⁵. Then `Backward()` gives the derivative with no h at all: it applies
// the rules of calculus to the expression, so it is exact up to the rounding of the last digit.
using Micrograd.Functional;

// ## The function and its exact derivative
static double F(double x) => 3 * x * x - 4 * x + 5;
const double X = 3.0;
const double Exact = 6 * X - 4;   // f′(x) = 6x − 4, worked out by hand
Console.WriteLine($"f(3) = {F(X)}, and by hand f′(3) = {Exact}");

// ## The slope for h = 10⁻¹ … 10⁻¹⁵
Console.WriteLine();
// Two estimates of the error: truncation 3h, and round-off ε·|f|/h, where ε = 2.2e-16 is the
// gap between 1 and the next double: f(x + h) and f(x) are each rounded by up to ε/2 of their size.
// The round-off column is an estimate of the worst case, not the error itself.
var epsilon = Math.BitIncrement(1.0) - 1.0;
Console.WriteLine("h        slope (f(x+h) − f(x))/h     error     truncation 3h   round-off ε·|f|/h");
var errors = new Dictionary<int, double>();
for (var k = 1; k <= 15; k++)
{
    var h = Math.Pow(10, -k);
    var slope = (F(X + h) - F(X)) / h;
    errors[k] = Math.Abs(slope - Exact);
    Console.WriteLine($"1e-{k,-2}    {slope,-24:R}    {errors[k],-7:0.0E+0}   {3 * h,-13:0.0E+0}   {epsilon * Math.Abs(F(X)) / h:0.0E+0}");
}

// Where is the error smallest? Big h is ruined by truncation, small h by round-off.
var best = errors.MinBy(e => e.Value).Key;
Console.WriteLine();
Console.WriteLine($"The smallest error, {errors[best]:0.0E+0}, is at h = 1e-{best}.");
Console.WriteLine($"At h = 1e-1 the error is {errors[1]:0.000}, truncation (3h = 0.3);");
Console.WriteLine($"at h = 1e-15 it is {errors[15]:0.000}, round-off: smaller h made it worse.");
var stepTaken = (X + 1e-15) - X;   // x + h is rounded to a double too
Console.WriteLine($"(At h = 1e-15 even x + h is rounded: the step actually taken is {stepTaken:0.0E+0}.)");

// ## Backward(): the derivative with no h
var x = new Value(X, "x");
var f = 3 * x.Pow(2) - 4 * x + 5;
var grads = f.Backward();
Console.WriteLine();
Console.WriteLine($"Backward(): f = {f.Data}, df/dx = {grads[x]}");

// ## The claims above, checked
Check(Math.Abs(errors[1] - 0.3) < 1e-9, "at h = 0.1 the error is the truncation error 3h = 0.3");
Check(best is >= 7 and <= 9, $"the best h is near 1e-8 (it was 1e-{best})");
Check(errors[15] > 1e3 * errors[best], "at h = 1e-15 round-off makes the error far bigger than at the best h");
Check(errors.Where(e => e.Key >= 8).All(e => e.Value <= epsilon * Math.Abs(F(X)) * Math.Pow(10, e.Key)),
    "where round-off dominates (h ≤ 1e-8) the error stays below the estimate ε·|f|/h");
Check(stepTaken != 1e-15, "at h = 1e-15 the step actually taken is not h");
Check(grads[x] == Exact && f.Data == F(X), "Backward() gives exactly 14 and the same f(3)");
Console.WriteLine("All claims hold.");

static void Check(bool claim, string what)
{
    if (!claim) throw new InvalidOperationException($"Lesson 01: the claim '{what}' does not hold.");
}
