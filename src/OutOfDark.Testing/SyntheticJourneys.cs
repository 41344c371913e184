using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Events;

namespace OutOfDark.Testing;

/// <summary>
/// Large, realistic, deterministic journeys for benchmarks and load tests: the same arguments always give the same
/// journey, ids included.
/// </summary>
public static class SyntheticJourneys
{
    /// <summary>The instant synthetic journeys are created at.</summary>
    public static readonly Instant Created = Instant.FromUtc(2026, 1, 1, 9, 0);

    /// <summary>The first observation date.</summary>
    public static readonly LocalDate FirstDay = new(2026, 1, 1);

    private static readonly string[] Channels = ["email", "web", "social", "phone", "store", "app"];
    private static readonly string[] Teams = ["Marketing", "Sales", "Support", "Logistics"];

    /// <summary>
    /// A journey of See / Think / Do / Care, two personas and <paramref name="activities"/> activities in a tree (a
    /// random earlier activity as parent, a third at the top level), each with a percentage metric holding
    /// <paramref name="observationsPerActivity"/> daily observations; every fifth with an emotion widget; flows
    /// chaining neighbours; owners on nine in ten.
    /// </summary>
    /// <param name="activities">How many activities.</param>
    /// <param name="observationsPerActivity">How many observations each activity's metric holds.</param>
    /// <param name="seed">The seed for ids and values.</param>
    /// <returns>The snapshot (version 1), activities in map order.</returns>
    public static JourneySnapshot Snapshot(int activities, int observationsPerActivity, int seed = 42)
    {
        Guard.Against.OutOfRange(activities, nameof(activities), 0, int.MaxValue, "The activity count must be 0 or more.");
        Guard.Against.OutOfRange(observationsPerActivity, nameof(observationsPerActivity), 0, int.MaxValue, "The observation count must be 0 or more.");
        var random = new Random(seed);
        var phases = new List<Phase>();
        foreach (var template in PhaseTemplate.SeeThinkDoCare)
        {
            phases.Add(new Phase(new PhaseId(NextGuid(random)), template.Name, template.CustomerGoal));
        }

        var personas = new[]
        {
            new Persona(new PersonaId(NextGuid(random)), "First-time buyer", null),
            new Persona(new PersonaId(NextGuid(random)), "Loyal customer", null),
        };
        var list = new Activity[activities];
        var flows = new List<Flow>();
        var buffer = new Observation[observationsPerActivity];
        var phaseStart = 0;
        for (var i = 0; i < activities; i++)
        {
            var id = new ActivityId(NextGuid(random));
            var phase = phases[(int)((long)i * phases.Count / Math.Max(1, activities))];
            if (i > 0 && list[i - 1].PhaseId != phase.Id)
            {
                phaseStart = i;
            }

            // A child lives in its parent's phase: parents come from the earlier activities of the same phase.
            ActivityId? parent = i == phaseStart || random.Next(3) == 0 ? null : list[phaseStart + random.Next(i - phaseStart)].Id;
            var level = 10 + (random.Next(3000) / 100m);
            for (var d = 0; d < observationsPerActivity; d++)
            {
                level = Math.Clamp(level + ((random.Next(201) - 100) / 100m), 0m, 100m);
                buffer[d] = new Observation(FirstDay.PlusDays(d), level);
            }

            var widgets = new List<Widget>
            {
                new MetricWidget(new WidgetId(NextGuid(random)), "Conversion")
                {
                    Unit = "%",
                    Kind = MetricKind.Percentage,
                    Target = 25,
                    WarningThreshold = 18,
                    CriticalThreshold = 12,
                    Observations = ObservationSeries.From(buffer),
                },
            };
            if (i % 5 == 0)
            {
                widgets.Add(new EmotionWidget(new WidgetId(NextGuid(random)), "Feeling", personas[i % 2].Id, new EmotionScore(random.Next(-2, 3)), new EmotionScore(random.Next(-2, 3)), null));
            }

            list[i] = new Activity
            {
                Id = id,
                PhaseId = phase.Id,
                ParentId = parent,
                Name = $"Activity {i}",
                Kind = (ActivityKind)(i % 3),
                Details = new ActivityDetails
                {
                    Owner = i % 10 == 0 ? null : $"owner{i % 50}",
                    Team = Teams[i % Teams.Length],
                    Status = ActivityStatus.Active,
                    Channels = ValueList<string>.Of(Channels[i % Channels.Length]),
                    PlannedStart = FirstDay.PlusDays(i % 90),
                    PlannedEnd = FirstDay.PlusDays((i % 90) + 30),
                },
                Widgets = ValueList<Widget>.From(widgets),
                CreatedAt = Created,
                LastChangedAt = Created,
            };
            if (i > 0 && i % 3 != 0)
            {
                flows.Add(new Flow(new FlowId(NextGuid(random)), list[i - 1].Id, id, null));
            }
        }

        var raw = new JourneySnapshot
        {
            Id = new JourneyId(NextGuid(random)),
            WorkspaceId = new WorkspaceId(NextGuid(random)),
            Name = $"Synthetic journey of {activities} {(activities == 1 ? "activity" : "activities")}",
            Version = 1,
            CreatedAt = Created,
            LastChangedAt = Created,
            Phases = ValueList<Phase>.From(phases),
            Personas = ValueList<Persona>.From(personas),
            Activities = ValueList<Activity>.From(list),
            Flows = ValueList<Flow>.From(flows),
        };

        // Restoring puts the activities in map order, the order every snapshot of a journey uses.
        return OutOfDark.Journey.FromSnapshot(raw, new FakeClock(Created)).ToSnapshot();
    }

    /// <summary>The journey of <see cref="Snapshot"/>, restored with a clock.</summary>
    /// <param name="activities">How many activities.</param>
    /// <param name="observationsPerActivity">How many observations each activity's metric holds.</param>
    /// <param name="clock">The journey's clock.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The journey.</returns>
    public static Journey Journey(int activities, int observationsPerActivity, IClock clock, int seed = 42) =>
        OutOfDark.Journey.FromSnapshot(Snapshot(activities, observationsPerActivity, seed), clock);

    /// <summary>
    /// An event stream of exactly <paramref name="count"/> events as commands produce them: the journey, its phases,
    /// then activities, each with a metric and ten daily observations (up to <see cref="FirstDay"/>, the day the journey is created), a flow from the previous one and an owner change.
    /// </summary>
    /// <param name="count">How many events, at least 5.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The events, oldest first.</returns>
    public static IReadOnlyList<JourneyEvent> Events(int count, int seed = 42)
    {
        Guard.Against.OutOfRange(count, nameof(count), 5, int.MaxValue, "The event count must be at least 5.");
        var random = new Random(seed);
        var clock = new FakeClock(Created);
        var journey = OutOfDark.Journey.Create(new Actor("generator"), new WorkspaceId(NextGuid(random)), "Synthetic", clock, new JourneyId(NextGuid(random)));
        var phases = journey.AddPhases(new Actor("generator"), PhaseTemplate.SeeThinkDoCare);
        ActivityId? previous = null;
        var n = 0;
        bool Full() => journey.PendingEvents.Count >= count;
        while (!Full())
        {
            clock.Advance(Duration.FromMinutes(1));
            var activity = journey.AddActivity(new Actor("generator"), phases[n % phases.Count], $"Activity {n}", id: new ActivityId(NextGuid(random)));
            if (Full())
            {
                break;
            }

            var metric = journey.AddWidget(new Actor("generator"), activity, new MetricWidget(new WidgetId(NextGuid(random)), "Visits") { Unit = "visits" });
            for (var d = 0; d < 10 && !Full(); d++)
            {
                journey.RecordObservation(new Actor("crm-sync"), metric, FirstDay.PlusDays(d - 9), random.Next(10_000));
            }

            if (!Full() && previous is { } from)
            {
                journey.AddFlow(new Actor("generator"), from, activity, id: new FlowId(NextGuid(random)));
            }

            if (!Full())
            {
                journey.ChangeActivityDetails(new Actor("generator"), activity, d => d with { Owner = $"owner{n % 7}" }, "assign");
            }

            previous = activity;
            n++;
        }

        return [.. journey.PendingEvents];
    }

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
