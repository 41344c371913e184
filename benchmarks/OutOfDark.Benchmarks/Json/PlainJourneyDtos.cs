using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using NodaTime;

namespace OutOfDark.Benchmarks.Json;

// Plain DTOs giving the same JSON shape as the journey document, for the System.Text.Json baseline:
// BCL types only, public mutable properties, no validation.
#pragma warning disable CS1591, CA1002, CA2227, CA1056
public sealed class PlainDocument
{
    public int SchemaVersion { get; set; }
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? Owner { get; set; }
    public string State { get; set; } = "";
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
    public List<PlainPhase> Phases { get; set; } = [];
    public List<PlainPersona> Personas { get; set; } = [];
    public List<PlainActivity> Activities { get; set; } = [];
    public List<PlainFlow> Flows { get; set; } = [];
    public List<object> Warnings { get; set; } = [];
}

public sealed class PlainPhase
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? CustomerGoal { get; set; }
}

public sealed class PlainPersona
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
}

public sealed class PlainActivity
{
    public Guid Id { get; set; }
    public Guid PhaseId { get; set; }
    public Guid? ParentId { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public PlainDetails Details { get; set; } = new();
    public List<PlainWidget> Widgets { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
}

public sealed class PlainDetails
{
    public string? Description { get; set; }
    public List<string> Channels { get; set; } = [];
    public string? Owner { get; set; }
    public string? Team { get; set; }
    public string Status { get; set; } = "";
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public List<string> Tags { get; set; } = [];
}

public sealed class PlainWidget
{
    public string Kind { get; set; } = "";
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Unit { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? MetricKind { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Direction { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? Target { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? WarningThreshold { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? CriticalThreshold { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<PlainObservation>? Observations { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? Persona { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? AsIs { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? ToBe { get; set; }
}

public sealed class PlainObservation
{
    public DateOnly Date { get; set; }
    public decimal Value { get; set; }
}

public sealed class PlainFlow
{
    public Guid Id { get; set; }
    public Guid From { get; set; }
    public Guid To { get; set; }
    public string? Label { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlainDocument))]
public sealed partial class PlainJourneyContext : JsonSerializerContext
{
}

public static class PlainJourney
{
    public static PlainDocument From(JourneySnapshot s) => new()
    {
        SchemaVersion = 1,
        Id = s.Id.Value,
        WorkspaceId = s.WorkspaceId.Value,
        Name = s.Name,
        Description = s.Description,
        Owner = s.Owner,
        State = s.State.ToString(),
        Version = s.Version,
        CreatedAt = s.CreatedAt.ToDateTimeOffset(),
        LastChangedAt = s.LastChangedAt.ToDateTimeOffset(),
        Phases = s.Phases.Select(p => new PlainPhase { Id = p.Id.Value, Name = p.Name, CustomerGoal = p.CustomerGoal }).ToList(),
        Personas = s.Personas.Select(p => new PlainPersona { Id = p.Id.Value, Name = p.Name, Description = p.Description }).ToList(),
        Activities = s.Activities.Select(a => new PlainActivity
        {
            Id = a.Id.Value,
            PhaseId = a.PhaseId.Value,
            ParentId = a.ParentId?.Value,
            Name = a.Name,
            Kind = a.Kind.ToString(),
            Details = new PlainDetails
            {
                Description = a.Details.Description,
                Channels = [.. a.Details.Channels],
                Owner = a.Details.Owner,
                Team = a.Details.Team,
                Status = a.Details.Status.ToString(),
                PlannedStart = Date(a.Details.PlannedStart),
                PlannedEnd = Date(a.Details.PlannedEnd),
                Tags = [.. a.Details.Tags],
            },
            Widgets = a.Widgets.Select(Widget).ToList(),
            CreatedAt = a.CreatedAt.ToDateTimeOffset(),
            LastChangedAt = a.LastChangedAt.ToDateTimeOffset(),
        }).ToList(),
        Flows = s.Flows.Select(f => new PlainFlow { Id = f.Id.Value, From = f.From.Value, To = f.To.Value, Label = f.Label }).ToList(),
    };

    private static DateOnly? Date(LocalDate? date) => date is { } d ? DateOnly.FromDateTime(d.ToDateTimeUnspecified()) : null;

    private static PlainWidget Widget(Widget w) => w switch
    {
        MetricWidget m => new PlainWidget
        {
            Kind = "metric",
            Id = m.Id.Value,
            Title = m.Title,
            Unit = m.Unit,
            MetricKind = m.Kind.ToString(),
            Direction = m.Direction.ToString(),
            Target = m.Target,
            WarningThreshold = m.WarningThreshold,
            CriticalThreshold = m.CriticalThreshold,
            Observations = m.Observations.Select(o => new PlainObservation { Date = DateOnly.FromDateTime(o.Date.ToDateTimeUnspecified()), Value = o.Value }).ToList(),
        },
        EmotionWidget e => new PlainWidget { Kind = "emotion", Id = e.Id.Value, Title = e.Title, Persona = e.Persona.Value, AsIs = e.AsIs.Value, ToBe = e.ToBe?.Value },
        _ => new PlainWidget { Kind = w.KindName(), Id = w.Id.Value, Title = w.Title },
    };
}
#pragma warning restore CS1591, CA1002, CA2227, CA1056
