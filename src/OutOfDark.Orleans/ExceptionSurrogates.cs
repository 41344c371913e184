using System;
using Orleans;

namespace OutOfDark.Orleans;

// The domain's exceptions cross from silo to client as Orleans surrogates (the domain package knows nothing of Orleans):
// the type, the rule or the ids, and the message come back; the stack trace and JourneyRuleException.Subjects stay on
// the silo, in its log.

/// <summary>The wire form of <see cref="JourneyRuleException"/>.</summary>
[GenerateSerializer]
[Alias("outofdark.journey-rule-exception")]
internal struct JourneyRuleExceptionSurrogate
{
    [Id(0)]
    public string Rule;

    [Id(1)]
    public string Message;
}

/// <summary>Converts <see cref="JourneyRuleException"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class JourneyRuleExceptionConverter : IConverter<JourneyRuleException, JourneyRuleExceptionSurrogate>
{
    public JourneyRuleException ConvertFromSurrogate(in JourneyRuleExceptionSurrogate surrogate) => new(surrogate.Rule, surrogate.Message);

    public JourneyRuleExceptionSurrogate ConvertToSurrogate(in JourneyRuleException value) => new() { Rule = value.Rule, Message = value.Message };
}

/// <summary>The wire form of <see cref="JourneyNotFoundException"/>.</summary>
[GenerateSerializer]
[Alias("outofdark.journey-not-found-exception")]
internal struct JourneyNotFoundExceptionSurrogate
{
    [Id(0)]
    public Guid WorkspaceId;

    [Id(1)]
    public Guid JourneyId;
}

/// <summary>Converts <see cref="JourneyNotFoundException"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class JourneyNotFoundExceptionConverter : IConverter<JourneyNotFoundException, JourneyNotFoundExceptionSurrogate>
{
    public JourneyNotFoundException ConvertFromSurrogate(in JourneyNotFoundExceptionSurrogate surrogate) =>
        new(new WorkspaceId(surrogate.WorkspaceId), new JourneyId(surrogate.JourneyId));

    public JourneyNotFoundExceptionSurrogate ConvertToSurrogate(in JourneyNotFoundException value) =>
        new() { WorkspaceId = value.WorkspaceId.Value, JourneyId = value.JourneyId.Value };
}

/// <summary>The wire form of <see cref="JourneyConcurrencyException"/>.</summary>
[GenerateSerializer]
[Alias("outofdark.journey-concurrency-exception")]
internal struct JourneyConcurrencyExceptionSurrogate
{
    [Id(0)]
    public Guid JourneyId;

    [Id(1)]
    public long ExpectedVersion;

    [Id(2)]
    public long ActualVersion;
}

/// <summary>Converts <see cref="JourneyConcurrencyException"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class JourneyConcurrencyExceptionConverter : IConverter<JourneyConcurrencyException, JourneyConcurrencyExceptionSurrogate>
{
    public JourneyConcurrencyException ConvertFromSurrogate(in JourneyConcurrencyExceptionSurrogate surrogate) =>
        new(new JourneyId(surrogate.JourneyId), surrogate.ExpectedVersion, surrogate.ActualVersion);

    public JourneyConcurrencyExceptionSurrogate ConvertToSurrogate(in JourneyConcurrencyException value) =>
        new() { JourneyId = value.JourneyId.Value, ExpectedVersion = value.ExpectedVersion, ActualVersion = value.ActualVersion };
}
