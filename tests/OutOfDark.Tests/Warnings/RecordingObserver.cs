using System.Collections.Generic;
using OutOfDark.Warnings;

namespace OutOfDark.Tests.Warnings;

internal sealed class RecordingObserver : IWarningObserver
{
    public List<string> Log { get; } = [];

    public void OnRaised(Warning warning) => Log.Add($"raised {warning.Key.Rule} {warning.Severity}");

    public void OnChanged(Warning previous, Warning current) => Log.Add($"changed {current.Key.Rule} {previous.Severity}->{current.Severity}");

    public void OnCleared(Warning previous) => Log.Add($"cleared {previous.Key.Rule}");

    public void OnRuleFailed(RuleFailure failure) => Log.Add($"failed {failure.Rule}");
}
