using System;
using NodaTime;
using OutOfDark.Storage;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>Creates the journey store the configuration names.</summary>
internal static class StoreFactory
{
    public static IJourneyStore Create(WebOptions options, IClock clock) => options.Store.ToLowerInvariant() switch
    {
        "inmemory" => new InMemoryJourneyStore(clock),
        _ => throw new InvalidOperationException($"Configuration key 'OutOfDark:Store' is '{options.Store}': use Sqlite, PostgreSql or InMemory."),
    };
}
