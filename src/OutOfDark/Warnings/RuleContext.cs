using Ardalis.GuardClauses;
using System;
using System.Threading;
using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>What a rule gets to evaluate one subject: the journey, the subject, the time and a cancellation token.</summary>
/// <remarks>
/// A small immutable value passed by reference. For an activity-scoped rule <see cref="Activity"/> is set; for a
/// metric-scoped rule <see cref="Metric"/> and the <see cref="Activity"/> it sits on are set; for a phase-scoped rule
/// <see cref="Phase"/> is set. Rules must not change the journey.
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
        : this(rule, WarningSeverity.Warning, journey, subject, now, zone, cancellationToken)
    {
    }

    /// <summary>Creates a context for one rule, whose <see cref="IWarningRule.DefaultSeverity"/> <see cref="Raise(string, ReadOnlySpan{WarningEvidence})"/> uses.</summary>
    /// <param name="rule">The rule being evaluated.</param>
    /// <param name="journey">The journey.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="now">The evaluation instant.</param>
    /// <param name="zone">The time zone that decides which date "today" is.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The subject is not part of the journey.</exception>
    public RuleContext(IWarningRule rule, Journey journey, WarningSubject subject, Instant now, DateTimeZone zone, CancellationToken cancellationToken = default)
        : this((rule ?? throw new ArgumentNullException(nameof(rule))).Id, rule.DefaultSeverity, journey, subject, now, zone, cancellationToken)
    {
    }

    private RuleContext(RuleId rule, WarningSeverity defaultSeverity, Journey journey, WarningSubject subject, Instant now, DateTimeZone zone, CancellationToken cancellationToken)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(zone);
        Rule = rule;
        DefaultSeverity = defaultSeverity;
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
            case SubjectKind.Metric:
                Metric = journey.FindMetric(new WidgetId(subject.Id), out var owner, out var kpiPhase)
                    ?? throw new ArgumentException($"Journey '{journey.Name}' has no metric widget {subject.Id}.", nameof(subject));
                Activity = owner;
                Phase = kpiPhase;
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

    internal RuleContext(RuleId rule, WarningSeverity defaultSeverity, Journey journey, WarningSubject subject, Activity? activity, MetricWidget? metric, Phase? phase, Instant now, DateTimeZone zone, LocalDate today, IKeptWarnings? kept, int ruleIndex, CancellationToken cancellationToken)
    {
        Metric = metric;
        Rule = rule;
        DefaultSeverity = defaultSeverity;
        _kept = kept;
        _ruleIndex = ruleIndex;
        Journey = journey;
        Subject = subject;
        Activity = activity;
        Phase = phase;
        Now = now;
        Zone = zone;
        Today = today;
        CancellationToken = cancellationToken;
    }

    private readonly IKeptWarnings? _kept;
    private readonly int _ruleIndex;

    /// <summary>The rule being evaluated.</summary>
    public RuleId Rule { get; }

    /// <summary>The severity <see cref="Raise(string, ReadOnlySpan{WarningEvidence})"/> gives: the rule's default severity (<see cref="WarningSeverity.Warning"/> for a context made from a rule id alone).</summary>
    public WarningSeverity DefaultSeverity { get; }

    /// <summary>The journey.</summary>
    public Journey Journey { get; }

    /// <summary>The subject.</summary>
    public WarningSubject Subject { get; }

    /// <summary>
    /// The activity, when the subject is one, or the activity the metric sits on when the subject is a metric on an
    /// activity; <see langword="null"/> for a journey or phase KPI (see <see cref="Journey.Metrics"/> and <see cref="Phase.Metrics"/>).
    /// </summary>
    public Activity? Activity { get; }

    /// <summary>The metric widget, when the subject is a metric (<see cref="SubjectKind.Metric"/>).</summary>
    public MetricWidget? Metric { get; }

    /// <summary>
    /// The observations a metric rule judges: the series of the subject's segment (<see cref="WarningSubject.Segment"/>)
    /// when the rule evaluates per segment, otherwise the metric's own (all customers); <see langword="null"/> when the
    /// subject is not a metric.
    /// </summary>
    public ObservationSeries? Series => Metric is not { } metric ? null : Subject.Segment is { } segment ? metric.SeriesOf(segment) : metric.Observations;

    /// <summary>The metric's title as a warning names it: with the segment when the subject is one, for example <c>CSAT for customer first-time buyer, region DE</c>.</summary>
    internal string MetricTitle => Subject.Segment is { } segment ? $"{Metric!.Title} for {segment}" : Metric!.Title;

    /// <summary>The phase, when the subject is one or is a metric the phase holds (a phase KPI).</summary>
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

    /// <summary>A result raising a warning about this context's subject with the rule's <see cref="DefaultSeverity"/>.</summary>
    /// <param name="message">What is wrong, in words a manager can act on.</param>
    /// <param name="evidence">The values behind it.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public RuleResult Raise(string message, params ReadOnlySpan<WarningEvidence> evidence) => Raise(DefaultSeverity, message, evidence);

    /// <summary>A result raising a warning about this context's subject.</summary>
    /// <param name="severity">How urgent it is.</param>
    /// <param name="message">What is wrong, in words a manager can act on.</param>
    /// <param name="evidence">The values behind it.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public RuleResult Raise(WarningSeverity severity, string message, params ReadOnlySpan<WarningEvidence> evidence) =>
        new(new Warning(new WarningKey(Rule, Subject), severity, message) { Evidence = ValueList<WarningEvidence>.Of(evidence), RaisedAt = Now });

    /// <summary>
    /// A result raising a warning whose message and evidence are written from <paramref name="facts"/> when first read.
    /// When the engine already keeps this rule's warning about the subject with the same severity and equal facts written
    /// by the same functions, that warning itself is the result: nothing is allocated or written.
    /// </summary>
    /// <typeparam name="TFacts">A value holding everything the message and evidence depend on.</typeparam>
    /// <param name="severity">How urgent it is.</param>
    /// <param name="facts">What the rule found.</param>
    /// <param name="message">Writes the message; a static lambda, so the same instance each call.</param>
    /// <param name="evidence">Writes the evidence; a static lambda.</param>
    /// <param name="pastLimit">How far past its limit the compared value is (see <see cref="Warning.PastLimit"/>), or <see langword="null"/>.</param>
    /// <returns>The result.</returns>
    internal RuleResult Raise<TFacts>(WarningSeverity severity, in TFacts facts, Func<TFacts, string> message, Func<TFacts, ValueList<WarningEvidence>> evidence, decimal? pastLimit = null)
        where TFacts : struct, IEquatable<TFacts>
    {
        if (_kept?.Kept(_ruleIndex, Subject) is { Text: WarningText<TFacts> text } kept && kept.Severity == severity && text.Holds(facts, message))
        {
            return new RuleResult(kept);
        }

        return new RuleResult(new Warning(new WarningKey(Rule, Subject), severity, new WarningText<TFacts>(facts, message, evidence), Now, pastLimit));
    }

    /// <summary>
    /// As <see cref="Raise{TFacts}(WarningSeverity, in TFacts, Func{TFacts, string}, Func{TFacts, ValueList{WarningEvidence}}, decimal?)"/>,
    /// with how far past its limit the value is worked out from the facts only when a new warning is made (an unchanged
    /// warning keeps its own).
    /// </summary>
    /// <typeparam name="TFacts">A value holding everything the message, evidence and distance depend on.</typeparam>
    /// <param name="severity">How urgent it is.</param>
    /// <param name="facts">What the rule found.</param>
    /// <param name="message">Writes the message; a static lambda.</param>
    /// <param name="evidence">Writes the evidence; a static lambda.</param>
    /// <param name="pastLimit">Works out <see cref="Warning.PastLimit"/> from the facts; a static lambda.</param>
    /// <returns>The result.</returns>
    internal RuleResult Raise<TFacts>(WarningSeverity severity, in TFacts facts, Func<TFacts, string> message, Func<TFacts, ValueList<WarningEvidence>> evidence, Func<TFacts, decimal?> pastLimit)
        where TFacts : struct, IEquatable<TFacts>
    {
        if (_kept?.Kept(_ruleIndex, Subject) is { Text: WarningText<TFacts> text } kept && kept.Severity == severity && text.Holds(facts, message))
        {
            return new RuleResult(kept);
        }

        return new RuleResult(new Warning(new WarningKey(Rule, Subject), severity, new WarningText<TFacts>(facts, message, evidence), Now, pastLimit(facts)));
    }

    /// <summary>
    /// The warning the engine keeps for this rule and subject when a rule found its facts from exactly these inputs
    /// (the same immutable objects; see <see cref="RaiseFoundFrom{TFacts}"/>): then the rule's result is that warning,
    /// and it need not look at the inputs again.
    /// </summary>
    /// <param name="input">The immutable object the rule's result depends on besides its settings (for a metric rule, the metric widget, which holds its series, thresholds, direction, unit and title).</param>
    /// <param name="settings">The rule's settings.</param>
    /// <returns>The kept warning, or <see langword="null"/> when there is none or it was found from other inputs.</returns>
    internal Warning? KeptFoundFrom(object input, RuleSettings settings) =>
        _kept?.Kept(_ruleIndex, Subject) is { Text: { } text } kept && text.FoundFrom(input, settings, kept.Severity) ? kept : null;

    /// <summary>
    /// As <see cref="Raise{TFacts}(WarningSeverity, in TFacts, Func{TFacts, string}, Func{TFacts, ValueList{WarningEvidence}}, Func{TFacts, decimal?})"/>,
    /// remembering on the warning's text that its facts were found from <paramref name="input"/> and <paramref name="settings"/>
    /// (see <see cref="KeptFoundFrom"/>). Only for rules whose result depends on nothing else (not the time, not other subjects).
    /// </summary>
    /// <typeparam name="TFacts">A value holding everything the message, evidence and distance depend on.</typeparam>
    /// <param name="input">The immutable object the facts were found from.</param>
    /// <param name="settings">The rule's settings.</param>
    /// <param name="severity">How urgent it is.</param>
    /// <param name="facts">What the rule found.</param>
    /// <param name="message">Writes the message; a static lambda.</param>
    /// <param name="evidence">Writes the evidence; a static lambda.</param>
    /// <param name="pastLimit">Works out <see cref="Warning.PastLimit"/> from the facts; a static lambda.</param>
    /// <returns>The result.</returns>
    internal RuleResult RaiseFoundFrom<TFacts>(object input, RuleSettings settings, WarningSeverity severity, in TFacts facts, Func<TFacts, string> message, Func<TFacts, ValueList<WarningEvidence>> evidence, Func<TFacts, decimal?> pastLimit)
        where TFacts : struct, IEquatable<TFacts>
    {
        WarningText<TFacts> found;
        Warning result;
        if (_kept?.Kept(_ruleIndex, Subject) is { Text: WarningText<TFacts> text } kept && kept.Severity == severity && text.Holds(facts, message))
        {
            (found, result) = (text, kept);
        }
        else
        {
            found = new WarningText<TFacts>(facts, message, evidence);
            result = new Warning(new WarningKey(Rule, Subject), severity, found, Now, pastLimit(facts));
        }

        found.RememberFoundFrom(input, settings, severity);
        return new RuleResult(result);
    }
}

/// <summary>The warnings an engine keeps, for a rule to hand back one that has not changed.</summary>
internal interface IKeptWarnings
{
    /// <summary>The warning kept for a rule (by its index in the engine) and subject.</summary>
    /// <param name="rule">The rule's index.</param>
    /// <param name="subject">The subject.</param>
    /// <returns>The warning, or <see langword="null"/>.</returns>
    Warning? Kept(int rule, WarningSubject subject);
}
