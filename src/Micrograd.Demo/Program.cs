// The demo's entry point: micrograd's demo.ipynb (two moons, MLP 2-16-16-1) from the command line.
// Everything else is behind Cli.Run, so tests can run the whole program in-process.
using System.Globalization;
using System.Runtime.InteropServices;
using Micrograd.Demo;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the run cleanly (between steps, between files); a second one kills the process at once.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

// SIGTERM (kill, timeout, docker stop, a CI cancel) and SIGHUP (the terminal closed) stop the run the same clean way,
// and the process then exits with 128 + the signal's number, as it would have without the handler.
var terminatedBy = 0;
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);

var code = Cli.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, cancellation.Token);
return code == ExitCode.Cancelled && terminatedBy != 0 ? 128 + terminatedBy : code;

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true; // no immediate exit: the run stops cleanly, and says so
    terminatedBy = signal.Signal == PosixSignal.SIGTERM ? 15 : 1;
    cancellation.Cancel();
}
