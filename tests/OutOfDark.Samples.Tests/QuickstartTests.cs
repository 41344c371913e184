using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace OutOfDark.Samples.Tests;

public sealed class QuickstartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("outofdark-quickstart-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<SampleProcess> RunAsync(params string[] args) =>
        SampleProcess.RunAsync(SampleProcess.DllOf("QuickstartDll"), _folder, args);

    [Fact]
    public async Task The_first_run_prints_the_warnings_table_and_writes_the_report_map_and_diagrams_to_the_folder_it_names()
    {
        var output = Path.Combine(_folder, "out");

        var run = await RunAsync("--output", output);

        Assert.True(run.ExitCode == 0, run.Errors + run.Output);
        Assert.Contains($"Output folder: {output}", run.Output, StringComparison.Ordinal);
        Assert.Contains("Mapped 'Online store': 4 phases (See / Think / Do / Care), 21 activities, 3 personas, 13 flows.", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Severity\s+Subject\s+Phase\s+Owner\s+State\s+Warning", run.Output);
        Assert.Matches(@"CRITICAL\s+Support call\s+Care\s+Omar Haddad\s+open\s+Average wait rose to 8\.7 min", run.Output);
        Assert.Matches(@"WARNING\s+Checkout\s+Do\s+Sara Lind\s+open\s+Checkout completion fell to 55\.7 %", run.Output);
        Assert.Matches(@"WARNING\s+Blog post: winter layering …\s+See\s+Jonas Berg\s+open\s+Visits has had no observation since 2026-03-01", run.Output);
        Assert.Matches(@"\d+ warnings: 1 critical, \d+ warning, \d+ info", run.Output);
        Assert.Contains("As-is 'Online store' against to-be 'Online store 2027': 1 added, 1 removed, 2 changed, 18 unchanged.", run.Output, StringComparison.Ordinal);
        Assert.Contains("~ [Care] \"Self-service returns\": name \"Returns\" → \"Self-service returns\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("~ [Do] \"Checkout\": widgets changed; KPI \"Checkout completion\" (%) 55.7 → 55.7 (±0), target 70 → 80 (+10); emotion of \"First-time buyer\" -2 → +1 (+3)", run.Output, StringComparison.Ordinal);

        var report = await File.ReadAllTextAsync(Path.Combine(output, "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", report, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Average wait rose to 8.7 min", report, StringComparison.Ordinal);
        Assert.Contains("Checkout", report, StringComparison.Ordinal);
        var map = await File.ReadAllTextAsync(Path.Combine(output, "map.svg"));
        Assert.Contains("<svg", map, StringComparison.Ordinal);
        Assert.Contains("Support call", map, StringComparison.Ordinal);
        Assert.StartsWith("journey", (await File.ReadAllTextAsync(Path.Combine(output, "journey.mmd"))).TrimStart(), StringComparison.Ordinal);
        Assert.StartsWith("mindmap", (await File.ReadAllTextAsync(Path.Combine(output, "mindmap.mmd"))).TrimStart(), StringComparison.Ordinal);
        Assert.Contains("---|line of visibility|", await File.ReadAllTextAsync(Path.Combine(output, "blueprint.mmd")), StringComparison.Ordinal);
        Assert.Matches(@"Backstage\s+Payment", run.Output);
        Assert.Matches(@"Logistics partner\s+Delivery", run.Output);
        Assert.Contains("1. Explain declined cards [Planned, Lukas Weber]: value 5+4, effort 2, priority 4.5 (QuickWin); addresses activity \"Checkout\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("2. QR-code returns without a printer [Idea, Eva Novak]: value 4+3, effort 4, priority 1.75 (BigBet)", run.Output, StringComparison.Ordinal);
        Assert.Contains("<section id=\"opportunities\">", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "online-store.db")));
    }

    [Fact]
    public async Task A_second_run_opens_the_same_database_records_a_week_and_shows_what_changed()
    {
        var output = Path.Combine(_folder, "again");
        var first = await RunAsync("--output", output);
        Assert.True(first.ExitCode == 0, first.Errors + first.Output);

        var second = await RunAsync("--output", output);

        Assert.True(second.ExitCode == 0, second.Errors + second.Output);
        Assert.Matches("Opened 'Online store' from " + Regex.Escape(Path.Combine(output, "online-store.db")) + @" at version \d+\.", second.Output);
        Assert.Contains("A week later (2026-04-05 to 2026-04-11)", second.Output, StringComparison.Ordinal);
        var stored = int.Parse(Regex.Match(first.Output, @"\(version (\d+)\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches($@"From v{stored} to v\d+: \d+ changes", second.Output);
        Assert.Contains("Checkout — Checkout completion: 55.7 % on 2026-04-04 → ", second.Output, StringComparison.Ordinal);
        Assert.Matches(@"new\s+warning\s+Returns: Return rate rose to", second.Output);
        Assert.Matches(@"worse\s+warning → critical\s+Delivery: On-time delivery fell", second.Output);
        Assert.Matches(@"cleared\s+critical\s+Support call: Average wait rose to 8\.7 min", second.Output);
        Assert.Contains("Warnings view on 2026-04-12", second.Output, StringComparison.Ordinal);
        Assert.Matches(@"CRITICAL\s+Delivery", second.Output);
        Assert.DoesNotMatch(@"CRITICAL\s+Support call", second.Output);

        var third = await RunAsync("--output", output);
        Assert.True(third.ExitCode == 0, third.Errors + third.Output);
        Assert.Contains("A week later (2026-04-12 to 2026-04-18)", third.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_arguments_it_writes_to_outofdark_quickstart_under_the_working_folder()
    {
        var run = await RunAsync();

        Assert.True(run.ExitCode == 0, run.Errors + run.Output);
        var expected = Path.Combine(_folder, "outofdark-quickstart");
        Assert.Contains($"Output folder: {expected}", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(expected, "report.html")));
    }

    [Fact]
    public async Task Unknown_arguments_print_the_usage_and_fail()
    {
        var run = await RunAsync("--frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage: dotnet run --project samples/OutOfDark.Samples.Quickstart", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_runs_on_two_folders_print_the_same_warnings()
    {
        var a = await RunAsync("--output", Path.Combine(_folder, "a"));
        var b = await RunAsync("--output", Path.Combine(_folder, "b"));

        Assert.Equal(Table(a.Output), Table(b.Output));
    }

    private static string Table(string output) =>
        Regex.Match(output, @"Warnings view on .*?warnings: [^\n]*", RegexOptions.Singleline).Value;
}
