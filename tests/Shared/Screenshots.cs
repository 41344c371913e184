using System;
using System.IO;
using Xunit;

namespace OutOfDark.Tests.Shared;

/// <summary>
/// Where the browser tests put the screenshots the README and docs show. A normal run writes them to a temporary
/// folder (the working tree stays clean) and only checks them; <c>OUTOFDARK_SCREENSHOTS=docs/images</c> (a folder,
/// relative to the repository's root or absolute) regenerates the docs' images there:
/// <c>OUTOFDARK_SCREENSHOTS=docs/images bash build/test.sh --filter Screenshot</c>.
/// </summary>
internal static class Screenshots
{
    /// <summary>The environment variable that asks for the docs' images.</summary>
    public const string Variable = "OUTOFDARK_SCREENSHOTS";

    /// <summary>Desktop width, in CSS pixels.</summary>
    public const int Desktop = 1400;

    /// <summary>Phone width, in CSS pixels.</summary>
    public const int Phone = 390;

    /// <summary>The folder to write to: the one asked for, or a fresh temporary one.</summary>
    public static string Folder { get; } = Resolve();

    /// <summary>The path of one image in <see cref="Folder"/>.</summary>
    public static string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Checks that the image is a PNG of some substance (a blank or failed capture is a few hundred bytes).</summary>
    public static void AssertPng(string path, int minBytes = 10_000)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > minBytes, $"{path} is only {bytes.Length} bytes.");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
    }

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } asked)
        {
            var folder = Path.IsPathRooted(asked) ? asked : Path.Combine(RepositoryRoot(), asked);
            Directory.CreateDirectory(folder);
            return folder;
        }

        return Directory.CreateTempSubdirectory("outofdark-screenshots-").FullName;
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

        throw new DirectoryNotFoundException("No OutOfDark.sln above " + AppContext.BaseDirectory + ": set " + Variable + " to an absolute folder.");
    }
}
