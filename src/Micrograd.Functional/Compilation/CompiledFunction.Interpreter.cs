using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Micrograd.Functional;

/// <summary>The interpreter: the tape run forward (values, and partials when differentiating) and backward (adjoints), in the engine's order and with its sums, so the results are bit-identical to <see cref="Value.Backward"/>.</summary>
public sealed partial class CompiledFunction
{
    /// <summary>
    /// Runs the tape forward with the op table's formulas (a custom op's own), step by step; with <typeparamref name="TMode"/>
    /// <see cref="WithPartials"/>, also its derivative rules, keeping each single instruction's two
    /// partials (a chain's are re-derived on the way back).
    /// </summary>
    private void Forward<TMode>(ReadOnlySpan<double> inputs, Span<double> values, Span<double> partials)
        where TMode : struct, IForwardMode
    {
        inputs.CopyTo(values);
        _constants.CopyTo(values[InputCount..]);
        var first = InputCount + _constants.Length;
        var tape = _tape.AsSpan();

        // The tape's slots are all below SlotCount, which the callers checked the spans against.
        ref var value = ref MemoryMarshal.GetReference(values);
        ref var partial = ref MemoryMarshal.GetReference(partials);
        foreach (var step in _steps)
        {
            if (step.Pairs == 0)
            {
                ref readonly var op = ref tape[step.First];
                var a = Unsafe.Add(ref value, op.A);
                var b = op.B >= 0 ? Unsafe.Add(ref value, op.B) : 0.0;
                if (TMode.KeepsPartials)
                {
                    var local = op.Op == Op.Custom ? _customs[(int)op.P].Evaluate(a, b) : Calculus.Apply(op.Op, a, b, op.P);
                    Unsafe.Add(ref value, first + step.First) = local.Out;
                    Unsafe.Add(ref partial, 2 * step.First) = local.DA;
                    Unsafe.Add(ref partial, 2 * step.First + 1) = local.DB;
                }
                else
                {
                    Unsafe.Add(ref value, first + step.First) = op.Op == Op.Custom ? _customs[(int)op.P].Forward(a, b) : Calculus.Forward(op.Op, a, b, op.P);
                }

                continue;
            }

            // acc ← acc + a·b, pair after pair, the accumulator in a register.
            var acc = Unsafe.Add(ref value, tape[step.First + 1].A);
            for (int j = step.First, end = step.First + 2 * step.Pairs; j < end; j += 2)
            {
                ref readonly var mul = ref tape[j];
                var product = Calculus.Forward(Op.Mul, Unsafe.Add(ref value, mul.A), Unsafe.Add(ref value, mul.B), 0.0);
                acc = Calculus.Forward(Op.Add, acc, product, 0.0);
                Unsafe.Add(ref value, first + j) = product;
                Unsafe.Add(ref value, first + j + 1) = acc;
            }
        }
    }

    /// <summary>The engine's reverse sweep on the tape: same order, same operations, same sums.</summary>
    private void Backward(Span<double> values, Span<double> adjoints, ReadOnlySpan<double> partials)
    {
        var first = InputCount + _constants.Length;
        adjoints[..SlotCount].Clear();
        adjoints[_output] = 1.0;
        var tape = _tape.AsSpan();
        ref var adjoint = ref MemoryMarshal.GetReference(adjoints);
        ref var partial = ref MemoryMarshal.GetReference(partials);
        ref var value = ref MemoryMarshal.GetReference(values);
        for (var t = _steps.Length - 1; t >= 0; t--)
        {
            var step = _steps[t];
            if (!step.Passes)
            {
                continue; // a stop-gradient, or below one only: exactly 0 to the operands, not 0·upstream
            }

            if (step.Pairs == 0)
            {
                var i = step.First;
                ref readonly var op = ref tape[i];

                var upstream = Unsafe.Add(ref adjoint, first + i);
                Unsafe.Add(ref adjoint, op.A) += Unsafe.Add(ref partial, 2 * i) * upstream;
                if (op.B >= 0)
                {
                    Unsafe.Add(ref adjoint, op.B) += Unsafe.Add(ref partial, 2 * i + 1) * upstream;
                }

                continue;
            }

            // The chain from its last add back to its first. A product and a partial sum each have one
            // use, the add just after it, so their adjoint is 0 + ∂add·upstream, exactly as the engine
            // sums it, and stays in a register. Contributions leave the chain in the engine's order.
            var up = Unsafe.Add(ref adjoint, first + step.First + 2 * step.Pairs - 1);
            for (var j = step.First + 2 * step.Pairs - 2; j >= step.First; j -= 2)
            {
                ref readonly var mul = ref tape[j];
                ref readonly var add = ref tape[j + 1];
                var a = Unsafe.Add(ref value, mul.A);
                var b = Unsafe.Add(ref value, mul.B);
                var sum = Calculus.Apply(Op.Add, Unsafe.Add(ref value, add.A), Unsafe.Add(ref value, first + j), 0.0);
                var product = Calculus.Apply(Op.Mul, a, b, 0.0);
                var g = 0.0 + sum.DB * up;
                if (j == step.First)
                {
                    Unsafe.Add(ref adjoint, add.A) += sum.DA * up; // the chain's start may have other uses
                }
                else
                {
                    up = 0.0 + sum.DA * up;
                }

                Unsafe.Add(ref adjoint, mul.A) += product.DA * g;
                Unsafe.Add(ref adjoint, mul.B) += product.DB * g;
            }
        }
    }

    /// <summary>Whether <see cref="Forward{TMode}"/> keeps partials: a type argument, so each mode is compiled on its own, without the test.</summary>
    private interface IForwardMode
    {
        static abstract bool KeepsPartials { get; }
    }

    private readonly struct ValuesOnly : IForwardMode
    {
        public static bool KeepsPartials => false;
    }

    private readonly struct WithPartials : IForwardMode
    {
        public static bool KeepsPartials => true;
    }
}
