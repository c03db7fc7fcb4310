// The demo's entry point: micrograd's demo.ipynb (two moons, MLP 2-16-16-1) from the command line.
// Everything else is behind Cli.Run, so tests can run the whole program in-process.
using System.Globalization;
using Micrograd.Demo;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops training cleanly between steps; a second one kills the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return Cli.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, cancellation.Token);
