namespace Micrograd.Demo;

/// <summary>The demo's process exit codes.</summary>
public static class ExitCode
{
    /// <summary>Training ran and every file was written.</summary>
    public const int Success = 0;

    /// <summary>The run failed: training diverged, or a file could not be written.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: an unknown option, a bad value, or data that cannot be read.</summary>
    public const int Usage = 2;

    /// <summary>
    /// The run would need more memory than its budget (<c>--memory-budget</c>, <c>MICROGRAD_MEMORY_BUDGET</c>, or 3/4 of
    /// the memory available to the process), checked before the model is built; or memory ran out all the same. Nothing
    /// is written: the old set is left as it was.
    /// </summary>
    public const int OutOfMemory = 3;

    /// <summary>
    /// The user pressed Ctrl+C (128 + SIGINT, as shells report it). A run stopped by SIGTERM or SIGHUP stops the same
    /// clean way and exits with 143 or 129 (128 + the signal), as shells report those.
    /// </summary>
    public const int Cancelled = 130;
}
