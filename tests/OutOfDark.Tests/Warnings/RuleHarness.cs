using System.Linq;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Tests.Warnings;

/// <summary>A small journey (phases See/Think/Do, one persona) and helpers to run one rule on one subject.</summary>
internal sealed class RuleHarness
{
    public RuleHarness(int year = 2026, int month = 10, int day = 1)
    {
        Clock = FakeClock.FromUtc(year, month, day, 9, 0, 0);
        Journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Online store", Clock);
        See = Journey.AddPhase(new Actor("ana"), "See");
        Think = Journey.AddPhase(new Actor("ana"), "Think");
        Do = Journey.AddPhase(new Actor("ana"), "Do");
        Buyer = Journey.AddPersona(new Actor("ana"), "First-time buyer");
    }

    public FakeClock Clock { get; }

    public Journey Journey { get; }

    public PhaseId See { get; }

    public PhaseId Think { get; }

    public PhaseId Do { get; }

    public PersonaId Buyer { get; }

    public LocalDate Today => Clock.GetCurrentInstant().InUtc().Date;

    public ActivityId Activity(string name, PhaseId? phase = null, ActivityDetails? details = null, ActivityKind kind = ActivityKind.Touchpoint) =>
        Journey.AddActivity(new Actor("ana"), phase ?? See, name, kind, details ?? ActivityDetails.Empty with { Owner = "ana", Status = ActivityStatus.Active });

    public WidgetId Metric(ActivityId activity, string title = "Open rate", decimal? target = 25, decimal? warning = 18, decimal? critical = 12, MetricDirection direction = MetricDirection.HigherIsBetter, MetricKind kind = MetricKind.Percentage, string unit = "%") =>
        Journey.AddWidget(new Actor("ana"), activity, new MetricWidget(WidgetId.New(), title)
        {
            Unit = unit,
            Kind = kind,
            Direction = direction,
            Target = target,
            WarningThreshold = warning,
            CriticalThreshold = critical,
        });

    public void Observe(WidgetId metric, LocalDate date, decimal value) => Journey.RecordObservation(new Actor("ana"), metric, date, value);

    public WidgetId Emotion(ActivityId activity, int asIs, int? toBe = null, PersonaId? persona = null) =>
        Journey.AddWidget(new Actor("ana"), activity, new EmotionWidget(WidgetId.New(), "Feels", persona ?? Buyer, new EmotionScore(asIs), toBe is { } t ? new EmotionScore(t) : null, null));

    public RuleResult Run(IWarningRule rule, ActivityId activity, RuleSettings? settings = null) =>
        Run(rule, WarningSubject.For(activity), settings);

    public RuleResult Run(IWarningRule rule, WidgetId metric, RuleSettings? settings = null) =>
        Run(rule, WarningSubject.For(metric), settings);

    public RuleResult Run(IWarningRule rule, WarningSubject subject, RuleSettings? settings = null)
    {
        var context = new RuleContext(rule.Id, Journey, subject, Clock.GetCurrentInstant(), DateTimeZone.Utc);
        return rule.Evaluate(in context, settings ?? rule.DefaultSettings);
    }

    public WarningEngine Engine(RuleRegistry? rules = null, WarningSettings? settings = null, WarningEngineOptions? options = null) =>
        new(Journey, Clock, rules, settings, options);

    public static string[] Evidence(Warning warning) => warning.Evidence.Select(e => $"{e.Name}={e.Value}").ToArray();
}
