using System;
using System.Collections.Generic;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Json;

namespace OutOfDark.Storage.Relational;

/// <summary>
/// A batch of events checked to belong to one journey and turned into rows: the events' text and what the journey's
/// list row must show after them. Checked before any connection opens, so a foreign batch touches nothing.
/// </summary>
internal sealed class AppendBatch
{
    private AppendBatch(byte[][] data, long[] ticks, string? name, JourneyState? state, Instant lastChangedAt, bool parentSet, JourneyId? parent)
    {
        ParentSet = parentSet;
        Parent = parent;
        Data = data;
        Ticks = ticks;
        Name = name;
        State = state;
        LastChangedAt = lastChangedAt;
    }

    /// <summary>Each event's UTF-8 JSON, in order.</summary>
    public IReadOnlyList<byte[]> Data { get; }

    /// <summary>Each event's instant as ticks.</summary>
    public IReadOnlyList<long> Ticks { get; }

    /// <summary>The journey's name after the batch, when the batch sets it.</summary>
    public string? Name { get; }

    /// <summary>The journey's state after the batch, when the batch sets it.</summary>
    public JourneyState? State { get; }

    /// <summary>Whether the batch changes the journey's parent in the portfolio.</summary>
    public bool ParentSet { get; }

    /// <summary>The journey's parent after the batch, when <see cref="ParentSet"/>.</summary>
    public JourneyId? Parent { get; }

    /// <summary>The instant of the batch's last event.</summary>
    public Instant LastChangedAt { get; }

    /// <summary>Checks and encodes a non-empty batch.</summary>
    /// <exception cref="JourneyRuleException">An event names another journey, a new journey does not start with its
    /// creation in this workspace, or an existing journey would be created again.</exception>
    public static AppendBatch Create(JourneyJsonSerializer serializer, WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, IReadOnlyList<JourneyEvent> events)
    {
        var data = new byte[events.Count][];
        var ticks = new long[events.Count];
        string? name = null;
        JourneyState? state = null;
        var parentSet = false;
        JourneyId? parent = null;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException($"Event {i} of the batch is null.", nameof(events));
            if (e.JourneyId != journeyId)
            {
                throw new JourneyRuleException(JourneyRules.WrongJourney, $"Event {i} of the batch ({e.GetType().Name}) belongs to journey {e.JourneyId}, not journey {journeyId}; nothing was written.", journeyId);
            }

            var first = expectedVersion == 0 && i == 0;
            if (first && e is not JourneyCreated)
            {
                throw new JourneyRuleException(JourneyRules.NotCreated, $"A new journey's history must start with its JourneyCreated event; the batch for journey {journeyId} starts with {e.GetType().Name}. Nothing was written.", journeyId);
            }

            switch (e)
            {
                case JourneyCreated when !first:
                    throw new JourneyRuleException(JourneyRules.DuplicateId, $"Event {i} of the batch creates journey {journeyId} again; only a new journey's first event may create it. Nothing was written.", journeyId);
                case JourneyCreated created when created.WorkspaceId != workspaceId:
                    throw new JourneyRuleException(JourneyRules.WrongJourney, $"The batch creates journey {journeyId} in workspace {created.WorkspaceId}, not in workspace {workspaceId}; nothing was written.", journeyId);
                case JourneyCreated created:
                    name = created.Name;
                    state = created.State;
                    break;
                case JourneyRenamed renamed:
                    name = renamed.Name;
                    break;
                case JourneyStateChanged changed:
                    state = changed.State;
                    break;
                case JourneyParentChanged moved:
                    (parentSet, parent) = (true, moved.ParentJourneyId);
                    break;
            }

            data[i] = serializer.SerializeEvent(e);
            ticks[i] = StoredText.Ticks(e.OccurredAt);
        }

        return new AppendBatch(data, ticks, name, state, events[^1].OccurredAt, parentSet, parent);
    }
}
