using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace OutOfDark.Packaging.Tests;

/// <summary>
/// <c>dotnet pack -c Release</c>, as the README says, on a fresh checkout with <c>CI</c> unset: the DLL and PDB must not
/// hold the checkout's path, and the package carries its icon, README, tags and symbols.
/// </summary>
public sealed class DeterministicPackTests(ITestOutputHelper output) : IDisposable
{
    // What a checkout needs to pack the domain package: the shared build files and the project.
    private static readonly string[] Needed = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "src/Directory.Build.props", "src/icon.png", "src/OutOfDark/"];

    private readonly string _checkout = Path.Combine(Path.GetTempPath(), "outofdark-pack-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Packing_without_CI_embeds_no_path_of_the_checkout()
    {
        CopyCheckout(RepositoryRoot(), _checkout);
        await Run("git", "init --quiet");
        await Run("git", "add --all");
        await Run("git", "-c user.name=test -c user.email=test@example.invalid commit --quiet -m checkout");

        var packages = Path.Combine(_checkout, "packages");
        await Run(DotnetHost(), $"pack src/OutOfDark/OutOfDark.csproj -c Release -o \"{packages}\" -nologo -v quiet -clp:ErrorsOnly");

        var nupkg = Assert.Single(Directory.GetFiles(packages, "OutOfDark.*.nupkg"));
        var snupkg = Assert.Single(Directory.GetFiles(packages, "OutOfDark.*.snupkg"));
        var dll = Entry(nupkg, "lib/net10.0/OutOfDark.dll");
        var pdb = Entry(snupkg, "lib/net10.0/OutOfDark.pdb");
        // A PDB stores a document's path as separate parts, so the checkout's folder name (unique to this run) is looked
        // for on its own as well as the whole path.
        foreach (var (name, bytes) in new[] { ("OutOfDark.dll", dll), ("OutOfDark.pdb", pdb) })
        {
            Assert.False(Contains(bytes, Path.GetFileName(_checkout)), $"{name} holds the checkout's folder name {Path.GetFileName(_checkout)}.");
            Assert.False(Contains(bytes, _checkout), $"{name} holds the checkout's path {_checkout}.");
            Assert.False(Contains(bytes, RepositoryRoot()), $"{name} holds the repository's path {RepositoryRoot()}.");
        }

        // Every source document and the DLL's pointer to its PDB sit under the mapped root /_/, and Source Link maps
        // that root to the public repository.
        var documents = DocumentPaths(pdb);
        Assert.Contains(documents, path => path.StartsWith("/_/src/OutOfDark/", StringComparison.Ordinal) && path.EndsWith(".cs", StringComparison.Ordinal));
        Assert.All(documents, path => Assert.StartsWith("/_/", path, StringComparison.Ordinal));
        Assert.StartsWith("/_/src/OutOfDark/obj/Release/", PdbPathInDll(dll), StringComparison.Ordinal);
        Assert.True(Contains(pdb, "{\"documents\":{\"/_/*\":\"https://raw.githubusercontent.com/outofdark/outofdark/"), "The PDB has no Source Link map from /_/ to the public repository.");

        var nuspec = Nuspec(nupkg);
        Assert.Equal("icon.png", Metadata(nuspec, "icon"));
        Assert.Equal("README.md", Metadata(nuspec, "readme"));
        Assert.Contains("customer-journey", Metadata(nuspec, "tags"), StringComparison.Ordinal);
        Assert.NotEmpty(Entry(nupkg, "icon.png"));
        Assert.NotEmpty(Entry(nupkg, "README.md"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_checkout))
        {
            Directory.Delete(_checkout, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutOfDark.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No OutOfDark.sln above {AppContext.BaseDirectory}: run the tests from a checkout.");
    }

    private static void CopyCheckout(string from, string to)
    {
        foreach (var item in Needed)
        {
            var source = Path.Combine(from, item);
            if (item.EndsWith('/'))
            {
                foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(from, file);
                    if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                    {
                        continue;
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
                    File.Copy(file, Path.Combine(to, relative));
                }
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, item))!);
                File.Copy(source, Path.Combine(to, item));
            }
        }
    }

    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private async Task Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = _checkout,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // As on a developer's machine: no CI flag, and nothing of the test host's own MSBuild leaks into the child.
        foreach (var name in new[] { "CI", "ContinuousIntegrationBuild", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(15)).ConfigureAwait(false);
        var printed = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        output.WriteLine($"{program} {arguments} -> {process.ExitCode}\n{printed}");
        Assert.True(process.ExitCode == 0, $"{program} {arguments} exited with {process.ExitCode}:\n{printed}");
    }

    private static byte[] Entry(string package, string path)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.GetEntry(path) ?? throw new InvalidOperationException($"{Path.GetFileName(package)} has no {path}; it has {string.Join(", ", zip.Entries.Select(e => e.FullName))}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static XElement Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XElement.Load(stream);
    }

    private static string Metadata(XElement nuspec, string name) =>
        nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value ?? throw new InvalidOperationException($"The nuspec has no <{name}>.");

    private static List<string> DocumentPaths(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        var reader = provider.GetMetadataReader();
        return [.. reader.Documents.Select(handle => reader.GetString(reader.GetDocument(handle).Name))];
    }

    private static string PdbPathInDll(byte[] dll)
    {
        using var pe = new PEReader(new MemoryStream(dll));
        var codeView = pe.ReadDebugDirectory().Single(entry => entry.Type == DebugDirectoryEntryType.CodeView);
        return pe.ReadCodeViewDebugDirectoryData(codeView).Path;
    }

    // Paths appear in UTF-8 (Source Link, document names) or UTF-16 (strings in metadata); look for both.
    private static bool Contains(byte[] haystack, string text) =>
        IndexOf(haystack, Encoding.UTF8.GetBytes(text)) >= 0 || IndexOf(haystack, Encoding.Unicode.GetBytes(text)) >= 0;

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
