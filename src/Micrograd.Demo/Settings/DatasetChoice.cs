using LanguageExt;
using Micrograd.Functional.Data;
using static LanguageExt.Prelude;

namespace Micrograd.Demo.Settings;

/// <summary>The <c>--dataset</c> argument: one of the built-in toy sets, or a CSV file.</summary>
public abstract record DatasetChoice
{
    /// <summary>The accepted forms, for help and error messages.</summary>
    public const string Forms = "moons, circles, blobs or csv:PATH";

    /// <summary>The number of points of each built-in set, and so the most classes blobs can have.</summary>
    public const int Points = 100;

    /// <summary>micrograd's demo data: <c>make_moons(100, noise=0.1)</c>.</summary>
    public static readonly DatasetChoice Moons = new Builtin("moons", seed => Datasets.Moons(samples: Points, noise: 0.1, seed: seed));

    /// <summary>Two concentric circles, the inner one half the size: <c>make_circles(100, noise=0.1, factor=0.5)</c>.</summary>
    public static readonly DatasetChoice Circles = new Builtin("circles", seed => Datasets.Circles(samples: Points, noise: 0.1, factor: 0.5, seed: seed));

    /// <summary>Two Gaussian blobs: <c>make_blobs(100, centers=2)</c>.</summary>
    public static readonly DatasetChoice Blobs = BlobsOf(2);

    /// <summary>k Gaussian blobs, one per class: <c>make_blobs(100, centers=k)</c> (<c>--dataset blobs --classes k</c>).</summary>
    /// <param name="classes">k, from 2 to <see cref="Points"/>.</param>
    public static DatasetChoice BlobsOf(int classes) => new Builtin("blobs", seed => Datasets.Blobs(samples: Points, seed: seed, classes: classes));

    /// <summary>The argument as the user wrote it (lower case for the built-in sets).</summary>
    public abstract string Spec { get; }

    /// <summary>Makes or reads the data. The built-in sets have 100 points and use <paramref name="seed"/>; a CSV file ignores it.</summary>
    /// <param name="seed">numpy's seed for the built-in sets.</param>
    /// <returns>The dataset, or an error that names the file (and line) when a CSV file is missing or malformed.</returns>
    public abstract Fin<Dataset> Load(int seed);

    /// <summary>Reads <c>moons</c>, <c>circles</c>, <c>blobs</c> (any case) or <c>csv:PATH</c>.</summary>
    /// <param name="text">The argument.</param>
    /// <returns>The choice, or None for anything else (an empty CSV path included).</returns>
    public static Option<DatasetChoice> Parse(string text) => text.ToLowerInvariant() switch
    {
        "moons" => Moons,
        "circles" => Circles,
        "blobs" => Blobs,
        _ when text.StartsWith("csv:", StringComparison.OrdinalIgnoreCase) && text.Length > 4 => new CsvFile(text[4..]),
        _ => None,
    };

    /// <summary>The argument as the user wrote it (sealed, so that the cases do not print as records).</summary>
    public sealed override string ToString() => Spec;

    /// <summary>A generated toy set.</summary>
    private sealed record Builtin(string Name, Func<int, Dataset> Make) : DatasetChoice
    {
        public override string Spec => Name;

        public override Fin<Dataset> Load(int seed) => FinSucc(Make(seed));
    }

    /// <summary>A CSV file of <c>feature,…,label</c> rows (see <see cref="Csv"/>).</summary>
    private sealed record CsvFile(string Path) : DatasetChoice
    {
        public override string Spec => $"csv:{Path}";

        public override Fin<Dataset> Load(int seed) => Csv.Load(Path);
    }
}
