using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace OutOfDark.Samples.Tests;

public sealed class CrmIntegrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("outofdark-crm-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<SampleProcess> RunAsync(params string[] args) =>
        SampleProcess.RunAsync(SampleProcess.DllOf("CrmIntegrationDll"), _folder, args);

    [Fact]
    public async Task The_sample_imports_the_export_applies_the_custom_rule_and_turns_new_critical_warnings_into_tasks()
    {
        var output = Path.Combine(_folder, "out");

        var run = await RunAsync("--output", output);

        Assert.True(run.ExitCode == 0, run.Errors + run.Output);
        Assert.Contains($"Output folder: {output}", run.Output, StringComparison.Ordinal);
        Assert.Contains("custom 'crm.open-cases' next to the built-ins", run.Output, StringComparison.Ordinal);
        Assert.Contains("MinimumCustomers = 200", run.Output, StringComparison.Ordinal);
        Assert.Contains("Imported 150 observations from crm-export.csv (0 rows rejected).", run.Output, StringComparison.Ordinal);
        Assert.Contains("follow-up task created: TASK-001 for Aylin Demir: First-contact resolution fell to 47.9 %", run.Output, StringComparison.Ordinal);
        Assert.Contains("follow-up task created: TASK-002 for Aylin Demir: 38 open support cases for 2,700 customers at 'Warranty claim': 14.1 per 1,000 — critical limit 10", run.Output, StringComparison.Ordinal);
        Assert.Contains("Reloaded from the store: 'crm.case-stats' widget on 'Warranty claim': 38 open cases, 2,700 customers, 14.1 per 1,000, as of 2026-06-01.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Evaluated incrementally", run.Output, StringComparison.Ordinal);
        Assert.Contains("TASK-003 for Aylin Demir: 47 open support cases for 4,200 customers at 'Support hotline'", run.Output, StringComparison.Ordinal);
        Assert.Contains("22 open support cases for 2,700 customers at 'Warranty claim': 8.1 per 1,000 — warning limit 5", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("TASK-004", run.Output, StringComparison.Ordinal);

        var tasks = await File.ReadAllLinesAsync(Path.Combine(output, "follow-up-tasks.txt"));
        Assert.Equal(3, tasks.Length);
        Assert.All(tasks, t => Assert.StartsWith("TASK-00", t, StringComparison.Ordinal));
        var report = await File.ReadAllTextAsync(Path.Combine(output, "report.html"));
        Assert.Contains("Contoso Bikes service journey", report, StringComparison.Ordinal);
        Assert.Contains("47 open support cases", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_row_in_the_export_is_reported_with_its_line_and_the_good_rows_are_not_applied()
    {
        var csv = Path.Combine(_folder, "bad-export.csv");
        await File.WriteAllLinesAsync(csv,
        [
            "activity_id,activity,metric_id,metric,unit,kind,date,value",
            "d15009d8-5746-5f93-922d-425dd64c5e46,Support hotline,95aa3642-70ff-511c-9046-3dd15a9ca88c,First-contact resolution,%,percentage,2026-05-31,47.9",
            "d15009d8-5746-5f93-922d-425dd64c5e46,Support hotline,95aa3642-70ff-511c-9046-3dd15a9ca88c,First-contact resolution,%,percentage,2026-05-31,140",
        ]);

        var run = await RunAsync("--output", Path.Combine(_folder, "bad"), "--csv", csv);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("was not imported", run.Errors, StringComparison.Ordinal);
        Assert.Contains("line 3", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Saved version", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_twice_replaces_the_stored_journey_and_prints_the_same_tasks()
    {
        var output = Path.Combine(_folder, "twice");
        var first = await RunAsync("--output", output);

        var second = await RunAsync("--output", output);

        Assert.True(second.ExitCode == 0, second.Errors + second.Output);
        Assert.Contains("Replaced the journey an earlier run stored.", second.Output, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(output, "follow-up-tasks.txt")), string.Join(Environment.NewLine, Tasks(first.Output)) + Environment.NewLine);
    }

    private static string[] Tasks(string output) =>
        Array.ConvertAll(Array.FindAll(output.Split('\n'), l => l.Contains(">> follow-up task created: ", StringComparison.Ordinal)), l => l[(l.IndexOf("TASK-", StringComparison.Ordinal))..].TrimEnd('\r'));
}
