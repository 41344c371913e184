using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>
/// Removing feedback entries that opportunities link to: the links follow their entries (dropped with theirs, moved
/// down past it), so the journey's document always reads back and replaying its history gives the same links.
/// </summary>
public sealed class FeedbackLinkRemovalTests
{
    private static readonly Actor Ana = new("ana");
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    public static Arbitrary<(int Entries, int[] Links, int[] Removals)> Plans() =>
        (from entries in Gen.Choose(1, 6)
         from links in Gen.Choose(0, 5).ArrayOf()
         from removals in Gen.Choose(0, 7).ArrayOf()
         select (entries, links, removals)).ToArbitrary();

    [Property(Arbitrary = new[] { typeof(FeedbackLinkRemovalTests) })]
    public void Links_to_feedback_entries_stay_in_range_and_survive_the_document_and_a_replay((int Entries, int[] Links, int[] Removals) plan)
    {
        var clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", clock);
        var buy = journey.AddPhase(Ana, "Buy");
        var pay = journey.AddActivity(Ana, buy, "Pay");
        var voice = journey.AddWidget(Ana, pay, new FeedbackWidget("Voice of customer"));
        for (var i = 0; i < plan.Entries; i++)
        {
            journey.RecordFeedback(Ana, voice, new FeedbackEntry($"source {i}", $"quote {i}", Sentiment.Negative, new LocalDate(2026, 9, 1 + i)));
        }

        // Each link remembers the quote of the entry it names; after the removals it must still name that quote.
        var opportunities = new[] { journey.AddOpportunity(Ana, "First"), journey.AddOpportunity(Ana, "Second") };
        var named = new System.Collections.Generic.Dictionary<(OpportunityId, string), bool>();
        foreach (var (pick, n) in plan.Links.Select((p, n) => (p, n)))
        {
            var entry = pick % plan.Entries;
            var o = opportunities[n % 2];
            journey.LinkOpportunity(Ana, o, OpportunityLink.ToFeedback(voice, entry));
            named[(o, $"quote {entry}")] = true;
        }

        foreach (var pick in plan.Removals)
        {
            var count = ((FeedbackWidget)journey.FindWidget(voice, out _)!).Entries.Count;
            if (count == 0)
            {
                break;
            }

            journey.RemoveFeedback(Ana, voice, pick % count);
        }

        var entries = ((FeedbackWidget)journey.FindWidget(voice, out _)!).Entries;
        var expected = named.Keys.Where(k => entries.Any(e => e.Quote == k.Item2)).OrderBy(k => k.Item1.Value).ThenBy(k => k.Item2).ToList();
        var actual = journey.Opportunities.SelectMany(o => o.Links.Select(l =>
        {
            Assert.InRange(l.Entry!.Value, 0, entries.Count - 1);
            return (o.Id, entries[l.Entry.Value].Quote);
        })).OrderBy(k => k.Id.Value).ThenBy(k => k.Quote).ToList();
        Assert.Equal(expected, actual);

        var snapshot = journey.ToSnapshot();
        Assert.Equal(snapshot, Json.DeserializeDocument(Json.SerializeDocument(snapshot)));
        Assert.Equal(snapshot, Journey.Replay(journey.PendingEvents, clock).ToSnapshot());
    }
}
