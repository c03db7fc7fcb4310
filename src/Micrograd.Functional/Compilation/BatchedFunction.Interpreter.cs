using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Micrograd.Functional;

/// <summary>
/// The block interpreter: the scalar tape's forward and backward sweeps (<c>CompiledFunction.Interpreter.cs</c>),
/// each operation applied to <see cref="BlockSize"/> samples at once, with the same operations in the same order.
/// </summary>
public sealed partial class BatchedFunction
{
    /// <summary>The tape forward over one block; with <paramref name="keepPartials"/>, each op's partials too (a sum's and a product's are re-derived on the way back).</summary>
    private static void Forward(Plan plan, Span<double> values, ReadOnlySpan<double> uniforms, Span<double> partials, bool keepPartials)
    {
        ref var value = ref MemoryMarshal.GetReference(values);
        foreach (var step in plan.Steps)
        {
            if (step.Pairs == 0)
            {
                var i = step.First;
                var op = plan.Tape[i];
                var (a, b) = (plan.A[i], plan.B[i]);
                var at = (plan.Width + i) * BlockSize;
                if (op.Op is Op.Add or Op.Mul or Op.Relu)
                {
                    for (var k = 0; k < BlockSize; k += 4)
                    {
                        var x = Load(ref value, uniforms, a, k);
                        var result = op.Op switch
                        {
                            Op.Add => x + Load(ref value, uniforms, b, k),
                            Op.Mul => x * Load(ref value, uniforms, b, k),
                            _ => Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<double>.Zero), Vector256<double>.Zero, x), // the table's a < 0 ? 0 : a
                        };
                        result.StoreUnsafe(ref value, (nuint)(at + k));
                    }

                    continue;
                }

                for (var lane = 0; lane < BlockSize; lane++)
                {
                    var x = Get(values, uniforms, a, lane);
                    var y = op.B >= 0 ? Get(values, uniforms, b, lane) : 0.0;
                    if (keepPartials)
                    {
                        var local = op.Op == Op.Custom ? plan.Customs[(int)op.P].Evaluate(x, y) : Calculus.Apply(op.Op, x, y, op.P);
                        values[at + lane] = local.Out;
                        partials[2 * i * BlockSize + lane] = local.DA;
                        partials[(2 * i + 1) * BlockSize + lane] = local.DB;
                    }
                    else
                    {
                        values[at + lane] = op.Op == Op.Custom ? plan.Customs[(int)op.P].Forward(x, y) : Calculus.Forward(op.Op, x, y, op.P);
                    }
                }

                continue;
            }

            // acc ← acc + a·b, pair after pair, the four vectors of the block's sums in registers; the products and partial
            // sums have no other use, so only the last sum is stored.
            var start = plan.A[step.First + 1];
            var (acc0, acc1, acc2, acc3) = (Load(ref value, uniforms, start, 0), Load(ref value, uniforms, start, 4), Load(ref value, uniforms, start, 8), Load(ref value, uniforms, start, 12));
            for (int j = step.First, end = step.First + 2 * step.Pairs; j < end; j += 2)
            {
                var (ma, mb) = (plan.A[j], plan.B[j]);
                if ((ma.Value ^ mb.Value) < 0) // one shared (a weight), one per sample: the weight broadcast once (a·b = b·a exactly)
                {
                    var (w, h) = ma.Value < 0 ? (ma, mb) : (mb, ma);
                    var weight = Vector256.Create(uniforms[~w.Value]);
                    ref var lanes = ref Unsafe.Add(ref value, h.Value);
                    acc0 += Vector256.LoadUnsafe(ref lanes) * weight;
                    acc1 += Vector256.LoadUnsafe(ref lanes, 4) * weight;
                    acc2 += Vector256.LoadUnsafe(ref lanes, 8) * weight;
                    acc3 += Vector256.LoadUnsafe(ref lanes, 12) * weight;
                    continue;
                }

                acc0 += Load(ref value, uniforms, ma, 0) * Load(ref value, uniforms, mb, 0);
                acc1 += Load(ref value, uniforms, ma, 4) * Load(ref value, uniforms, mb, 4);
                acc2 += Load(ref value, uniforms, ma, 8) * Load(ref value, uniforms, mb, 8);
                acc3 += Load(ref value, uniforms, ma, 12) * Load(ref value, uniforms, mb, 12);
            }

            var last = (plan.Width + step.First + 2 * step.Pairs - 1) * BlockSize;
            acc0.StoreUnsafe(ref value, (nuint)last);
            acc1.StoreUnsafe(ref value, (nuint)(last + 4));
            acc2.StoreUnsafe(ref value, (nuint)(last + 8));
            acc3.StoreUnsafe(ref value, (nuint)(last + 12));
        }
    }

    /// <summary>The tape backward over one block: the scalar sweep's order, operations and sums, lane by lane.</summary>
    private static void Backward(Plan plan, Span<double> values, ReadOnlySpan<double> uniforms, Span<double> adjoints, ReadOnlySpan<double> partials, double seed)
    {
        ref var value = ref MemoryMarshal.GetReference(values);
        ref var adjoint = ref MemoryMarshal.GetReference(adjoints);
        ref var partial = ref MemoryMarshal.GetReference(partials);
        if (plan.Output.Adjoint >= 0)
        {
            adjoints.Slice(plan.Output.Adjoint, BlockSize).Fill(seed);
        }

        var rowOfFirst = (plan.SharedCount + plan.Width) * BlockSize; // instruction i's adjoint lanes start at rowOfFirst + i·BlockSize
        for (var t = plan.Steps.Length - 1; t >= 0; t--)
        {
            var step = plan.Steps[t];
            if (!step.Passes)
            {
                continue; // a stop-gradient, or below one only: nothing to the operands
            }

            if (step.Pairs == 0)
            {
                var i = step.First;
                var op = plan.Tape[i];
                var (a, b) = (plan.A[i], plan.B[i]);
                for (var k = 0; k < BlockSize; k += 4)
                {
                    var up = Vector256.LoadUnsafe(ref adjoint, (nuint)(rowOfFirst + i * BlockSize + k));
                    var (da, db) = op.Op switch
                    {
                        Op.Add => (Vector256<double>.One, Vector256<double>.One), // the table's (1, 1)
                        Op.Mul => (Load(ref value, uniforms, b, k), Load(ref value, uniforms, a, k)), // the table's (b, a)
                        Op.Relu => (Vector256.ConditionalSelect(Vector256.GreaterThan(Load(ref value, uniforms, a, k), Vector256<double>.Zero), Vector256<double>.One, Vector256<double>.Zero), default), // Step(a)
                        _ => (Vector256.LoadUnsafe(ref partial, (nuint)(2 * i * BlockSize + k)), Vector256.LoadUnsafe(ref partial, (nuint)((2 * i + 1) * BlockSize + k))),
                    };
                    Pass(ref adjoint, a, da * up, plan.FirstA[i], k);
                    if (op.B >= 0)
                    {
                        Pass(ref adjoint, b, db * up, plan.FirstB[i], k);
                    }
                }

                continue;
            }

            // The chain from its last add back to its first, as the scalar sweep runs it: a sum's partials are 1, a
            // product's are its operands, and the upstream gradient goes through 0 + 1·up at each add. The block's four
            // vectors of upstream gradients stay in registers.
            var top = rowOfFirst + (step.First + 2 * step.Pairs - 1) * BlockSize;
            var (up0, up1, up2, up3) = (Vector256.LoadUnsafe(ref adjoint, (nuint)top), Vector256.LoadUnsafe(ref adjoint, (nuint)(top + 4)),
                Vector256.LoadUnsafe(ref adjoint, (nuint)(top + 8)), Vector256.LoadUnsafe(ref adjoint, (nuint)(top + 12)));
            for (var j = step.First + 2 * step.Pairs - 2; j >= step.First; j -= 2)
            {
                var (g0, g1, g2, g3) = (Vector256<double>.Zero + up0, Vector256<double>.Zero + up1, Vector256<double>.Zero + up2, Vector256<double>.Zero + up3);
                if (j == step.First)
                {
                    Pass(ref adjoint, plan.A[j + 1], up0, up1, up2, up3, plan.FirstA[j + 1]);
                }
                else
                {
                    (up0, up1, up2, up3) = (g0, g1, g2, g3);
                }

                var (ma, mb) = (plan.A[j], plan.B[j]);
                if ((ma.Value ^ mb.Value) < 0) // one shared, one per sample: the shared value broadcast once
                {
                    var shared = ma.Value < 0;
                    var weight = Vector256.Create(uniforms[~(shared ? ma.Value : mb.Value)]);
                    ref var lanes = ref Unsafe.Add(ref value, shared ? mb.Value : ma.Value);
                    var (x0, x1, x2, x3) = (Vector256.LoadUnsafe(ref lanes), Vector256.LoadUnsafe(ref lanes, 4), Vector256.LoadUnsafe(ref lanes, 8), Vector256.LoadUnsafe(ref lanes, 12));
                    var (b0, b1, b2, b3) = shared ? (x0, x1, x2, x3) : (weight, weight, weight, weight); // mb's lanes
                    var (a0, a1, a2, a3) = shared ? (weight, weight, weight, weight) : (x0, x1, x2, x3); // ma's lanes
                    Pass(ref adjoint, ma, b0 * g0, b1 * g1, b2 * g2, b3 * g3, plan.FirstA[j]);
                    Pass(ref adjoint, mb, a0 * g0, a1 * g1, a2 * g2, a3 * g3, plan.FirstB[j]);
                    continue;
                }

                Pass(ref adjoint, ma, Load(ref value, uniforms, mb, 0) * g0, Load(ref value, uniforms, mb, 4) * g1, Load(ref value, uniforms, mb, 8) * g2, Load(ref value, uniforms, mb, 12) * g3, plan.FirstA[j]);
                Pass(ref adjoint, mb, Load(ref value, uniforms, ma, 0) * g0, Load(ref value, uniforms, ma, 4) * g1, Load(ref value, uniforms, ma, 8) * g2, Load(ref value, uniforms, ma, 12) * g3, plan.FirstB[j]);
            }
        }
    }

    /// <summary>adjoint(operand) += terms on the block's sixteen lanes, or 0 + term for the first contribution; nothing for a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pass(ref double adjoint, Operand operand, Vector256<double> t0, Vector256<double> t1, Vector256<double> t2, Vector256<double> t3, bool first)
    {
        if (operand.Adjoint < 0)
        {
            return;
        }

        ref var target = ref Unsafe.Add(ref adjoint, operand.Adjoint);
        var (s0, s1, s2, s3) = first
            ? (Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero)
            : (Vector256.LoadUnsafe(ref target), Vector256.LoadUnsafe(ref target, 4), Vector256.LoadUnsafe(ref target, 8), Vector256.LoadUnsafe(ref target, 12));
        (s0 + t0).StoreUnsafe(ref target);
        (s1 + t1).StoreUnsafe(ref target, 4);
        (s2 + t2).StoreUnsafe(ref target, 8);
        (s3 + t3).StoreUnsafe(ref target, 12);
    }

    /// <summary>adjoint(operand) += term on four lanes, or 0 + term for the first contribution; nothing for a constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pass(ref double adjoint, Operand operand, Vector256<double> term, bool first, int k)
    {
        if (operand.Adjoint < 0)
        {
            return;
        }

        ref var target = ref Unsafe.Add(ref adjoint, operand.Adjoint + k);
        (first ? Vector256<double>.Zero + term : Vector256.LoadUnsafe(ref target) + term).StoreUnsafe(ref target);
    }

    /// <summary>Four lanes of an operand: its values, or its one uniform value on every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(ref double value, ReadOnlySpan<double> uniforms, Operand operand, int k) =>
        operand.Value >= 0 ? Vector256.LoadUnsafe(ref value, (nuint)(operand.Value + k)) : Vector256.Create(uniforms[~operand.Value]);

    private static double Get(ReadOnlySpan<double> values, ReadOnlySpan<double> uniforms, Operand operand, int lane) =>
        operand.Value >= 0 ? values[operand.Value + lane] : uniforms[~operand.Value];
}
