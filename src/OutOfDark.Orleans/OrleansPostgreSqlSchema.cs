using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace OutOfDark.Orleans;

/// <summary>
/// The PostgreSQL schema that Orleans' ADO.NET clustering provider (<c>Microsoft.Orleans.Clustering.AdoNet</c>, invariant
/// <c>Npgsql</c>) needs, as used by <see cref="OutOfDarkSiloBuilderExtensions.UseOutOfDarkPostgreSqlClustering"/>: table
/// <c>orleansquery</c> with the provider's query texts, and the membership tables <c>outofdark_orleans_cluster_version</c>
/// (one row per cluster id, holding the membership table version) and <c>outofdark_orleans_silos</c> (one row per silo);
/// also the query texts and table (<c>outofdark_orleans_adonet_reminders</c>) of Orleans' ADO.NET reminder provider, for
/// silos that use <c>UseAdoNetReminderService</c> with invariant <c>Npgsql</c> instead of
/// <see cref="OutOfDarkSiloBuilderExtensions.UseOutOfDarkPostgreSqlReminders"/>.
/// </summary>
/// <remarks>
/// This is OutOfDark's own implementation of the providers' query contracts (query keys, parameter names, result columns,
/// the membership table-version check and the reminders' etags), checked against Orleans 10.4.2; it is not Orleans' script. Clusters are kept apart by
/// their cluster id, reminders by service id, so several clusters (or test runs) can share one database.
/// </remarks>
public static class OrleansPostgreSqlSchema
{
    private const string ResourceName = "OutOfDark.Orleans.Sql.OrleansPostgreSqlClustering.sql";

    /// <summary>
    /// The schema script (PostgreSQL 12 or later): creates the tables when missing and writes the query texts, replacing
    /// earlier ones. Run it in one transaction, for example <c>psql --single-transaction -f</c> after saving it to a file;
    /// <see cref="ApplyAsync"/> does that for you.
    /// </summary>
    /// <exception cref="InvalidOperationException">The script is missing from the assembly (a broken build).</exception>
    public static string Script { get; } = LoadScript();

    /// <summary>
    /// Installs or updates the schema in the database of <paramref name="connectionString"/>, in one transaction.
    /// Idempotent and safe to run from several silos at once (the script takes a transaction-scoped advisory lock).
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string whose user may create tables.</param>
    /// <param name="cancellationToken">Cancels the installation; the transaction is rolled back.</param>
    /// <returns>A task that completes when the schema is committed.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null, empty or not a valid Npgsql connection string.</exception>
    /// <exception cref="NpgsqlException">The server is unreachable or refused the script (for example, no right to create tables); nothing is changed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; nothing is changed.</exception>
    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var connection = new NpgsqlConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var command = new NpgsqlCommand(Script, connection, transaction);
                await using (command.ConfigureAwait(false))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string LoadScript()
    {
        using var stream = typeof(OrleansPostgreSqlSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(OrleansPostgreSqlSchema).Assembly.GetName().Name}; rebuild the package.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
