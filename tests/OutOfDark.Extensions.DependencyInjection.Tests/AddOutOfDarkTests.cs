using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using OutOfDark;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Extensions.DependencyInjection.Tests;

public sealed class AddOutOfDarkTests
{
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 6, 1, 9, 0, 0);

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("OutOfDark:" + s.Key, s.Value)))
            .Build()
            .GetSection("OutOfDark");

    private static ServiceProvider Build(IConfiguration? configuration = null, Action<OutOfDarkBuilder>? configure = null, ILoggerFactory? logging = null)
    {
        var services = new ServiceCollection();
        if (logging is not null)
        {
            services.AddSingleton(logging);
        }

        return services.AddOutOfDark(configuration, configure).BuildServiceProvider();
    }

    private Journey JourneyWith(params string[] activityNames)
    {
        var journey = Journey.Create(new Actor("tester"), WorkspaceId.New(), "Test journey", _clock);
        var phase = journey.AddPhase(new Actor("tester"), "Do");
        foreach (var name in activityNames)
        {
            journey.AddActivity(new Actor("tester"), phase, name, ActivityKind.Milestone, ActivityDetails.Empty with { Owner = "ana", Status = ActivityStatus.Active });
        }

        return journey;
    }

    [Fact]
    public void Without_choices_it_registers_the_system_clock_the_in_memory_store_and_the_built_in_rules()
    {
        using var services = Build();

        Assert.Same(SystemClock.Instance, services.GetRequiredService<IClock>());
        Assert.IsType<InMemoryJourneyStore>(services.GetRequiredService<IJourneyStore>());
        Assert.Equal(BuiltInRules.All.Select(r => r.Id), services.GetRequiredService<RuleRegistry>().Rules.Select(r => r.Id));
        Assert.Empty(services.GetRequiredService<WarningSettings>().Rules);
        Assert.Equal(DateTimeZone.Utc, services.GetRequiredService<WarningEngineOptions>().Zone);
        Assert.Same(services.GetRequiredService<JourneyWarnings>(), services.GetRequiredService<JourneyWarnings>());
    }

    [Fact]
    public void The_clock_and_store_chosen_are_the_ones_registered()
    {
        var store = new InMemoryJourneyStore(_clock);

        using var services = Build(configure: b => b.UseClock(_clock).UseStore(_ => store));

        Assert.Same(_clock, services.GetRequiredService<IClock>());
        Assert.Same(store, services.GetRequiredService<IJourneyStore>());
    }

    [Fact]
    public void Rule_settings_come_from_configuration_on_top_of_the_rule_defaults()
    {
        using var services = Build(Configuration(("Rules:metric.stale:Days", "10"), ("Rules:activity.no-owner:Enabled", "false")));

        var settings = services.GetRequiredService<WarningSettings>();

        var stale = Assert.IsType<StaleMetricSettings>(settings.Find(StaleMetricRule.RuleId));
        Assert.Equal(10, stale.Days);
        Assert.Equal(BuiltInRules.StaleMetric.DefaultSettings with { Days = 10 }, stale);
        Assert.False(settings.Find(NoOwnerRule.RuleId)!.Enabled);
        Assert.Equal(30, BuiltInRules.StaleMetric.DefaultSettings.Days);
    }

    [Fact]
    public void Configured_settings_change_what_the_engine_flags()
    {
        using var services = Build(Configuration(("Rules:metric.stale:Days", "10")), b => b.UseClock(_clock));
        var journey = JourneyWith("Newsletter");
        var metric = journey.AddWidget(new Actor("tester"), journey.Activities[0].Id, new MetricWidget(WidgetId.New(), "Open rate") { Kind = MetricKind.Percentage, Unit = "%" });
        journey.RecordObservation(new Actor("feed"), metric, new LocalDate(2026, 5, 18), 20);
        var warnings = services.GetRequiredService<JourneyWarnings>();

        var engine = warnings.CreateEngine(journey);
        warnings.Evaluate(engine);

        var stale = Assert.Single(engine.Warnings, w => w.Key.Rule == StaleMetricRule.RuleId);
        Assert.Contains("limit 10 days", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_journey_s_own_settings_lie_over_the_configured_ones()
    {
        using var services = Build(Configuration(("Rules:metric.stale:Days", "10")), b => b.UseClock(_clock));
        var journey = JourneyWith("Newsletter", "Checkout");
        var newsletter = journey.Activities[0].Id;
        var metric = journey.AddWidget(new Actor("tester"), newsletter, new MetricWidget(WidgetId.New(), "Open rate") { Kind = MetricKind.Percentage, Unit = "%" });
        journey.RecordObservation(new Actor("feed"), metric, new LocalDate(2026, 5, 18), 20);
        journey.SetRuleSettings(new Actor("mia"), StaleMetricRule.RuleId, new StaleMetricSettings { Days = 20 }, "monthly survey");
        var warnings = services.GetRequiredService<JourneyWarnings>();

        var engine = warnings.CreateEngine(journey);
        warnings.Evaluate(engine);
        var effective = engine.EffectiveSettings(StaleMetricRule.RuleId, WarningSubject.For(metric));

        Assert.DoesNotContain(engine.Warnings, w => w.Key.Rule == StaleMetricRule.RuleId);
        Assert.Equal([SettingsLayer.RuleDefault, SettingsLayer.Host, SettingsLayer.Journey], effective.Sources.Select(s => s.Layer));
        Assert.Equal(new StaleMetricSettings { Days = 10 }, effective.Sources[1].Settings);
        Assert.Equal(new StaleMetricSettings { Days = 20 }, effective.Settings);
    }

    [Fact]
    public void A_rule_id_in_configuration_that_no_rule_has_stops_the_host_naming_the_key()
    {
        using var services = Build(Configuration(("Rules:metric.stael:Days", "10")));

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<WarningSettings>());

        Assert.Contains("'OutOfDark:Rules:metric.stael' names no registered warning rule", error.Message, StringComparison.Ordinal);
        Assert.Contains("metric.stale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_the_rule_does_not_have_stops_the_host_naming_the_section()
    {
        using var services = Build(Configuration(("Rules:metric.stale:Weeks", "2")));

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<WarningSettings>());

        Assert.Contains("'OutOfDark:Rules:metric.stale'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Weeks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_that_does_not_convert_stops_the_host_naming_the_section()
    {
        using var services = Build(Configuration(("Rules:metric.stale:Days", "ten")));

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<WarningSettings>());

        Assert.Contains("'OutOfDark:Rules:metric.stale'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_time_zone_comes_from_configuration_and_an_unknown_one_is_named()
    {
        using (var services = Build(Configuration(("TimeZone", "Europe/Berlin"))))
        {
            Assert.Equal(DateTimeZoneProviders.Tzdb["Europe/Berlin"], services.GetRequiredService<WarningEngineOptions>().Zone);
        }

        using var bad = Build(Configuration(("TimeZone", "Mars/Olympus")));
        var error = Assert.Throws<InvalidOperationException>(() => bad.GetRequiredService<WarningEngineOptions>());
        Assert.Contains("'OutOfDark:TimeZone'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_rule_runs_next_to_the_built_ins_with_its_settings_from_configuration()
    {
        using var services = Build(Configuration(("Rules:test.shouting-name:MinimumLength", "5")), b => b.UseClock(_clock).AddRule<ShoutingNameRule>());
        var warnings = services.GetRequiredService<JourneyWarnings>();
        var journey = JourneyWith("NEWS", "PROMO", "Quiet");

        var engine = warnings.CreateEngine(journey);
        warnings.Evaluate(engine);

        Assert.Contains(warnings.Rules.Rules, r => r.Id == ShoutingNameRule.RuleId);
        var flagged = engine.Warnings.Where(w => w.Key.Rule == ShoutingNameRule.RuleId).Select(w => w.Message).ToList();
        Assert.Equal(["'PROMO' is shouting"], flagged);
    }

    [Fact]
    public void Code_can_change_the_configured_settings()
    {
        using var services = Build(
            Configuration(("Rules:test.shouting-name:MinimumLength", "5")),
            b => b.AddRule(new ShoutingNameRule()).ConfigureSettings(s => s.With(ShoutingNameRule.RuleId, new ShoutSettings { MinimumLength = 2, Severity = WarningSeverity.Critical })));

        var settings = Assert.IsType<ShoutSettings>(services.GetRequiredService<WarningSettings>().Find(ShoutingNameRule.RuleId));

        Assert.Equal(2, settings.MinimumLength);
        Assert.Equal(WarningSeverity.Critical, settings.Severity);
    }

    [Fact]
    public void Observers_registered_as_hooks_hear_about_every_engine_created()
    {
        var observer = new RecordingObserver();
        using var services = Build(configure: b => b.UseClock(_clock).AddRule<ShoutingNameRule>().AddObserver(observer));
        var warnings = services.GetRequiredService<JourneyWarnings>();

        warnings.Evaluate(warnings.CreateEngine(JourneyWith("SALE")));
        warnings.Evaluate(warnings.CreateEngine(JourneyWith("LOUD")));

        Assert.Equal(["'SALE' is shouting", "'LOUD' is shouting"], observer.Raised.Where(w => w.Key.Rule == ShoutingNameRule.RuleId).Select(w => w.Message));
    }

    [Fact]
    public void An_observer_added_by_type_is_one_instance_the_host_can_resolve_to_read_what_it_heard()
    {
        using var services = Build(configure: b => b.UseClock(_clock).AddRule<ShoutingNameRule>().AddObserver<RecordingObserver>());
        var warnings = services.GetRequiredService<JourneyWarnings>();

        warnings.Evaluate(warnings.CreateEngine(JourneyWith("SALE")));

        var observer = services.GetRequiredService<RecordingObserver>();
        Assert.Same(observer, Assert.Single(services.GetServices<IWarningObserver>()));
        Assert.Contains(observer.Raised, w => w.Message == "'SALE' is shouting");
        Assert.Same(services.GetRequiredService<ShoutingNameRule>(), services.GetRequiredService<RuleRegistry>().Find(ShoutingNameRule.RuleId));
    }

    [Fact]
    public void Evaluations_raised_warnings_and_rule_failures_are_reported_as_metrics()
    {
        using var services = Build(configure: b => b.UseClock(_clock).AddRule<ShoutingNameRule>().AddRule<ExplodingRule>());
        var warnings = services.GetRequiredService<JourneyWarnings>();
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == JourneyWarnings.MeterName && ReferenceEquals(instrument.Meter.Scope, warnings))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        var journey = JourneyWith("SALE", "boom");

        var engine = warnings.CreateEngine(journey);
        warnings.Evaluate(engine);
        journey.AddActivity(new Actor("tester"), journey.Phases[0].Id, "MORE", details: ActivityDetails.Empty with { Owner = "ana" });
        warnings.Evaluate(engine);

        var evaluations = measurements.Where(m => m.Instrument == "outofdark.warnings.evaluations").ToList();
        Assert.Equal(2, evaluations.Count);
        Assert.Equal([true, false], evaluations.Select(e => (bool)e.Tags["full"]!));
        Assert.Equal(2, measurements.Count(m => m.Instrument == "outofdark.warnings.evaluation.duration"));
        var shouting = measurements.Where(m => m.Instrument == "outofdark.warnings.raised" && (string?)m.Tags["rule"] == "test.shouting-name").ToList();
        Assert.Equal(2, shouting.Count);
        Assert.All(shouting, m => Assert.Equal("Warning", m.Tags["severity"]));
        var failure = Assert.Single(measurements, m => m.Instrument == "outofdark.warnings.rule_failures");
        Assert.Equal("test.exploding", failure.Tags["rule"]);

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
            }
        }
    }

    [Fact]
    public void A_rule_failure_is_logged_as_a_warning_with_the_exception_and_the_other_rules_still_run()
    {
        var logging = new ListLoggerFactory();
        using var services = Build(configure: b => b.UseClock(_clock).AddRule<ShoutingNameRule>().AddRule<ExplodingRule>(), logging: logging);
        var warnings = services.GetRequiredService<JourneyWarnings>();
        var journey = JourneyWith("boom", "SALE");

        var engine = warnings.CreateEngine(journey);
        var evaluation = warnings.Evaluate(engine);

        Assert.Equal(1, evaluation.Failures);
        Assert.Contains(engine.Warnings, w => w.Key.Rule == ShoutingNameRule.RuleId);
        var logged = Assert.Single(logging.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("Warning rule 'test.exploding' failed on activity:", logged.Message, StringComparison.Ordinal);
        Assert.Equal("kaboom", logged.Exception!.Message);
        Assert.Equal(typeof(JourneyWarnings).FullName, logged.Category);
        Assert.Contains(logging.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("Evaluated warnings of journey 'Test journey'", StringComparison.Ordinal));
    }
}
