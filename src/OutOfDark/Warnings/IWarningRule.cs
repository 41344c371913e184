using System;

namespace OutOfDark.Warnings;

/// <summary>
/// A warning rule: it looks at one subject (an activity, a phase or the journey) and says whether something needs
/// attention. Built-in rules and rules integrators write in their own assemblies implement this one interface, usually
/// through <see cref="WarningRule{TSettings}"/>.
/// </summary>
/// <remarks>
/// A rule must be stateless and thread-safe, must not change the journey, and must give the same result for the same
/// journey state, settings and time. A rule whose result changes with time alone declares <see cref="RuleInputs.Time"/>
/// and reports when it may next change in <see cref="RuleResult.RecheckAt"/>.
/// </remarks>
public interface IWarningRule
{
    /// <summary>The rule's stable id; a warning's identity is this id and its subject.</summary>
    RuleId Id { get; }

    /// <summary>A short name for people, for example "Metric past threshold".</summary>
    string Name { get; }

    /// <summary>The severity of the warnings the rule raises unless its data says otherwise.</summary>
    WarningSeverity DefaultSeverity { get; }

    /// <summary>What sort of subject the rule looks at.</summary>
    SubjectKind Scope { get; }

    /// <summary>What the rule's result depends on besides its subject.</summary>
    RuleInputs Inputs { get; }

    /// <summary>The type of the rule's settings, a record derived from <see cref="RuleSettings"/>.</summary>
    Type SettingsType { get; }

    /// <summary>The settings the rule uses when a journey configures none.</summary>
    RuleSettings DefaultSettings { get; }

    /// <summary>Evaluates the rule for one subject.</summary>
    /// <param name="context">The journey, subject, time and cancellation token.</param>
    /// <param name="settings">The settings for this subject, of type <see cref="SettingsType"/>.</param>
    /// <returns>The warning, if any, and when to look again.</returns>
    RuleResult Evaluate(in RuleContext context, RuleSettings settings);
}
