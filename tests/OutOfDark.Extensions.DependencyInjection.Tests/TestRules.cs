using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using OutOfDark.Warnings;

namespace OutOfDark.Extensions.DependencyInjection.Tests;

public sealed record ShoutSettings : RuleSettings
{
    public int MinimumLength { get; init; } = 3;

    public WarningSeverity Severity { get; init; } = WarningSeverity.Warning;
}

/// <summary>Flags activities whose name is all capitals and at least <see cref="ShoutSettings.MinimumLength"/> long.</summary>
public sealed class ShoutingNameRule : WarningRule<ShoutSettings>
{
    public static readonly RuleId RuleId = new("test.shouting-name");

    public ShoutingNameRule()
        : base(RuleId, "Shouting name", SubjectKind.Activity, WarningSeverity.Warning, new ShoutSettings())
    {
    }

    protected override RuleResult Evaluate(in RuleContext context, ShoutSettings settings)
    {
        var name = context.Activity!.Name;
        return name.Length >= settings.MinimumLength && name == name.ToUpperInvariant()
            ? context.Raise(settings.Severity, $"'{name}' is shouting")
            : RuleResult.None;
    }
}

/// <summary>Throws on every activity named "boom".</summary>
public sealed class ExplodingRule : WarningRule<ShoutSettings>
{
    public ExplodingRule()
        : base(new RuleId("test.exploding"), "Exploding", SubjectKind.Activity, WarningSeverity.Info, new ShoutSettings())
    {
    }

    protected override RuleResult Evaluate(in RuleContext context, ShoutSettings settings) =>
        context.Activity!.Name == "boom" ? throw new InvalidOperationException("kaboom") : RuleResult.None;
}

public sealed class RecordingObserver : IWarningObserver
{
    public List<Warning> Raised { get; } = [];

    public List<RuleFailure> Failures { get; } = [];

    public void OnRaised(Warning warning) => Raised.Add(warning);

    public void OnChanged(Warning previous, Warning current)
    {
    }

    public void OnCleared(Warning previous)
    {
    }

    public void OnRuleFailed(RuleFailure failure) => Failures.Add(failure);
}

public sealed class ListLoggerFactory : ILoggerFactory
{
    public List<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Logger(ListLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner.Entries)
            {
                owner.Entries.Add((logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
