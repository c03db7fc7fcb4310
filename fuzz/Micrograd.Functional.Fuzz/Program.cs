using Micrograd.Functional.Fuzz;
using SharpFuzz;

// Usage: Micrograd.Functional.Fuzz TARGET, with the input on standard input. Under afl-fuzz this is SharpFuzz's
// out-of-process fork server (a hang or a crash kills only the child, which is restarted); run by hand it checks
// one input and exits 0, or exits non-zero with the exception that is a finding. See ../README.md.
if (args.Length != 1 || !Targets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: Micrograd.Functional.Fuzz TARGET < input, where TARGET is one of: {string.Join(", ", Targets.All.Keys)}");
    return 2;
}

Fuzzer.OutOfProcess.Run(stream => target(stream));
return 0;
