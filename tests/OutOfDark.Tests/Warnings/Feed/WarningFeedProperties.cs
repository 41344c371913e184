using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings.Feed;

public class WarningFeedProperties
{
    // Short time limits so that generated clock moves raise and clear time-based warnings too.
    private static readonly WarningSettings Settings = WarningSettings.Default
        .With(NotUpdatedRule.RuleId, new NotUpdatedSettings { Days = 3 })
        .With(StaleMetricRule.RuleId, new StaleMetricSettings { Days = 4 });

    [Property(Arbitrary = new[] { typeof(JourneyArbitraries) }, MaxTest = 150)]
    public void Replaying_the_feed_in_order_gives_the_open_warnings_after_every_commit_with_unique_ids_and_gapless_positions(JourneyScenario scenario, int[] moves)
    {
        var store = new InMemoryJourneyStore(SystemClock.Instance);
        var model = new Dictionary<WarningKey, (WarningSeverity Severity, string Message)>();
        WarningEngine? engine = null;
        var step = 0;
        long seen = 0;
        var ids = new HashSet<Guid>();
        scenario.Run((_, journey, _) =>
        {
            var clock = (FakeClock)journey.Clock;
            engine ??= new WarningEngine(journey, clock, settings: Settings);
            var move = moves.Length == 0 ? 0 : moves[step++ % moves.Length];
            if (move % 3 == 0)
            {
                clock.Advance(Duration.FromDays(Math.Abs(move) % 6));
            }

            // Commit after some steps only, so that commits carry several events.
            if (move % 2 == 0 || journey.CommittedVersion == 0)
            {
                var version = store.CommitAsync(journey, engine).GetAwaiter().GetResult();
                Assert.Equal(journey.Version, version);
                seen = Apply(store, seen, model, ids, version);
                Assert.Equal(Open(engine), model);
            }
        });
    }

    [Property(Arbitrary = new[] { typeof(JourneyArbitraries) }, MaxTest = 60)]
    public void A_subscriber_that_fails_at_random_still_gets_every_change_once_and_in_order_from_its_cursor(JourneyScenario scenario, bool[] failures)
    {
        var store = new InMemoryJourneyStore(SystemClock.Instance);
        WarningEngine? engine = null;
        scenario.Run((_, journey, _) =>
        {
            engine ??= new WarningEngine(journey, journey.Clock, settings: Settings);
            ((FakeClock)journey.Clock).Advance(Duration.FromDays(1));
            store.CommitAsync(journey, engine).GetAwaiter().GetResult();
        });

        var all = store.ReadAsync(0, 10_000).GetAwaiter().GetResult();
        var subscriber = new FlakySubscriber("flaky", failures);
        var dispatcher = new WarningFeedDispatcher(store, subscriber, batchSize: 3);
        for (var attempt = 0; attempt < all.Count * 2 + 2 && subscriber.Applied.Count < all.Count; attempt++)
        {
            try
            {
                dispatcher.DispatchAsync().GetAwaiter().GetResult();
            }
            catch (InvalidOperationException e) when (e.Message == FlakySubscriber.Failure)
            {
                // The next run starts at the change that failed.
            }
        }

        Assert.Equal(all.Select(e => e.Change.Id), subscriber.Applied);
    }

    private static long Apply(InMemoryJourneyStore store, long seen, Dictionary<WarningKey, (WarningSeverity, string)> model, HashSet<Guid> ids, long version)
    {
        foreach (var entry in store.ReadAsync(seen, 10_000).GetAwaiter().GetResult())
        {
            Assert.Equal(seen + 1, entry.Position);
            Assert.True(ids.Add(entry.Change.Id), $"Change id {entry.Change.Id} appeared twice.");
            Assert.Equal(version, entry.Change.JourneyVersion);
            seen = entry.Position;
            var change = entry.Change;
            switch (change.Kind)
            {
                case WarningChangeKind.Raised:
                    Assert.True(model.TryAdd(change.Key, (change.Severity, change.Message)), $"{change.Key} was raised while open.");
                    break;
                case WarningChangeKind.Escalated or WarningChangeKind.Changed:
                    Assert.True(model.ContainsKey(change.Key), $"{change.Key} changed while not open.");
                    Assert.Equal(model[change.Key].Item1, change.PreviousSeverity);
                    model[change.Key] = (change.Severity, change.Message);
                    break;
                case WarningChangeKind.Cleared:
                    Assert.True(model.Remove(change.Key), $"{change.Key} cleared while not open.");
                    break;
                default:
                    Assert.True(model.ContainsKey(change.Key), $"{change.Key} was handled ({change.Kind}) while not open.");
                    break;
            }
        }

        return seen;
    }

    // The open warnings as a subscriber sees them: severity and message, not evidence.
    private static Dictionary<WarningKey, (WarningSeverity, string)> Open(WarningEngine engine) =>
        engine.Warnings.ToDictionary(w => w.Key, w => (w.Severity, w.Message));

    private sealed class FlakySubscriber(string name, bool[] failures) : IWarningFeedSubscriber
    {
        public const string Failure = "The receiver is down.";
        private readonly HashSet<Guid> _applied = [];
        private int _calls;

        public string Name => name;

        public List<Guid> Applied { get; } = [];

        public Task DeliverAsync(WarningChange change, CancellationToken cancellationToken)
        {
            if (failures.Length > 0 && failures[_calls++ % failures.Length] && _calls % 2 == 1)
            {
                throw new InvalidOperationException(Failure);
            }

            // Idempotent on the change id, as the feed asks of subscribers.
            if (_applied.Add(change.Id))
            {
                Applied.Add(change.Id);
            }

            return Task.CompletedTask;
        }
    }
}
