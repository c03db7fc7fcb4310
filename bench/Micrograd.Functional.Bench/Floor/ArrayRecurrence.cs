using Micrograd.Functional.Bench.Workload;

namespace Micrograd.Functional.Bench.Floor;

/// <summary>
/// The recurrence hₜ = tanh(w·hₜ₋₁ + xₜ) and its reverse sweep written by hand on arrays: the
/// reference that deep-chain results are checked against, in the engine's order of operations.
/// </summary>
public static class ArrayRecurrence
{
    /// <summary>h_N, ∂h_N/∂w and ∂h_N/∂h₀.</summary>
    /// <param name="w">The recurrent weight.</param>
    /// <param name="h0">The initial state.</param>
    /// <param name="inputs">x₁ … x_N.</param>
    public static StepResult Run(double w, double h0, double[] inputs)
    {
        var h = new double[inputs.Length + 1];
        h[0] = h0;
        for (var t = 0; t < inputs.Length; t++)
        {
            h[t + 1] = Math.Tanh(w * h[t] + inputs[t]);
        }

        var dw = 0.0;
        var dh = 1.0; // ∂h_N/∂hₜ, from t = N down to 0
        for (var t = inputs.Length; t > 0; t--)
        {
            var dPre = (1.0 - h[t] * h[t]) * dh; // tanh' = 1 − tanh²
            dw += h[t - 1] * dPre;
            dh = w * dPre;
        }

        return new StepResult(h[^1], [dw, dh]);
    }
}
