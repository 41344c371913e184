using System;
using NodaTime;

namespace OutOfDark.Warnings;

/// <content>What people do with warnings, through the engine: checked against the rules it runs.</content>
public sealed partial class WarningEngine
{
    /// <summary>Acknowledges a warning of a rule this engine runs: records <see cref="Journey.AcknowledgeWarning"/> on the journey.</summary>
    /// <param name="actor">Who acknowledges it.</param>
    /// <param name="warning">The warning.</param>
    /// <param name="note">A note, if any.</param>
    /// <remarks>
    /// The engine refuses a warning of a rule it does not run, since such a warning never shows in its view — usually a
    /// mistyped rule id. The journey's own command stays permissive: statuses outlive rule registrations (a rule may be
    /// registered again later, or run by another host), so <see cref="Journey.AcknowledgeWarning"/> records any rule id.
    /// </remarks>
    /// <exception cref="ArgumentException">No rule with the warning's rule id is registered with this engine.</exception>
    /// <exception cref="JourneyRuleException">The warning's subject is not part of the journey.</exception>
    public void Acknowledge(Actor actor, WarningKey warning, string? note = null)
    {
        RequireRegistered(warning);
        _journey.AcknowledgeWarning(actor, warning, note);
    }

    /// <summary>Snoozes a warning of a rule this engine runs until an instant: records <see cref="Journey.SnoozeWarning"/> on the journey.</summary>
    /// <param name="actor">Who snoozes it.</param>
    /// <param name="warning">The warning.</param>
    /// <param name="until">When it comes back; must be in the future.</param>
    /// <param name="note">A note, if any.</param>
    /// <remarks>Refuses a rule this engine does not run, as <see cref="Acknowledge"/> does.</remarks>
    /// <exception cref="ArgumentException">No rule with the warning's rule id is registered with this engine.</exception>
    /// <exception cref="JourneyRuleException">The subject is not part of the journey or <paramref name="until"/> is not in the future.</exception>
    public void Snooze(Actor actor, WarningKey warning, Instant until, string? note = null)
    {
        RequireRegistered(warning);
        _journey.SnoozeWarning(actor, warning, until, note);
    }

    /// <summary>Marks a warning of a rule this engine runs resolved: records <see cref="Journey.ResolveWarning"/> on the journey.</summary>
    /// <param name="actor">Who resolves it.</param>
    /// <param name="warning">The warning.</param>
    /// <param name="note">A note, if any.</param>
    /// <remarks>Refuses a rule this engine does not run, as <see cref="Acknowledge"/> does.</remarks>
    /// <exception cref="ArgumentException">No rule with the warning's rule id is registered with this engine.</exception>
    /// <exception cref="JourneyRuleException">The warning's subject is not part of the journey.</exception>
    public void Resolve(Actor actor, WarningKey warning, string? note = null)
    {
        RequireRegistered(warning);
        _journey.ResolveWarning(actor, warning, note);
    }

    private void RequireRegistered(WarningKey warning)
    {
        if (!_ruleIndex.ContainsKey(warning.Rule))
        {
            throw new ArgumentException(
                $"No rule '{warning.Rule}' is registered with this warning engine, so it raises no such warning: check the rule id, "
                + "register the rule, or record the status with the journey's own command (it accepts any rule id).",
                nameof(warning));
        }
    }
}
