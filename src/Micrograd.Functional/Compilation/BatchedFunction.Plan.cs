namespace Micrograd.Functional;

/// <summary>Where each slot of the tape lives in a block, and which adjoint contributions come first.</summary>
public sealed partial class BatchedFunction
{
    private readonly Plan _plan;

    /// <summary>
    /// A slot as an operand in a block. <paramref name="Value"/>: ≥ 0, the offset of its <see cref="BlockSize"/> lanes
    /// in the block's values (a per-sample input or an instruction); &lt; 0, the complement of its index among the
    /// uniforms (the shared inputs, then the constants), one number for the whole block. <paramref name="Adjoint"/>:
    /// the offset of its lanes in the block's adjoints (shared inputs first), or −1 for a constant, whose gradient
    /// nobody reads.
    /// </summary>
    private readonly record struct Operand(int Value, int Adjoint);

    /// <summary>The tape decoded for blocks of samples.</summary>
    private sealed class Plan
    {
        public Plan(CompiledFunction function, int sharedCount)
        {
            (Tape, Steps, Constants, Customs, var output) = function.Parts;
            SharedCount = sharedCount;
            Width = function.InputCount - sharedCount;
            ValueCount = (Width + Tape.Length) * BlockSize;
            AdjointCount = (sharedCount + Width + Tape.Length) * BlockSize;
            var first = function.InputCount + Constants.Length;
            A = new Operand[Tape.Length];
            B = new Operand[Tape.Length];
            for (var i = 0; i < Tape.Length; i++)
            {
                A[i] = Decode(Tape[i].A);
                B[i] = Tape[i].B >= 0 ? Decode(Tape[i].B) : default;
            }

            Output = Decode(output);
            Probes = [.. function.Probes.Select(Decode)];

            // The engine's backward order, step by step as the interpreter runs it: the first contribution to a slot's
            // adjoint is 0 + term (the scalar tape adds it to a cleared 0), the others add to it, so no block is cleared.
            var seen = new bool[first + Tape.Length];
            seen[output] = true;
            FirstA = new bool[Tape.Length];
            FirstB = new bool[Tape.Length];
            for (var t = Steps.Length - 1; t >= 0; t--)
            {
                var step = Steps[t];
                if (!step.Passes)
                {
                    continue;
                }

                if (step.Pairs == 0)
                {
                    FirstA[step.First] = See(Tape[step.First].A);
                    if (Tape[step.First].B >= 0)
                    {
                        FirstB[step.First] = See(Tape[step.First].B);
                    }

                    continue;
                }

                for (var j = step.First + 2 * step.Pairs - 2; j >= step.First; j -= 2)
                {
                    if (j == step.First)
                    {
                        FirstA[j + 1] = See(Tape[j + 1].A); // the chain's start, which may have other uses
                    }

                    FirstA[j] = See(Tape[j].A);
                    FirstB[j] = See(Tape[j].B);
                }
            }

            Reached = seen[..function.InputCount];
            ReachedShared = [.. Enumerable.Range(0, sharedCount).Where(s => seen[s])];
            ReachedQuads = [.. Enumerable.Range(0, sharedCount / 4).Select(q => 4 * q).Where(IsQuad)];
            ReachedRest = [.. ReachedShared.Where(s => !IsQuad(s - s % 4))]; // a test per input, not a search of ReachedQuads

            bool See(int slot) => !seen[slot] && (seen[slot] = true);

            // Four reached shared inputs from s, a multiple of 4: their gradients are summed as one vector.
            bool IsQuad(int s) => s + 4 <= sharedCount && seen[s] && seen[s + 1] && seen[s + 2] && seen[s + 3];

            Operand Decode(int slot)
            {
                if (slot < sharedCount)
                {
                    return new Operand(~slot, slot * BlockSize);
                }

                if (slot < function.InputCount)
                {
                    var v = slot - sharedCount;
                    return new Operand(v * BlockSize, (sharedCount + v) * BlockSize);
                }

                if (slot < first)
                {
                    return new Operand(~(sharedCount + slot - function.InputCount), -1);
                }

                var row = Width + slot - first;
                return new Operand(row * BlockSize, (sharedCount + row) * BlockSize);
            }
        }

        public CompiledFunction.Instruction[] Tape { get; }

        public CompiledFunction.Step[] Steps { get; }

        public double[] Constants { get; }

        public CustomOp[] Customs { get; }

        public int SharedCount { get; }

        /// <summary>Inputs per sample.</summary>
        public int Width { get; }

        /// <summary>Doubles in a block's values: the per-sample inputs' and the instructions' lanes.</summary>
        public int ValueCount { get; }

        /// <summary>Doubles in a block's adjoints: the shared inputs', the per-sample inputs' and the instructions' lanes.</summary>
        public int AdjointCount { get; }

        /// <summary>Each instruction's first operand.</summary>
        public Operand[] A { get; }

        /// <summary>Each instruction's second operand (default for a unary op).</summary>
        public Operand[] B { get; }

        /// <summary>Whether an instruction's contribution to its first operand's adjoint is the first one, in backward order.</summary>
        public bool[] FirstA { get; }

        /// <summary>Whether an instruction's contribution to its second operand's adjoint is the first one.</summary>
        public bool[] FirstB { get; }

        /// <summary>The output.</summary>
        public Operand Output { get; }

        /// <summary>The nodes a run reports besides the output (<see cref="Compiler.CompileWithProbes"/>).</summary>
        public Operand[] Probes { get; }

        /// <summary>Whether each input (shared, then per sample) receives a gradient at all; those that do not get 0.</summary>
        public bool[] Reached { get; }

        /// <summary>The shared inputs that receive a gradient.</summary>
        public int[] ReachedShared { get; }

        /// <summary>The first of each four consecutive shared inputs (from a multiple of 4) that all receive a gradient.</summary>
        public int[] ReachedQuads { get; }

        /// <summary>The shared inputs that receive a gradient and are not in <see cref="ReachedQuads"/>.</summary>
        public int[] ReachedRest { get; }
    }
}
