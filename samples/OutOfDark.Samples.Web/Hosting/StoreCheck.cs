using System;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using OutOfDark;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>Opens the configured store before the host starts, so a wrong setting or an unreachable server stops it with one clear line.</summary>
internal static class StoreCheck
{
    /// <summary>Creates the store and lists the workspace's journeys once.</summary>
    /// <exception cref="StartupException">The configuration is wrong, or the store cannot be reached or opened.</exception>
    public static async Task EnsureReachableAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<WebOptions>();
        var store = services.GetRequiredService<IJourneyStore>();
        try
        {
            var journeys = await store.ListAsync(options.Workspace, cancellationToken).ConfigureAwait(false);
            // A restart on an existing store: the running clock starts after the latest change, never before it.
            if (services.GetService<IClock>() is RunningClock clock && journeys.Count > 0)
            {
                clock.StartAfter(journeys.Max(j => j.LastChangedAt));
            }
        }
        catch (DbException e)
        {
            throw new StartupException(Describe(options, e), e);
        }
        catch (JourneyStoreSchemaException e)
        {
            throw new StartupException(OneLine(e.Message), e);
        }
    }

    private static string Describe(WebOptions options, DbException e)
    {
        var why = OneLine(e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        if (string.Equals(options.Store, "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            var where = new NpgsqlConnectionStringBuilder(options.PostgreSqlConnectionString);
            return $"Cannot reach the PostgreSQL store at {where.Host}:{where.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}, database '{where.Database}': {why}. "
                + "Check that the server is running and that 'OutOfDark:PostgreSql:ConnectionString' names it.";
        }

        return $"Cannot open the {options.Store} store: {why}. Check 'OutOfDark:Store' and the store's settings (for SQLite, 'OutOfDark:Sqlite:Path' must be a writable file).";
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
}
