
namespace Micrograd.Functional;

/// <summary>The fusion planner: which runs of the tape are multiply–accumulate chains, executed as one step each.</summary>
public sealed partial class CompiledFunction
{
    /// <summary>
    /// Groups the tape into steps: single instructions, and chains of multiply–accumulate pairs
    /// (acc ← acc + a·b, a Mul then the Add that is its only use, each partial sum used only by the
    /// next pair's Add), the inner loop of every neuron. Chains run with their sums in registers.
    /// A step passes adjoints back only when a gradient reaches it: not a stop-gradient, nor what lies only below one.
    /// </summary>
    private static Step[] Plan(Instruction[] tape, int first, int output, int[] probes)
    {
        // Which slots a gradient reaches from the output, newest first, as the engine's fold finds them.
        var reached = new bool[first + tape.Length];
        reached[output] = true;
        for (var i = tape.Length - 1; i >= 0; i--)
        {
            if (reached[first + i] && tape[i].Op != Op.StopGradient)
            {
                reached[tape[i].A] = true;
                if (tape[i].B >= 0)
                {
                    reached[tape[i].B] = true;
                }
            }
        }

        // (The output is the newest node, so no instruction uses it, and a chain can only end there.)
        var uses = new int[first + tape.Length];
        foreach (var op in tape)
        {
            uses[op.A]++;
            if (op.B >= 0)
            {
                uses[op.B]++;
            }
        }

        foreach (var probe in probes)
        {
            uses[probe]++; // a probed value is read after the run, so no chain keeps it in a register only
        }

        var steps = new List<Step>();
        for (var i = 0; i < tape.Length;)
        {
            var pairs = 0;
            while (IsMultiplyAccumulate(i + 2 * pairs)
                && (pairs == 0 || (tape[i + 2 * pairs + 1].A == first + i + 2 * pairs - 1 && uses[first + i + 2 * pairs - 1] == 1)))
            {
                pairs++;
            }

            // (A chain's products and partial sums are used only within it, so its last add decides for all of it.)
            var last = first + i + (pairs == 0 ? 0 : 2 * pairs - 1);
            steps.Add(new Step(i, pairs, reached[last] && tape[i].Op != Op.StopGradient));
            i += pairs == 0 ? 1 : 2 * pairs;
        }

        return [.. steps];

        bool IsMultiplyAccumulate(int j) =>
            j + 1 < tape.Length && tape[j].Op == Op.Mul && tape[j + 1].Op == Op.Add
            && tape[j + 1].B == first + j && uses[first + j] == 1;
    }
}
