using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark;
using OutOfDark.Storage.PostgreSql;
using OutOfDark.Storage.Sqlite;
using OutOfDark.Warnings;

// Usage:
//   write <store> <journeys>          saves journeys whose commands raise and clear warnings, prints "saved N", then
//                                     waits to be killed (a host that dies between saving and delivering);
//   deliver <store> <folder> <ms> [<hang after>]
//                                     delivers the feed to subscriber "crash-test", <ms> per change, printing
//                                     "delivered <id>" per delivery and "done" at the end of the feed; with <hang after>,
//                                     stops inside the delivery after that many changes and prints "hanging" (a host
//                                     that dies mid-batch, whatever the machine's speed).
// <store> is a SQLite file path, or "postgres:" followed by an Npgsql connection string.
var (mode, where) = (args[0], args[1]);
IJourneyCommitStore store = where.StartsWith("postgres:", StringComparison.Ordinal)
    ? new PostgreSqlJourneyStore(where["postgres:".Length..], SystemClock.Instance)
    : new SqliteJourneyStore(where, SystemClock.Instance);

if (mode == "write")
{
    var ana = new Actor("ana");
    var count = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
    for (var i = 0; i < count; i++)
    {
        var journey = Journey.Create(ana, WorkspaceId.New(), $"Journey {i}");
        var engine = new WarningEngine(journey);
        var see = journey.AddPhase(ana, "See");
        var activities = Enumerable.Range(0, 3).Select(n => journey.AddActivity(ana, see, $"Activity {n}")).ToList();
        await store.CommitAsync(journey, engine);
        journey.ChangeActivityDetails(ana, activities[0], d => d with { Owner = "ana" });
        await store.CommitAsync(journey, engine);
    }

    Console.WriteLine($"saved {count}");
    Thread.Sleep(Timeout.Infinite);
}
else
{
    var hangAfter = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
    var subscriber = new FileSubscriber(args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), hangAfter);
    var dispatcher = new WarningFeedDispatcher((IWarningFeed)store, subscriber, batchSize: 5);
    while (await dispatcher.DispatchAsync() > 0)
    {
    }

    Console.WriteLine("done");
}

/// <summary>
/// An idempotent subscriber: every delivery is logged to deliveries.log, and a change is applied (appended to
/// applied.log) only the first time its id arrives — what a subscriber must do with an at-least-once feed.
/// </summary>
internal sealed class FileSubscriber(string folder, int delayMs, int hangAfter) : IWarningFeedSubscriber
{
    private int _delivered;

    private readonly HashSet<Guid> _applied = File.Exists(Path.Combine(folder, "applied.log"))
        ? [.. File.ReadAllLines(Path.Combine(folder, "applied.log")).Where(l => Guid.TryParse(l, out _)).Select(Guid.Parse)]
        : [];

    public string Name => "crash-test";

    public async Task DeliverAsync(WarningChange change, CancellationToken cancellationToken)
    {
        await File.AppendAllTextAsync(Path.Combine(folder, "deliveries.log"), change.Id + Environment.NewLine, cancellationToken);
        if (_applied.Add(change.Id))
        {
            await File.AppendAllTextAsync(Path.Combine(folder, "applied.log"), change.Id + Environment.NewLine, cancellationToken);
        }

        Console.WriteLine($"delivered {change.Id}");
        if (++_delivered >= hangAfter)
        {
            Console.WriteLine("hanging");
            Thread.Sleep(Timeout.Infinite);
        }

        await Task.Delay(delayMs, cancellationToken);
    }
}
