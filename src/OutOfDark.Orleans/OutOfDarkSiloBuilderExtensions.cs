using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using OutOfDark.Extensions.DependencyInjection;

namespace OutOfDark.Orleans;

/// <summary>Configures a silo for OutOfDark: the journey grains, their services, reminders and clustering.</summary>
public static class OutOfDarkSiloBuilderExtensions
{
    private const string RemindersKey = "OutOfDark.Orleans.Reminders";

    private const string NoLedgerMessage =
        "The journey store has no command ledger, so a command retried after its grain was deactivated or its silo restarted "
        + "would be applied twice. Use the PostgreSQL store through outOfDark.UseOrleansPostgreSql(connectionString) in "
        + "AddOutOfDarkGrains' configure callback, or accept repeats (development, tests, one machine whose clients do not "
        + "retry) with grains: g => g.AllowStoreWithoutCommandLedger = true.";

    /// <summary>
    /// Registers what journey grains need: <see cref="OutOfDarkServiceCollectionExtensions.AddOutOfDark"/> (clock, rules,
    /// settings from <paramref name="configuration"/>, store, feed subscribers — configure them in
    /// <paramref name="configure"/>, for example <see cref="OutOfDarkOrleansBuilderExtensions.UseOrleansPostgreSql"/>)
    /// and the grain options. The grains themselves come with this package's assembly. Pick the reminder table and the
    /// clustering separately (<see cref="UseOutOfDarkPostgreSqlReminders"/> and <see cref="UseOutOfDarkPostgreSqlClustering"/>,
    /// or <see cref="UseOutOfDarkLocalhostClustering"/> for development).
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="configuration">The "OutOfDark" configuration section (time zone, rule settings), as for <c>AddOutOfDark</c>; <see langword="null"/> for none.</param>
    /// <param name="configure">Configures OutOfDark (store, rules, observers, feed subscribers); <see langword="null"/> for the defaults.</param>
    /// <param name="grains">Configures the grains; <see langword="null"/> for the defaults.</param>
    /// <returns>The silo, for chaining.</returns>
    /// <remarks>
    /// Feed subscribers (<see cref="OutOfDarkBuilder.AddFeedSubscriber(OutOfDark.Warnings.IWarningFeedSubscriber, Action{WarningFeedOptions}?)"/>)
    /// run in every silo; with the PostgreSQL store each subscriber's cursor is claimed by one silo at a time (an advisory
    /// lock), so each change is delivered once across the cluster. Do not add the due-recheck service
    /// (<see cref="OutOfDarkBuilder.AddDueRechecks"/>) to silos: the grains' reminders do its work.
    /// A command's id makes its retries safe only with the command ledger of
    /// <see cref="OutOfDarkOrleansBuilderExtensions.UseOrleansPostgreSql"/>; with any other store the silo refuses to start
    /// unless <see cref="OutOfDarkGrainOptions.AllowStoreWithoutCommandLedger"/> says repeats after a restart are acceptable.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="silo"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">
    /// Thrown when the host starts, not by this call: the grain options are invalid, or the store has no command ledger
    /// (any store but <see cref="OutOfDarkOrleansBuilderExtensions.UseOrleansPostgreSql"/>) and
    /// <see cref="OutOfDarkGrainOptions.AllowStoreWithoutCommandLedger"/> is not set; the message says what to change.
    /// </exception>
    public static ISiloBuilder AddOutOfDarkGrains(this ISiloBuilder silo, IConfiguration? configuration = null, Action<OutOfDarkBuilder>? configure = null, Action<OutOfDarkGrainOptions>? grains = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddOutOfDark(configuration, configure);
        silo.Services.AddOptions<OutOfDarkGrainOptions>()
            .Configure(options => grains?.Invoke(options))
            .Validate(options => options.ReminderPeriod >= TimeSpan.FromMinutes(1), "OutOfDarkGrainOptions.ReminderPeriod must be at least one minute (Orleans' smallest reminder period).")
            .Validate(options => options.ConcurrencyRetries >= 1, "OutOfDarkGrainOptions.ConcurrencyRetries must be at least 1.")
            .Validate<IServiceProvider>(
                (options, services) => options.AllowStoreWithoutCommandLedger || services.GetService<PostgreSqlCommandLedger>() is not null,
                NoLedgerMessage)
            .ValidateOnStart();
        return silo;
    }

    /// <summary>
    /// Keeps the silo's reminders (the journeys' due re-checks) in PostgreSQL, in table
    /// <see cref="PostgreSqlReminderTable.TableName"/>, which is created when missing.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="connectionString">An Npgsql connection string; the journey store's database is fine.</param>
    /// <returns>The silo, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    public static ISiloBuilder UseOutOfDarkPostgreSqlReminders(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.AddReminders();
        silo.Services.AddKeyedSingleton(RemindersKey, (_, _) => NpgsqlDataSource.Create(connectionString));
        silo.Services.Replace(ServiceDescriptor.Singleton<IReminderTable>(sp => new PostgreSqlReminderTable(
            sp.GetRequiredKeyedService<NpgsqlDataSource>(RemindersKey),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId)));
        return silo;
    }

    /// <summary>
    /// Clusters the silo over PostgreSQL with Orleans' ADO.NET membership provider (invariant <c>Npgsql</c>). Install the
    /// provider's schema in the database first: <see cref="OrleansPostgreSqlSchema.ApplyAsync"/> (ours), or Orleans'
    /// <c>PostgreSQL-Main.sql</c> and <c>PostgreSQL-Clustering.sql</c> from the Orleans repository.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="connectionString">An Npgsql connection string to the database with the membership schema (<see cref="OrleansPostgreSqlSchema"/>).</param>
    /// <returns>The silo, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    public static ISiloBuilder UseOutOfDarkPostgreSqlClustering(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return silo.UseAdoNetClustering(options =>
        {
            options.Invariant = "Npgsql";
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>
    /// Development: one or more silos on this machine (127.0.0.1) with in-memory reminders, which do not survive the silo
    /// that keeps them. The first silo (<paramref name="primarySiloPort"/>) is the cluster's primary.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="siloPort">This silo's port for silo-to-silo traffic; default 11111.</param>
    /// <param name="gatewayPort">This silo's port for clients; default 30000.</param>
    /// <param name="primarySiloPort">The primary silo's <paramref name="siloPort"/>; default 11111.</param>
    /// <returns>The silo, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="silo"/> is <see langword="null"/>.</exception>
    public static ISiloBuilder UseOutOfDarkLocalhostClustering(this ISiloBuilder silo, int siloPort = 11111, int gatewayPort = 30000, int primarySiloPort = 11111)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo
            .UseLocalhostClustering(siloPort, gatewayPort, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, primarySiloPort))
            .UseInMemoryReminderService();
    }
}

/// <summary>Connects an Orleans client to a cluster of OutOfDark silos.</summary>
public static class OutOfDarkClientBuilderExtensions
{
    /// <summary>Finds the silos through Orleans' ADO.NET membership tables in PostgreSQL (see <see cref="OutOfDarkSiloBuilderExtensions.UseOutOfDarkPostgreSqlClustering"/>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="connectionString">An Npgsql connection string to the database with the membership schema (<see cref="OrleansPostgreSqlSchema"/>).</param>
    /// <returns>The client, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty.</exception>
    public static IClientBuilder UseOutOfDarkPostgreSqlClustering(this IClientBuilder client, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return client.UseAdoNetClustering(options =>
        {
            options.Invariant = "Npgsql";
            options.ConnectionString = connectionString;
        });
    }
}
