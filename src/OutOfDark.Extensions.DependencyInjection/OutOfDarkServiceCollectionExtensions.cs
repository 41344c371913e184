using Ardalis.GuardClauses;
using System;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using OutOfDark;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Warnings;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers OutOfDark in a host's service collection.</summary>
public static class OutOfDarkServiceCollectionExtensions
{
    /// <summary>
    /// Registers OutOfDark: an <see cref="IClock"/> (the system clock unless one is given), an <see cref="IJourneyStore"/>
    /// (the in-memory store unless one is given), an <see cref="IWorkspaceWarnings"/> read model (unless one is given: the
    /// store's own when it keeps one, <see cref="IWorkspaceWarningsSource"/> — the SQLite and PostgreSQL stores do — else the in-memory one), a <see cref="RuleRegistry"/> with the built-in rules and every custom
    /// rule added, the <see cref="WarningSettings"/> read from <paramref name="configuration"/>, the engine options, and
    /// <see cref="JourneyWarnings"/>, which creates engines and reports through <c>System.Diagnostics.Metrics</c> and
    /// <see cref="ILogger"/>. The store is also registered as <see cref="IJourneyCommitStore"/> and <see cref="IWarningFeed"/>
    /// (resolving either fails, naming the stores that qualify, when the store is not one), and
    /// <see cref="WarningFeedOptions"/> are bound from the <c>Feed</c> section.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">
    /// The OutOfDark section of the host's configuration, for example <c>configuration.GetSection("OutOfDark")</c>:
    /// <c>TimeZone</c> (an IANA id, default UTC), <c>Rules:&lt;rule id&gt;:&lt;setting&gt;</c> for each rule's settings,
    /// and <c>Feed:PollInterval</c>, <c>Feed:FailureDelay</c>, <c>Feed:MaxFailureDelay</c>, <c>Feed:BatchSize</c> for feed delivery.
    /// May be <see langword="null"/> for all defaults.
    /// </param>
    /// <param name="configure">Chooses the store, read model and clock, adds custom rules and observers, and may add the due-recheck service.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Configuration problems — a rule id no rule has, a setting that does not convert, an unknown time zone — stop a
    /// host at start: the options pattern's start-up validation (<c>ValidateOnStart</c>) reads the settings when the host
    /// starts, and <c>StartAsync</c> throws an <see cref="InvalidOperationException"/> naming the configuration key.
    /// Without a host (a bare service provider) the same exception comes when the settings are first resolved.
    /// </remarks>
    public static IServiceCollection AddOutOfDark(this IServiceCollection services, IConfiguration? configuration = null, Action<OutOfDarkBuilder>? configure = null)
    {
        Guard.Against.Null(services);
        var builder = new OutOfDarkBuilder(services);
        configure?.Invoke(builder);

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<IJourneyStore>(sp => new InMemoryJourneyStore(sp.GetRequiredService<IClock>()));
        services.TryAddSingleton<IWorkspaceWarnings>(sp => sp.GetRequiredService<IJourneyStore>() is IWorkspaceWarningsSource source
            ? source.WorkspaceWarnings
            : new InMemoryWorkspaceWarnings(sp.GetRequiredService<IClock>()));
        services.TryAddSingleton(sp =>
        {
            var registry = RuleRegistry.WithBuiltIns();
            foreach (var rule in sp.GetServices<IWarningRule>())
            {
                registry.Add(rule);
            }

            return registry;
        });
        services.TryAddSingleton(sp =>
        {
            var settings = RuleSettingsBinder.Bind(configuration?.GetSection("Rules"), sp.GetRequiredService<RuleRegistry>());
            foreach (var change in builder.SettingsChanges)
            {
                settings = change(settings);
            }

            return settings;
        });
        services.TryAddSingleton(_ => new WarningEngineOptions { Zone = ReadZone(configuration) });
        services.TryAddSingleton(sp => sp.GetRequiredService<IJourneyStore>() as IWarningFeed
            ?? throw new InvalidOperationException($"The warning feed needs a store that keeps it; the registered store {sp.GetRequiredService<IJourneyStore>().GetType().Name} does not implement IWarningFeed. Use InMemoryJourneyStore, SqliteJourneyStore or PostgreSqlJourneyStore."));
        services.TryAddSingleton(sp => sp.GetRequiredService<IJourneyStore>() as IJourneyCommitStore
            ?? throw new InvalidOperationException($"Saving warning changes with their events needs a store that commits both; the registered store {sp.GetRequiredService<IJourneyStore>().GetType().Name} does not implement IJourneyCommitStore. Use InMemoryJourneyStore, SqliteJourneyStore or PostgreSqlJourneyStore."));
        var feedOptions = services.AddOptions<WarningFeedOptions>();
        if (configuration is not null)
        {
            feedOptions.Configure(options => configuration.GetSection("Feed").Bind(options));
        }

        services.AddOptions<ConfigurationCheck>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConfigurationCheck>, ConfigurationCheck.Validator>());
        services.TryAddSingleton(sp => new JourneyWarnings(
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<RuleRegistry>(),
            sp.GetRequiredService<WarningSettings>(),
            sp.GetRequiredService<WarningEngineOptions>(),
            sp.GetServices<IWarningObserver>().ToArray(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<JourneyWarnings>() ?? NullLogger<JourneyWarnings>.Instance,
            sp.GetRequiredService<IWorkspaceWarnings>()));
        return services;
    }

    private static DateTimeZone ReadZone(IConfiguration? configuration)
    {
        var id = configuration?["TimeZone"];
        if (string.IsNullOrWhiteSpace(id))
        {
            return DateTimeZone.Utc;
        }

        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            ?? throw new InvalidOperationException($"Configuration key '{Path(configuration!, "TimeZone")}' names time zone '{id}', which is not an IANA time zone id such as 'Europe/Berlin'.");
    }

    internal static string Path(IConfiguration configuration, string key) =>
        configuration is IConfigurationSection section ? $"{section.Path}:{key}" : key;
}
