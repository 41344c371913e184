using Ardalis.GuardClauses;
using System;
using System.Threading;
using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>What a rule gets to evaluate one subject: the journey, the subject, the time and a cancellation token.</summary>
/// <remarks>
/// A small immutable value passed by reference. For an activity-scoped rule <see cref="Activity"/> is set; for a
/// phase-scoped rule <see cref="Phase"/> is set. Rules must not change the journey.
/// </remarks>
public readonly struct RuleContext
{
    /// <summary>Creates a context. The engine does this; tests of a single rule may too.</summary>
    /// <param name="rule">The rule being evaluated.</param>
    /// <param name="journey">The journey.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="now">The evaluation instant.</param>
    /// <param name="zone">The time zone that decides which date "today" is.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The subject is not part of the journey.</exception>
    public RuleContext(RuleId rule, Journey journey, WarningSubject subject, Instant now, DateTimeZone zone, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(zone);
        Rule = rule;
        Journey = journey;
        Subject = subject;
        Now = now;
        Zone = zone;
        Today = now.InZone(zone).Date;
        CancellationToken = cancellationToken;
        switch (subject.Kind)
        {
            case SubjectKind.Activity:
                Activity = journey.TryGetActivity(new ActivityId(subject.Id), out var activity) ? activity
                    : throw new ArgumentException($"Journey '{journey.Name}' has no activity {subject.Id}.", nameof(subject));
                break;
            case SubjectKind.Phase:
                Phase = journey.FindPhase(new PhaseId(subject.Id))
                    ?? throw new ArgumentException($"Journey '{journey.Name}' has no phase {subject.Id}.", nameof(subject));
                break;
            default:
                if (subject.Id != journey.Id.Value)
                {
                    throw new ArgumentException($"Subject {subject} is not journey '{journey.Name}' ({journey.Id}).", nameof(subject));
                }

                break;
        }
    }

    internal RuleContext(RuleId rule, Journey journey, WarningSubject subject, Activity? activity, Phase? phase, Instant now, DateTimeZone zone, LocalDate today, CancellationToken cancellationToken)
    {
        Rule = rule;
        Journey = journey;
        Subject = subject;
        Activity = activity;
        Phase = phase;
        Now = now;
        Zone = zone;
        Today = today;
        CancellationToken = cancellationToken;
    }

    /// <summary>The rule being evaluated.</summary>
    public RuleId Rule { get; }

    /// <summary>The journey.</summary>
    public Journey Journey { get; }

    /// <summary>The subject.</summary>
    public WarningSubject Subject { get; }

    /// <summary>The activity, when the subject is one.</summary>
    public Activity? Activity { get; }

    /// <summary>The phase, when the subject is one.</summary>
    public Phase? Phase { get; }

    /// <summary>The evaluation instant.</summary>
    public Instant Now { get; }

    /// <summary>The time zone that decides which date "today" is.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Today's date in <see cref="Zone"/>.</summary>
    public LocalDate Today { get; }

    /// <summary>Cancels the evaluation; long-running rules should check it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The instant a date begins in <see cref="Zone"/>: the due instant of a rule that changes when that date starts.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The instant.</returns>
    public Instant StartOf(LocalDate date) =>
        ReferenceEquals(Zone, DateTimeZone.Utc) ? date.AtMidnight().InUtc().ToInstant() : Zone.AtStartOfDay(date).ToInstant();

    /// <summary>A result raising a warning about this context's subject.</summary>
    /// <param name="severity">How urgent it is.</param>
    /// <param name="message">What is wrong, in words a manager can act on.</param>
    /// <param name="evidence">The values behind it.</param>
    /// <returns>The result.</returns>
    public RuleResult Raise(WarningSeverity severity, string message, params ReadOnlySpan<WarningEvidence> evidence) =>
        new(new Warning(new WarningKey(Rule, Subject), severity, message) { Evidence = ValueList<WarningEvidence>.Of(evidence), RaisedAt = Now });
}
