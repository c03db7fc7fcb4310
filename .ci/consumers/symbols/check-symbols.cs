// Checks a library's symbol package as a debugger would use it: the .snupkg's portable PDB belongs to
// the .nupkg's DLL, carries SourceLink JSON mapping every source to the public repository at one commit,
// and names no path of the machine that built it. Usage: dotnet run check-symbols.cs -- NUPKG SNUPKG REPO_URL
// Prints one "PASS name" or "FAIL name: detail" line per check.
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;

if (args.Length != 3) { Console.Error.WriteLine("usage: check-symbols.cs NUPKG SNUPKG REPO_URL"); return 2; }
var (nupkg, snupkg, repoUrl) = (args[0], args[1], args[2].TrimEnd('/'));
var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
var failures = 0;
void Check(string name, bool ok, string detail)
{
    Console.WriteLine(ok ? $"PASS {name}" : $"FAIL {name}: {detail}");
    if (!ok) failures++;
}

static MemoryStream Entry(string package, string suffix)
{
    using var zip = ZipFile.OpenRead(package);
    var entry = zip.Entries.Single(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal) && e.FullName.EndsWith(suffix, StringComparison.Ordinal));
    var copy = new MemoryStream();
    using (var s = entry.Open()) s.CopyTo(copy);
    copy.Position = 0;
    return copy;
}

using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(Entry(snupkg, ".pdb"));
var pdb = pdbProvider.GetMetadataReader();

using var pe = new PEReader(Entry(nupkg, ".dll"));
var codeView = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.CodeView);
var dllPdbId = pe.ReadCodeViewDebugDirectoryData(codeView).Guid;
var pdbId = new Guid(pdb.DebugMetadataHeader!.Id.Take(16).ToArray());
Check("symbols: the snupkg's PDB is the one the nupkg's DLL points to", dllPdbId == pdbId, $"DLL wants {dllPdbId}, PDB is {pdbId}");

var json = pdb.CustomDebugInformation
    .Select(pdb.GetCustomDebugInformation)
    .Where(info => pdb.GetGuid(info.Kind) == sourceLinkKind)
    .Select(info => System.Text.Encoding.UTF8.GetString(pdb.GetBlobBytes(info.Value)))
    .FirstOrDefault();
Check("symbols: the PDB carries SourceLink JSON", json is not null, "no custom debug information of kind SourceLink");
if (json is not null)
{
    var documents = JsonDocument.Parse(json).RootElement.GetProperty("documents").EnumerateObject().ToArray();
    var pattern = new Regex("^" + Regex.Escape(repoUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/")) + "/[0-9a-f]{40}/\\*$");
    Check($"symbols: SourceLink maps /_/* to {repoUrl} at one commit",
        documents.Length == 1 && documents[0].Name == "/_/*" && pattern.IsMatch(documents[0].Value.GetString()!), json);
}

var paths = pdb.Documents.Select(h => pdb.GetString(pdb.GetDocument(h).Name)).ToArray();
var machinePaths = paths.Where(p => !p.StartsWith("/_/", StringComparison.Ordinal)).ToArray();
Check($"symbols: all {paths.Length} source paths are /_/-relative, no machine paths", paths.Length > 0 && machinePaths.Length == 0,
    string.Join(", ", machinePaths.Take(3)));
return failures == 0 ? 0 : 1;
