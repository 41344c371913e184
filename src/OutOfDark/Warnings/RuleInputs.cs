using System;

namespace OutOfDark.Warnings;

/// <summary>What a rule's result depends on besides its own subject, so the engine knows when to evaluate it again.</summary>
[Flags]
public enum RuleInputs
{
    /// <summary>Only the subject itself (an activity's own fields and widgets, a phase's activity count).</summary>
    Subject = 0,

    /// <summary>Also the activities joined to the subject by flows, in either direction.</summary>
    FlowNeighbours = 1,

    /// <summary>Also the current time: the rule reports in <see cref="RuleResult.RecheckAt"/> when its result may next change.</summary>
    Time = 2,
}
