using Micrograd.Functional.Files;

namespace Micrograd.Functional.Tests.Files;

/// <summary>An atomic write leaves either the old file or the whole new one, and no temporary files.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("micrograd-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_write_creates_or_replaces_the_file_and_leaves_nothing_else()
    {
        var path = Path.Combine(_folder, "a.txt");
        AtomicFile.WriteText(path, "first");
        AtomicFile.WriteText(path, "second, longer");
        Assert.Equal("second, longer", File.ReadAllText(path));
        Assert.Equal(new[] { "a.txt" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Text_is_utf8_without_a_byte_order_mark()
    {
        var path = Path.Combine(_folder, "u.txt");
        AtomicFile.WriteText(path, "∂");
        Assert.Equal(new byte[] { 0xE2, 0x88, 0x82 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_failed_write_leaves_the_target_unchanged_and_no_temporary_file()
    {
        var path = Path.Combine(_folder, "locked");
        Directory.CreateDirectory(path); // a folder where the file should go: the rename must fail
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteText(path, "x"));
        Assert.True(Directory.Exists(path));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_missing_folder_is_an_error_and_creates_nothing()
    {
        var path = Path.Combine(_folder, "no", "such", "folder.txt");
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteText(path, "x"));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }
}
