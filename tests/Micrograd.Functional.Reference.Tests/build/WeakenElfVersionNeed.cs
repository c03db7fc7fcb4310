// Marks one symbol-version requirement of an ELF64 shared library weak (VER_FLG_WEAK), so that the
// dynamic linker loads the library even where that version is missing.
//
// Why: TorchSharp 0.107.0's libLibTorchSharp.so was linked with GCC 13 and so needs
// GLIBCXX_3.4.32 from libstdc++.so.6. Debian 12's libstdc++ stops at GLIBCXX_3.4.30, and dlopen
// refuses the library (TorchSharp then reports a misleading "doesn't contain a reference to
// libtorch-cpu-linux-x64"). Only one symbol carries that version, _ZSt21ios_base_library_initv,
// which GCC 13's <iostream> references only to pull in iostream initialisation: no relocation
// uses it, so the dynamic linker never looks it up. A weak version requirement that is missing is
// not an error for glibc's loader (dl-version.c), so the library then loads and runs.
//
// This file is compiled twice:
// - by MSBuild's RoslynCodeTaskFactory, as the WeakenElfVersionNeed task (see
//   LibTorchSharpGlibcxxFix.targets), which patches the copy in bin/ after every build;
// - into the test assembly (with REFERENCE_TESTS defined, so without the MSBuild task class), where
//   ElfVersionNeeds is tested directly.
// It uses nothing newer than C# 7.3 and .NET Standard 2.0 so that both compilers accept it.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Micrograd.Functional.Reference.Build
{
    /// <summary>What <see cref="ElfVersionNeeds.MarkWeak"/> found and did.</summary>
    public sealed class WeakenResult
    {
        public WeakenResult(bool changed, long flagsOffset, IReadOnlyList<string> symbols)
        {
            Changed = changed;
            FlagsOffset = flagsOffset;
            Symbols = symbols;
        }

        /// <summary>True if the flag was set now; false if it was already set (the call was a no-op).</summary>
        public bool Changed { get; }

        /// <summary>The file offset of the Vernaux entry's vna_flags field (2 bytes, little-endian).</summary>
        public long FlagsOffset { get; }

        /// <summary>The dynamic symbols that carry the version (none of them is used by a relocation).</summary>
        public IReadOnlyList<string> Symbols { get; }
    }

    /// <summary>
    /// Reads and edits the version-needs section (.gnu.version_r, SHT_GNU_verneed) of a
    /// little-endian ELF64 file held in memory. Every offset is bounds-checked, and anything
    /// unexpected is an <see cref="InvalidDataException"/> with a message that says what was missing.
    /// </summary>
    public static class ElfVersionNeeds
    {
        /// <summary>VER_FLG_WEAK, a bit of Vernaux.vna_flags.</summary>
        public const ushort WeakFlag = 0x2;

        private const uint ShtRela = 4, ShtRel = 9, ShtDynsym = 11;
        private const uint ShtGnuVerneed = 0x6ffffffe, ShtGnuVersym = 0x6fffffff;

        /// <summary>
        /// Sets VER_FLG_WEAK on the requirement of <paramref name="version"/> from
        /// <paramref name="library"/> (for example GLIBCXX_3.4.32 from libstdc++.so.6), in place.
        /// Idempotent: if the flag is already set, nothing changes.
        /// </summary>
        /// <exception cref="InvalidDataException">
        /// The bytes are not a little-endian ELF64 file, it has no version-needs section, it does not
        /// need that version from that library, or a relocation uses a symbol of that version (then
        /// weakening would only move the failure to the first call, so it is refused).
        /// </exception>
        public static WeakenResult MarkWeak(byte[] elf, string library, string version, string fileName = "the file")
        {
            var sections = Sections(elf, fileName);
            var verneed = sections.Where(s => s.Type == ShtGnuVerneed).ToList();
            if (verneed.Count != 1)
            {
                throw new InvalidDataException($"{fileName}: expected one version-needs section (.gnu.version_r, SHT_GNU_verneed), found {verneed.Count}.");
            }

            var needs = Needs(elf, sections, verneed[0], fileName);
            var matches = needs.Where(n => n.Library == library && n.Version == version).ToList();
            if (matches.Count != 1)
            {
                throw new InvalidDataException(
                    $"{fileName}: expected one requirement of {version} from {library} in .gnu.version_r, found {matches.Count}. " +
                    $"It needs: {string.Join(", ", needs.Select(n => n.Version + " (" + n.Library + ")"))}. " +
                    "If a newer package no longer needs it, remove this build step.");
            }

            var need = matches[0];
            var symbols = SymbolsWithVersion(elf, sections, need.Index, fileName);
            var bound = symbols.Where(s => s.Relocated).Select(s => s.Name).ToList();
            if (bound.Count > 0)
            {
                throw new InvalidDataException(
                    $"{fileName}: refusing to mark {version} ({library}) weak: relocations use its symbols {string.Join(", ", bound)}, " +
                    $"so they would fail to bind at run time. This library really needs a libstdc++ that provides {version}.");
            }

            var flags = U16(elf, need.FlagsOffset, fileName);
            var changed = (flags & WeakFlag) == 0;
            if (changed)
            {
                var weak = (ushort)(flags | WeakFlag);
                elf[need.FlagsOffset] = (byte)weak;
                elf[need.FlagsOffset + 1] = (byte)(weak >> 8);
            }

            return new WeakenResult(changed, need.FlagsOffset, symbols.Select(s => s.Name).ToList());
        }

        /// <summary>Every version requirement: library, version name, flags and the index symbols refer to it by.</summary>
        public static IReadOnlyList<VersionNeed> Needs(byte[] elf, string fileName = "the file")
        {
            var sections = Sections(elf, fileName);
            var verneed = sections.FirstOrDefault(s => s.Type == ShtGnuVerneed)
                ?? throw new InvalidDataException($"{fileName}: no version-needs section (.gnu.version_r, SHT_GNU_verneed).");
            return Needs(elf, sections, verneed, fileName);
        }

        private static List<VersionNeed> Needs(byte[] elf, List<Section> sections, Section verneed, string fileName)
        {
            var strings = Linked(sections, verneed, fileName);
            var needs = new List<VersionNeed>();
            long entry = verneed.Offset;
            for (var i = 0u; i < verneed.Info; i++)
            {
                // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
                Check(elf, entry, 16, fileName, "Verneed entry");
                var count = U16(elf, entry + 2, fileName);
                var library = CString(elf, strings, U32(elf, entry + 4, fileName), fileName);
                long aux = entry + U32(elf, entry + 8, fileName);
                for (var j = 0; j < count; j++)
                {
                    // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                    Check(elf, aux, 16, fileName, "Vernaux entry");
                    var name = CString(elf, strings, U32(elf, aux + 8, fileName), fileName);
                    if (U32(elf, aux, fileName) != ElfHash(name))
                    {
                        throw new InvalidDataException($"{fileName}: the Vernaux entry at 0x{aux:x} for {name} has a wrong hash; the section is not what it seems.");
                    }

                    needs.Add(new VersionNeed(library, name, U16(elf, aux + 4, fileName), U16(elf, aux + 6, fileName), aux + 4));
                    var next = U32(elf, aux + 12, fileName);
                    if (next == 0 && j != count - 1)
                    {
                        throw new InvalidDataException($"{fileName}: the Vernaux chain of {library} ends after {j + 1} of {count} entries.");
                    }

                    aux += next;
                }

                var nextNeed = U32(elf, entry + 12, fileName);
                if (nextNeed == 0 && i != verneed.Info - 1)
                {
                    throw new InvalidDataException($"{fileName}: the Verneed chain ends after {i + 1} of {verneed.Info} entries.");
                }

                entry += nextNeed;
            }

            return needs;
        }

        /// <summary>The dynamic symbols whose .gnu.version index is <paramref name="index"/>, and whether a relocation uses each.</summary>
        private static List<(string Name, bool Relocated)> SymbolsWithVersion(byte[] elf, List<Section> sections, ushort index, string fileName)
        {
            var dynsym = sections.FirstOrDefault(s => s.Type == ShtDynsym)
                ?? throw new InvalidDataException($"{fileName}: no dynamic symbol table (.dynsym).");
            var versym = sections.FirstOrDefault(s => s.Type == ShtGnuVersym)
                ?? throw new InvalidDataException($"{fileName}: no symbol-version table (.gnu.version).");
            var strings = Linked(sections, dynsym, fileName);
            var count = dynsym.Size / 24;
            if (versym.Size / 2 != count)
            {
                throw new InvalidDataException($"{fileName}: .gnu.version has {versym.Size / 2} entries for {count} dynamic symbols.");
            }

            var indices = new HashSet<ulong>();
            for (var k = 0ul; k < count; k++)
            {
                if ((U16(elf, versym.Offset + (long)(2 * k), fileName) & 0x7fff) == index)
                {
                    indices.Add(k);
                }
            }

            // Relocations against the dynamic symbols: Elf64_Rela is 24 bytes, Elf64_Rel 16; r_info is at +8, symbol index in its high 32 bits.
            var relocated = new HashSet<ulong>();
            foreach (var rel in sections.Where(s => (s.Type == ShtRela || s.Type == ShtRel) && s.Link < sections.Count && sections[(int)s.Link].Type == ShtDynsym))
            {
                var size = rel.Type == ShtRela ? 24 : 16;
                for (long at = rel.Offset; at + size <= rel.Offset + (long)rel.Size; at += size)
                {
                    Check(elf, at, size, fileName, "relocation");
                    var symbol = BitConverter.ToUInt64(elf, (int)(at + 8)) >> 32;
                    if (indices.Contains(symbol))
                    {
                        relocated.Add(symbol);
                    }
                }
            }

            return indices.OrderBy(k => k)
                .Select(k => (CString(elf, strings, U32(elf, dynsym.Offset + (long)(24 * k), fileName), fileName), relocated.Contains(k)))
                .ToList();
        }

        private static List<Section> Sections(byte[] elf, string fileName)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            {
                throw new InvalidDataException($"{fileName}: not an ELF file.");
            }

            if (elf[4] != 2 || elf[5] != 1)
            {
                throw new InvalidDataException($"{fileName}: not a little-endian ELF64 file (class {elf[4]}, data {elf[5]}).");
            }

            var shoff = (long)BitConverter.ToUInt64(elf, 0x28);
            var shentsize = U16(elf, 0x3a, fileName);
            long shnum = U16(elf, 0x3c, fileName);
            if (shoff == 0 || shentsize < 64)
            {
                throw new InvalidDataException($"{fileName}: no section header table.");
            }

            if (shnum == 0)
            {
                // Extended numbering: the count is the sh_size of section 0.
                Check(elf, shoff, 64, fileName, "section header 0");
                shnum = (long)BitConverter.ToUInt64(elf, (int)(shoff + 32));
            }

            var sections = new List<Section>();
            for (long i = 0; i < shnum; i++)
            {
                var at = shoff + i * shentsize;
                Check(elf, at, 64, fileName, "section header");
                var section = new Section(
                    U32(elf, at + 4, fileName),
                    (long)BitConverter.ToUInt64(elf, (int)(at + 24)),
                    BitConverter.ToUInt64(elf, (int)(at + 32)),
                    U32(elf, at + 40, fileName),
                    U32(elf, at + 44, fileName));
                if (section.Type != 8 /* SHT_NOBITS */ && section.Type != 0)
                {
                    Check(elf, section.Offset, (long)section.Size, fileName, "section contents");
                }

                sections.Add(section);
            }

            return sections;
        }

        private static Section Linked(List<Section> sections, Section section, string fileName) =>
            section.Link < sections.Count && sections[(int)section.Link].Type == 3 /* SHT_STRTAB */
                ? sections[(int)section.Link]
                : throw new InvalidDataException($"{fileName}: section link {section.Link} is not a string table.");

        private static string CString(byte[] elf, Section strings, uint offset, string fileName)
        {
            if (offset >= strings.Size)
            {
                throw new InvalidDataException($"{fileName}: string offset {offset} is outside its string table.");
            }

            var start = (int)(strings.Offset + offset);
            var end = Array.IndexOf(elf, (byte)0, start, (int)(strings.Size - offset));
            if (end < 0)
            {
                throw new InvalidDataException($"{fileName}: unterminated string at 0x{start:x}.");
            }

            return Encoding.ASCII.GetString(elf, start, end - start);
        }

        /// <summary>The System V ELF hash, which each Vernaux entry stores for its name.</summary>
        public static uint ElfHash(string name)
        {
            uint h = 0;
            foreach (var c in Encoding.ASCII.GetBytes(name))
            {
                h = (h << 4) + c;
                var g = h & 0xf0000000;
                if (g != 0)
                {
                    h ^= g >> 24;
                }

                h &= ~g;
            }

            return h;
        }

        private static void Check(byte[] elf, long offset, long length, string fileName, string what)
        {
            if (offset < 0 || length < 0 || offset > elf.Length || length > elf.Length - offset)
            {
                throw new InvalidDataException($"{fileName}: {what} at 0x{offset:x} (+{length}) lies outside the file ({elf.Length} bytes).");
            }
        }

        private static ushort U16(byte[] elf, long offset, string fileName)
        {
            Check(elf, offset, 2, fileName, "field");
            return BitConverter.ToUInt16(elf, (int)offset);
        }

        private static uint U32(byte[] elf, long offset, string fileName)
        {
            Check(elf, offset, 4, fileName, "field");
            return BitConverter.ToUInt32(elf, (int)offset);
        }

        private sealed class Section
        {
            public Section(uint type, long offset, ulong size, uint link, uint info)
            {
                Type = type;
                Offset = offset;
                Size = size;
                Link = link;
                Info = info;
            }

            public uint Type { get; }
            public long Offset { get; }
            public ulong Size { get; }
            public uint Link { get; }
            public uint Info { get; }
        }
    }

    /// <summary>One Vernaux entry: <see cref="Version"/> needed from <see cref="Library"/>.</summary>
    public sealed class VersionNeed
    {
        public VersionNeed(string library, string version, ushort flags, ushort index, long flagsOffset)
        {
            Library = library;
            Version = version;
            Flags = flags;
            Index = index;
            FlagsOffset = flagsOffset;
        }

        public string Library { get; }
        public string Version { get; }
        public ushort Flags { get; }

        /// <summary>vna_other: the index that .gnu.version entries use for this version.</summary>
        public ushort Index { get; }

        public long FlagsOffset { get; }

        public bool IsWeak => (Flags & ElfVersionNeeds.WeakFlag) != 0;
    }

#if !REFERENCE_TESTS
    /// <summary>
    /// The MSBuild task: for each file, reads it, marks the requirement weak and, if that changed
    /// anything, writes the result to a temporary file beside it and renames it over the original
    /// (atomic; a hard link to the NuGet cache, if the copy was one, is left untouched). Permissions
    /// and the last-write time are kept, so MSBuild's incremental copy sees the file as unchanged
    /// and does not copy the unpatched library over it again; the next run is then a no-op.
    /// </summary>
    public sealed class WeakenElfVersionNeed : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Files { get; set; }

        [Microsoft.Build.Framework.Required]
        public string Library { get; set; }

        [Microsoft.Build.Framework.Required]
        public string Version { get; set; }

        public override bool Execute()
        {
            foreach (var item in Files)
            {
                var path = Path.GetFullPath(item.ItemSpec);
                try
                {
                    var bytes = File.ReadAllBytes(path);
                    var result = ElfVersionNeeds.MarkWeak(bytes, Library, Version, path);
                    var symbols = result.Symbols.Count == 0 ? "no symbols" : string.Join(", ", result.Symbols);
                    if (!result.Changed)
                    {
                        Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low,
                            $"{path}: {Version} ({Library}) is already weak.");
                        continue;
                    }

                    var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                    try
                    {
                        File.WriteAllBytes(temporary, bytes);
                        CopyMode(path, temporary);
                        File.SetLastWriteTimeUtc(temporary, File.GetLastWriteTimeUtc(path));
                        // With no backup file, File.Replace is rename(2) on Unix: readers see the old file or the new one.
                        File.Replace(temporary, path, null);
                    }
                    finally
                    {
                        if (File.Exists(temporary))
                        {
                            File.Delete(temporary);
                        }
                    }

                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                        $"{path}: marked the {Version} ({Library}) requirement weak (vna_flags at 0x{result.FlagsOffset:x}); " +
                        $"symbols of that version, none used by a relocation: {symbols}.");
                }
                catch (Exception e) when (e is InvalidDataException || e is IOException || e is UnauthorizedAccessException)
                {
                    Log.LogError($"Could not make {Path.GetFileName(path)} loadable without {Version}: {e.Message}");
                }
            }

            return !Log.HasLoggedErrors;
        }

        /// <summary>Copies the Unix permission bits (File.GetUnixFileMode is .NET 7+, so through reflection).</summary>
        private static void CopyMode(string from, string to)
        {
            var get = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });
            var mode = get?.Invoke(null, new object[] { from });
            if (mode != null)
            {
                typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), mode.GetType() })?.Invoke(null, new[] { to, mode });
            }
        }
    }
#endif
}
