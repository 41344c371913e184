using System.Collections.Generic;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Quickstart;

/// <summary>Collects what an engine reports while it re-evaluates: raised, changed and cleared warnings.</summary>
internal sealed class WarningChanges : IWarningObserver
{
    public List<Warning> Raised { get; } = [];

    public List<(Warning Previous, Warning Current)> Changed { get; } = [];

    public List<Warning> Cleared { get; } = [];

    public List<RuleFailure> Failures { get; } = [];

    public void OnRaised(Warning warning) => Raised.Add(warning);

    public void OnChanged(Warning previous, Warning current) => Changed.Add((previous, current));

    public void OnCleared(Warning previous) => Cleared.Add(previous);

    public void OnRuleFailed(RuleFailure failure) => Failures.Add(failure);
}
