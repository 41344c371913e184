using System;
using System.Collections.Generic;
using System.IO;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.CrmIntegration;

/// <summary>
/// The notification hook: turns every new critical warning (raised critical, or escalated to critical) into a
/// follow-up task in the CRM. Here the "CRM" prints the task and keeps it in a list.
/// </summary>
internal sealed class FollowUpTasks(TextWriter output, Func<WarningKey, string?> ownerOf) : IWarningObserver
{
    private readonly List<string> _tasks = [];

    public IReadOnlyList<string> Tasks => _tasks;

    public void OnRaised(Warning warning)
    {
        if (warning.Severity == WarningSeverity.Critical)
        {
            Create(warning);
        }
    }

    public void OnChanged(Warning previous, Warning current)
    {
        if (current.Severity == WarningSeverity.Critical && previous.Severity != WarningSeverity.Critical)
        {
            Create(current);
        }
    }

    public void OnCleared(Warning previous)
    {
    }

    public void OnRuleFailed(RuleFailure failure) =>
        output.WriteLine($"  ! {failure}");

    private void Create(Warning warning)
    {
        var task = $"TASK-{_tasks.Count + 1:000} for {ownerOf(warning.Key) ?? "the journey owner"}: {warning.Message} [{warning.Key.Rule}]";
        _tasks.Add(task);
        output.WriteLine("  >> follow-up task created: " + task);
    }
}
