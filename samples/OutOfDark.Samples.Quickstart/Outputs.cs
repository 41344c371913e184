using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using OutOfDark;
using OutOfDark.Rendering;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Quickstart;

/// <summary>Writes the HTML report, the SVG activity map and the Mermaid diagrams of a journey into a folder.</summary>
internal static class Outputs
{
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, Journey journey, JourneyHistory history, IReadOnlyList<WarningViewItem> warnings)
    {
        Directory.CreateDirectory(folder);
        var flagged = warnings.Select(w => w.Warning).ToList();
        var files = new List<string>();

        files.Add(await WriteFileAsync(folder, "report.html", writer => HtmlReportRenderer.Write(journey, writer, new HtmlReportOptions
        {
            Warnings = flagged,
            History = history,
            GeneratedAt = journey.Clock.GetCurrentInstant(),
        })).ConfigureAwait(false));
        files.Add(await WriteFileAsync(folder, "map.svg", writer => SvgMapRenderer.Write(journey, writer, new SvgMapOptions { Warnings = flagged })).ConfigureAwait(false));
        files.Add(await WriteFileAsync(folder, "journey.mmd", writer => MermaidRenderer.WriteJourney(journey, writer)).ConfigureAwait(false));
        files.Add(await WriteFileAsync(folder, "mindmap.mmd", writer => MermaidRenderer.WriteMindmap(journey, writer)).ConfigureAwait(false));
        files.Add(await WriteFileAsync(folder, "blueprint.mmd", writer => MermaidRenderer.WriteBlueprint(journey, writer)).ConfigureAwait(false));
        return files;
    }

    private static async Task<string> WriteFileAsync(string folder, string name, System.Action<TextWriter> render)
    {
        var path = Path.Combine(folder, name);
        var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await using (writer.ConfigureAwait(false))
        {
            render(writer);
        }

        return path;
    }
}
