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

    /// <summary>The user pressed Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
