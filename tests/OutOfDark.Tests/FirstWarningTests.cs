using System;
using System.IO;
using System.Linq;
using NodaTime;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests;

/// <summary>The README's first C# block, right after the two commands: a first warning in at most eight lines, kept true.</summary>
public class FirstWarningTests
{
    private static readonly string[] Program =
    [
        "var ana = new Actor(\"ana\");",
        "var journey = Journey.Create(ana, WorkspaceId.New(), \"Online store\");",
        "var email = journey.AddActivity(ana, journey.AddPhase(ana, \"See\"), \"Newsletter\");",
        "var openRate = journey.AddWidget(ana, email, new MetricWidget(\"Open rate\") { Target = 25, WarningThreshold = 18, CriticalThreshold = 12 });",
        "journey.RecordObservation(ana, openRate, new LocalDate(2026, 10, 1), 21.5m);",
        "journey.RecordObservation(ana, openRate, new LocalDate(2026, 10, 2), 11m);",
        "Console.WriteLine(new WarningEngine(journey).View()[0]);   // Critical · Newsletter · Open rate fell to 11 — critical threshold 12, …",
    ];

    [Fact]
    public void The_readme_opens_with_the_two_commands_then_the_first_warning_program_in_at_most_eight_lines()
    {
        var readme = File.ReadAllText(Path.Combine(Root(), "README.md"));
        Assert.True(readme.IndexOf("```", StringComparison.Ordinal) == readme.IndexOf("```sh\ndotnet run --project samples/OutOfDark.Samples.Quickstart", StringComparison.Ordinal), "README.md must open with the two commands: the quickstart, then every test.");
        var start = readme.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var commandsEnd = readme.IndexOf("\n```\n", readme.IndexOf("```sh\n", StringComparison.Ordinal), StringComparison.Ordinal) + "\n```\n".Length;
        Assert.True(readme.IndexOf("```", commandsEnd, StringComparison.Ordinal) == start - "```csharp\n".Length, "The code block after the two commands must be the C# first-warning program.");
        var block = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var code = block.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("using ", StringComparison.Ordinal)).ToArray();

        Assert.True(code.Length <= 8, $"The first-warning program has {code.Length} lines besides its usings; the goal is at most 8.");
        Assert.Equal(Program, code);
    }

    [Fact]
    public void The_first_warning_program_runs_and_prints_the_metric_past_its_critical_threshold()
    {
        var output = new StringWriter();

        // The lines of Program, as code.
        var ana = new Actor("ana");
        var journey = Journey.Create(ana, WorkspaceId.New(), "Online store");
        var email = journey.AddActivity(ana, journey.AddPhase(ana, "See"), "Newsletter");
        var openRate = journey.AddWidget(ana, email, new MetricWidget("Open rate") { Target = 25, WarningThreshold = 18, CriticalThreshold = 12 });
        journey.RecordObservation(ana, openRate, new LocalDate(2026, 10, 1), 21.5m);
        journey.RecordObservation(ana, openRate, new LocalDate(2026, 10, 2), 11m);
        output.WriteLine(new WarningEngine(journey).View()[0]);

        Assert.StartsWith("Critical · Newsletter · Open rate fell to 11 — critical threshold 12", output.ToString(), StringComparison.Ordinal);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutOfDark.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No OutOfDark.sln above {AppContext.BaseDirectory}.");
    }
}
