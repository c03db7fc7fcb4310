using System.Reflection;
using Micrograd.Functional.Reference.Build;
using static TorchSharp.torch;

namespace Micrograd.Functional.Reference.Tests.Loading;

/// <summary>
/// The build step that makes libLibTorchSharp.so load on Debian 12 (build/LibTorchSharpGlibcxxFix.targets):
/// TorchSharp loads from bin/, the copy there differs from the NuGet cache's in one flag bit,
/// and the ELF code is idempotent and fails clearly on anything unexpected.
/// </summary>
public class LibTorchSharpFixTests
{
    private const string Library = "libstdc++.so.6", Version = "GLIBCXX_3.4.32";

    private static string InOutput => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    private static string InNuGetCache => typeof(LibTorchSharpFixTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "LibTorchSharpInNuGetCache").Value!;

    [Fact]
    public void TorchSharp_loads_and_computes()
    {
        Assert.Equal(2.0, ones(2, float64).sum().item<double>());
        Assert.Equal(6.0f, ones(2, 3).sum().item<float>());
    }

    [Fact]
    public void The_process_loaded_the_patched_copy_in_bin_not_a_fallback_copy()
    {
        _ = ones(1);   // makes sure the native library is loaded
        var loaded = File.ReadAllLines("/proc/self/maps")
            .Where(l => l.EndsWith("/libLibTorchSharp.so", StringComparison.Ordinal))
            .Select(l => l[l.IndexOf('/')..])
            .Distinct()
            .ToList();

        Assert.Equal([Path.GetFullPath(InOutput)], loaded);
    }

    [Fact]
    public void The_copy_in_bin_needs_GLIBCXX_3_4_32_weakly_and_everything_else_strictly()
    {
        var needs = ElfVersionNeeds.Needs(File.ReadAllBytes(InOutput), InOutput);

        Assert.True(needs.Single(n => n.Library == Library && n.Version == Version).IsWeak);
        Assert.All(needs.Where(n => n.Version != Version), n => Assert.False(n.IsWeak, $"{n.Version} ({n.Library})"));
    }

    [Fact]
    public void The_NuGet_cache_copy_is_untouched_and_differs_from_bin_in_the_flag_alone()
    {
        var original = File.ReadAllBytes(InNuGetCache);
        var patched = File.ReadAllBytes(InOutput);
        Assert.False(ElfVersionNeeds.Needs(original).Single(n => n.Version == Version).IsWeak);

        var result = ElfVersionNeeds.MarkWeak(original, Library, Version);

        Assert.True(result.Changed);
        Assert.Equal(["_ZSt21ios_base_library_initv"], result.Symbols);
        Assert.Equal(patched, original);
        var changed = File.ReadAllBytes(InNuGetCache).Select((b, i) => (b, i)).Where(x => x.b != patched[x.i]).Select(x => (long)x.i);
        Assert.Equal([result.FlagsOffset], changed);
    }

    [Fact]
    public void Marking_twice_is_a_no_op()
    {
        var bytes = File.ReadAllBytes(InOutput);
        var before = (byte[])bytes.Clone();

        var result = ElfVersionNeeds.MarkWeak(bytes, Library, Version);

        Assert.False(result.Changed);
        Assert.Equal(before, bytes);
    }

    [Fact]
    public void A_version_that_relocations_use_is_refused()
    {
        var bytes = File.ReadAllBytes(InNuGetCache);

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.MarkWeak(bytes, "libc.so.6", "GLIBC_2.2.5"));

        Assert.Contains("refusing to mark GLIBC_2.2.5 (libc.so.6) weak: relocations use its symbols", error.Message);
    }

    [Fact]
    public void A_version_the_library_does_not_need_fails_with_the_list_of_what_it_does_need()
    {
        var bytes = File.ReadAllBytes(InNuGetCache);

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.MarkWeak(bytes, Library, "GLIBCXX_9.9.9", "lib.so"));

        Assert.StartsWith("lib.so: expected one requirement of GLIBCXX_9.9.9 from libstdc++.so.6 in .gnu.version_r, found 0.", error.Message);
        Assert.Contains("GLIBCXX_3.4.32 (libstdc++.so.6)", error.Message);
        Assert.Contains("remove this build step", error.Message);
    }

    [Theory]
    [InlineData(0, "not an ELF file")]
    [InlineData(64, "lies outside the file")]
    [InlineData(100_000, "lies outside the file")]
    public void A_file_that_is_not_a_whole_elf64_library_fails_with_a_message(int keep, string message)
    {
        var bytes = keep == 0 ? "not a library"u8.ToArray() : File.ReadAllBytes(InNuGetCache)[..keep];

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.MarkWeak(bytes, Library, Version, "x.so"));

        Assert.Contains(message, error.Message);
    }
}
