using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using OutOfDark;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OutOfDark.Warnings;

namespace OutOfDark.Extensions.DependencyInjection;

/// <summary>Chooses what <see cref="OutOfDarkServiceCollectionExtensions.AddOutOfDark"/> registers.</summary>
/// <remarks>Used only inside the <c>configure</c> callback; not thread-safe.</remarks>
public sealed class OutOfDarkBuilder
{
    private readonly List<Func<WarningSettings, WarningSettings>> _settingsChanges = [];

    internal OutOfDarkBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    internal IReadOnlyList<Func<WarningSettings, WarningSettings>> SettingsChanges => _settingsChanges;

    /// <summary>Uses a clock instead of the system clock, for example a fixed clock in demos and tests.</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>The builder.</returns>
    public OutOfDarkBuilder UseClock(IClock clock)
    {
        Guard.Against.Null(clock);
        Services.Replace(ServiceDescriptor.Singleton(clock));
        return this;
    }

    /// <summary>Uses a clock created by the container, for example one read from configuration.</summary>
    /// <param name="factory">Creates the clock once.</param>
    /// <returns>The builder.</returns>
    public OutOfDarkBuilder UseClock(Func<IServiceProvider, IClock> factory)
    {
        Guard.Against.Null(factory);
        Services.Replace(ServiceDescriptor.Singleton(factory));
        return this;
    }

    /// <summary>Uses a journey store instead of the in-memory one.</summary>
    /// <param name="factory">Creates the store once; it is a singleton and must be thread-safe.</param>
    /// <returns>The builder.</returns>
    public OutOfDarkBuilder UseStore(Func<IServiceProvider, IJourneyStore> factory)
    {
        Guard.Against.Null(factory);
        Services.Replace(ServiceDescriptor.Singleton(factory));
        return this;
    }

    /// <summary>
    /// Uses a workspace read model (the rows of the workspace-wide Warnings view) instead of the default: the store's
    /// own when the store keeps one (<see cref="IWorkspaceWarningsSource"/>: the SQLite and PostgreSQL stores), else the
    /// in-memory one. Not needed for those stores.
    /// </summary>
    /// <param name="factory">Creates the read model once; it is a singleton and must be thread-safe.</param>
    /// <returns>The builder.</returns>
    public OutOfDarkBuilder UseWorkspaceWarnings(Func<IServiceProvider, IWorkspaceWarnings> factory)
    {
        Guard.Against.Null(factory);
        Services.Replace(ServiceDescriptor.Singleton(factory));
        return this;
    }

    /// <summary>
    /// Adds the due-recheck service (<see cref="DueRecheckService"/>), a hosted service that re-checks the time-based
    /// rules of every stored journey when they fall due and keeps the workspace read model up to date, with no request.
    /// A host that keeps journeys live with their own engines registers <see cref="ILiveJourneys"/> (before the service
    /// is first resolved): the service then re-checks those journeys through the host's engines.
    /// </summary>
    /// <param name="configure">Sets how it paces itself; the defaults of <see cref="DueRecheckOptions"/> when omitted.</param>
    /// <returns>The builder.</returns>
    public OutOfDarkBuilder AddDueRechecks(Action<DueRecheckOptions>? configure = null)
    {
        var options = new DueRecheckOptions();
        configure?.Invoke(options);
        options.Validate();
        Services.Replace(ServiceDescriptor.Singleton(options));
        Services.TryAddSingleton(sp => new DueRecheckService(
            sp.GetRequiredService<IJourneyStore>(),
            sp.GetRequiredService<JourneyWarnings>(),
            sp.GetRequiredService<IWorkspaceWarnings>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<DueRecheckOptions>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<DueRecheckService>() ?? NullLogger<DueRecheckService>.Instance,
            sp.GetRequiredService<IJourneyStore>() as IJourneyCommitStore,
            sp.GetService<ILiveJourneys>()));
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, DueRecheckService>(sp => sp.GetRequiredService<DueRecheckService>()));
        return this;
    }

    /// <summary>Adds a custom warning rule next to the built-in ones.</summary>
    /// <param name="rule">The rule; its id must not be taken.</param>
    /// <returns>The builder.</returns>
    public OutOfDarkBuilder AddRule(IWarningRule rule)
    {
        Guard.Against.Null(rule);
        Services.AddSingleton(rule);
        return this;
    }

    /// <summary>Adds a custom warning rule, created once by the container (so it can take services) and resolvable by its type.</summary>
    /// <typeparam name="TRule">The rule's type.</typeparam>
    /// <returns>The builder.</returns>
    public OutOfDarkBuilder AddRule<TRule>()
        where TRule : class, IWarningRule
    {
        Services.TryAddSingleton<TRule>();
        Services.AddSingleton<IWarningRule>(sp => sp.GetRequiredService<TRule>());
        return this;
    }

    /// <summary>
    /// Adds a notification hook: an observer every engine created by <see cref="JourneyWarnings"/> reports raised,
    /// changed and cleared warnings and rule failures to.
    /// </summary>
    /// <typeparam name="TObserver">The observer's type, created once by the container and resolvable by its type (to read what it collected).</typeparam>
    /// <returns>The builder.</returns>
    public OutOfDarkBuilder AddObserver<TObserver>()
        where TObserver : class, IWarningObserver
    {
        Services.TryAddSingleton<TObserver>();
        Services.AddSingleton<IWarningObserver>(sp => sp.GetRequiredService<TObserver>());
        return this;
    }

    /// <summary>Adds a notification hook instance.</summary>
    /// <param name="observer">The observer.</param>
    /// <returns>The builder.</returns>
    public OutOfDarkBuilder AddObserver(IWarningObserver observer)
    {
        Guard.Against.Null(observer);
        Services.AddSingleton(observer);
        return this;
    }

    /// <summary>Changes the rule settings after they are read from configuration, for settings only code can express.</summary>
    /// <param name="change">Returns the new settings from the configured ones.</param>
    /// <returns>The builder.</returns>
    public OutOfDarkBuilder ConfigureSettings(Func<WarningSettings, WarningSettings> change)
    {
        Guard.Against.Null(change);
        _settingsChanges.Add(change);
        return this;
    }

    /// <summary>
    /// Delivers the durable warning feed to a subscriber: registers it and the hosted
    /// <see cref="WarningFeedDispatcherService"/>, which gives it every change at least once from its own cursor. The
    /// store must be a warning feed (<see cref="IWarningFeed"/>): the in-memory, SQLite and PostgreSQL stores are.
    /// </summary>
    /// <typeparam name="TSubscriber">The subscriber, created once by the container.</typeparam>
    /// <param name="configure">Changes the dispatch settings (shared by every subscriber of the host); the defaults when omitted.</param>
    /// <returns>This builder.</returns>
    public OutOfDarkBuilder AddFeedSubscriber<TSubscriber>(Action<WarningFeedOptions>? configure = null)
        where TSubscriber : class, IWarningFeedSubscriber
    {
        Services.TryAddSingleton<TSubscriber>();
        Services.AddSingleton<IWarningFeedSubscriber>(sp => sp.GetRequiredService<TSubscriber>());
        AddFeedDispatch(configure);
        return this;
    }

    /// <summary>Delivers the durable warning feed to a subscriber instance; see <see cref="AddFeedSubscriber{TSubscriber}"/>.</summary>
    /// <param name="subscriber">The subscriber.</param>
    /// <param name="configure">Changes the dispatch settings; the defaults when omitted.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subscriber"/> is <see langword="null"/>.</exception>
    public OutOfDarkBuilder AddFeedSubscriber(IWarningFeedSubscriber subscriber, Action<WarningFeedOptions>? configure = null)
    {
        Guard.Against.Null(subscriber);
        Services.AddSingleton(subscriber);
        AddFeedDispatch(configure);
        return this;
    }

    private void AddFeedDispatch(Action<WarningFeedOptions>? configure)
    {
        if (configure is not null)
        {
            Services.Configure(configure);
        }

        Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, WarningFeedDispatcherService>());
    }
}
