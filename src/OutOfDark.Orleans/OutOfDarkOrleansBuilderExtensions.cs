using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Storage.PostgreSql;
using OutOfDark.Storage.Relational;

namespace OutOfDark.Orleans;

/// <summary>The journey store of a cluster, configured through <see cref="OutOfDarkBuilder"/>.</summary>
public static class OutOfDarkOrleansBuilderExtensions
{
    private const string StoreKey = "OutOfDark.Orleans.Store";

    /// <summary>
    /// Uses the PostgreSQL journey store shared by every silo, with the command ledger
    /// (<see cref="PostgreSqlCommandLedger"/>) as one of its commit writers, so each command's id is saved in the
    /// transaction of its events and a retried command is never applied twice.
    /// </summary>
    /// <param name="builder">The OutOfDark builder (the <c>configure</c> callback of <see cref="OutOfDarkSiloBuilderExtensions.AddOutOfDarkGrains"/>).</param>
    /// <param name="connectionString">An Npgsql connection string; the store creates and migrates its tables.</param>
    /// <param name="options">The store's options; its <see cref="PostgreSqlJourneyStoreOptions.CommitWriters"/> run too, before the ledger.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    public static OutOfDarkBuilder UseOrleansPostgreSql(this OutOfDarkBuilder builder, string connectionString, PostgreSqlJourneyStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.AddKeyedSingleton(StoreKey, (_, _) => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton(sp => new PostgreSqlCommandLedger(sp.GetRequiredKeyedService<NpgsqlDataSource>(StoreKey)));
        return builder.UseStore(sp =>
        {
            var given = options ?? new PostgreSqlJourneyStoreOptions();
            ISqlCommitWriter[] writers = [.. given.CommitWriters ?? [], sp.GetRequiredService<PostgreSqlCommandLedger>()];
            return new PostgreSqlJourneyStore(sp.GetRequiredKeyedService<NpgsqlDataSource>(StoreKey), sp.GetRequiredService<IClock>(), given with { CommitWriters = writers });
        });
    }
}
