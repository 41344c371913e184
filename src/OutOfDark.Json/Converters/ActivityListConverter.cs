using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace OutOfDark.Json;

/// <summary>
/// The journey document's <c>activities</c> list. Writing goes through the source-generated contract of
/// <see cref="Activity"/>; reading is hand-written, because a journey can hold tens of thousands of activities and the
/// generic path costs a nested serializer call per activity, with boxed constructor arguments.
/// </summary>
/// <remarks>
/// The reader keeps the contract's rules: every property of an activity and of its details is required and appears
/// once (a version-1 document gets <c>lane</c> and <c>subJourneyId</c> from the migration), unknown properties are refused, and only
/// <c>parentId</c>, <c>subJourneyId</c>, <c>plannedStart</c>, <c>plannedEnd</c>,
/// <c>description</c>, <c>owner</c> and <c>team</c> may be null. Errors carry the path below the list, such as
/// <c>[2].details.status</c>.
/// </remarks>
internal sealed class ActivityListConverter : JsonConverter<ValueList<Activity>>
{
    private const string ActivityProperties = "id, phaseId, parentId, name, kind, details, widgets, createdAt, lastChangedAt, subJourneyId, lane";
    private const int RequiredActivityProperties = 2047;
    private const string DetailsProperties = "description, channels, owner, team, status, plannedStart, plannedEnd, tags";

    // The properties in order: property i is bit 1 << i.
    private static readonly (byte[] Utf8, string Name)[] ActivityNames = Names(ActivityProperties);
    private static readonly (byte[] Utf8, string Name)[] DetailsNames = Names(DetailsProperties);

    private static readonly EnumConverter<ActivityKind> Kinds = new("activity kind");
    private static readonly EnumConverter<ActivityStatus> Statuses = new("activity status");
    private static readonly InstantJsonConverter Instants = new();

    // Writing goes through the generated contract, item by item, as for any other list.
    private readonly ValueListConverter<Activity> _write = new();
    private JsonConverter<ValueList<Widget>>? _widgets;
    private JsonConverter<ValueList<string>>? _strings;
    private ItemReader<Activity>? _read;

    public override bool HandleNull => false;

    public override ValueList<Activity> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        _widgets ??= (JsonConverter<ValueList<Widget>>)options.GetTypeInfo(typeof(ValueList<Widget>)).Converter;
        _strings ??= (JsonConverter<ValueList<string>>)options.GetTypeInfo(typeof(ValueList<string>)).Converter;
        return ValueListConverter<Activity>.ReadList(ref reader, options, _read ??= ReadActivity);
    }

    public override void Write(Utf8JsonWriter writer, ValueList<Activity> value, JsonSerializerOptions options) =>
        _write.Write(writer, value, options);

    private Activity ReadActivity(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"An activity must be an object; found {Tokens.Describe(reader.TokenType)}.");
        }

        ActivityId id = default, parentValue = default;
        PhaseId phase = default;
        string? name = null;
        var kind = ActivityKind.Touchpoint;
        var details = ActivityDetails.Empty;
        var widgets = ValueList<Widget>.Empty;
        Instant created = default, changed = default;
        var lane = default(LaneId);
        var seen = 0;
        var parentIsSet = false;
        JourneyId? subJourney = null;
        var property = "";
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var bit = PropertyBit(ref reader, ActivityNames, out property);
                if (bit == 0)
                {
                    throw new JsonException($"An activity has no property \"{property}\"; it has {ActivityProperties}.");
                }

                if ((seen & bit) != 0)
                {
                    throw new JsonException($"The activity has the property \"{property}\" twice.");
                }

                seen |= bit;
                reader.Read();
                switch (bit)
                {
                    case 1:
                        id = new ActivityId(GuidIdConverter<ActivityId>.ReadGuid(ref reader, "activity id"));
                        break;
                    case 2:
                        phase = new PhaseId(GuidIdConverter<PhaseId>.ReadGuid(ref reader, "phase id"));
                        break;
                    case 4:
                        parentIsSet = reader.TokenType != JsonTokenType.Null;
                        if (parentIsSet)
                        {
                            parentValue = new ActivityId(GuidIdConverter<ActivityId>.ReadGuid(ref reader, "activity id"));
                        }

                        break;
                    case 8:
                        name = Tokens.ReadString(ref reader, "An activity's name");
                        break;
                    case 16:
                        kind = Kinds.Read(ref reader, typeof(ActivityKind), options);
                        break;
                    case 32:
                        details = ReadDetails(ref reader, options);
                        break;
                    case 64:
                        widgets = _widgets!.Read(ref reader, typeof(ValueList<Widget>), options)!;
                        break;
                    case 128:
                        created = Instants.Read(ref reader, typeof(Instant), options);
                        break;
                    case 256:
                        changed = Instants.Read(ref reader, typeof(Instant), options);
                        break;
                    case 512:
                        subJourney = reader.TokenType == JsonTokenType.Null ? null : new JourneyId(GuidIdConverter<JourneyId>.ReadGuid(ref reader, "journey id"));
                        break;
                    default:
                        lane = LaneIdConverter.ReadLane(ref reader);
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw Nest(ex, property);
        }

        if (seen != RequiredActivityProperties)
        {
            throw new JsonPathException($"An activity is missing required properties including: {Missing(seen, ActivityProperties)}.", "");
        }

        return new Activity
        {
            Id = id,
            PhaseId = phase,
            ParentId = parentIsSet ? parentValue : null,
            Name = name!,
            Kind = kind,
            Details = details,
            SubJourneyId = subJourney,
            Widgets = widgets,
            CreatedAt = created,
            LastChangedAt = changed,
            Lane = lane,
        };
    }

    private ActivityDetails ReadDetails(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"An activity's details must be an object with {DetailsProperties}; found {Tokens.Describe(reader.TokenType)}.");
        }

        string? description = null, owner = null, team = null;
        var channels = ValueList<string>.Empty;
        var tags = ValueList<string>.Empty;
        var status = ActivityStatus.Planned;
        LocalDate? start = null, end = null;
        var seen = 0;
        var property = "";
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var bit = PropertyBit(ref reader, DetailsNames, out property);
                if (bit == 0)
                {
                    throw new JsonException($"An activity's details have no property \"{property}\"; they have {DetailsProperties}.");
                }

                if ((seen & bit) != 0)
                {
                    throw new JsonException($"The activity's details have the property \"{property}\" twice.");
                }

                seen |= bit;
                reader.Read();
                var isNull = reader.TokenType == JsonTokenType.Null;
                switch (bit)
                {
                    case 1:
                        description = isNull ? null : Tokens.ReadString(ref reader, "An activity's description");
                        break;
                    case 2:
                        channels = _strings!.Read(ref reader, typeof(ValueList<string>), options)!;
                        break;
                    case 4:
                        owner = isNull ? null : Tokens.ReadString(ref reader, "An activity's owner");
                        break;
                    case 8:
                        team = isNull ? null : Tokens.ReadString(ref reader, "An activity's team");
                        break;
                    case 16:
                        status = Statuses.Read(ref reader, typeof(ActivityStatus), options);
                        break;
                    case 32:
                        start = isNull ? null : LocalDateJsonConverter.ReadDate(ref reader);
                        break;
                    case 64:
                        end = isNull ? null : LocalDateJsonConverter.ReadDate(ref reader);
                        break;
                    default:
                        tags = _strings!.Read(ref reader, typeof(ValueList<string>), options)!;
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw Nest(ex, property);
        }

        if (seen != 255)
        {
            throw new JsonException($"An activity's details are missing required properties including: {Missing(seen, DetailsProperties)}.");
        }

        return new ActivityDetails
        {
            Description = description,
            Channels = channels,
            Owner = owner,
            Team = team,
            Status = status,
            PlannedStart = start,
            PlannedEnd = end,
            Tags = tags,
        };
    }

    /// <summary>An error met while reading <paramref name="property"/>, with the property in front of the path the error carries.</summary>
    private static JsonPathException Nest(JsonException ex, string property) =>
        JsonPathException.Nest(ex, property.Length == 0 ? "" : "." + property);

    private static (byte[] Utf8, string Name)[] Names(string list) =>
        Array.ConvertAll(list.Split(", "), name => (Encoding.UTF8.GetBytes(name), name));

    /// <summary>The bit of the property the reader stands on, or 0 (with its name, shortened) for an unknown one.</summary>
    private static int PropertyBit(ref Utf8JsonReader reader, (byte[] Utf8, string Name)[] names, out string property)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i].Utf8))
            {
                property = names[i].Name;
                return 1 << i;
            }
        }

        property = Tokens.PropertyName(ref reader);
        return 0;
    }

    private static string Missing(int seen, string names)
    {
        var all = names.Split(", ");
        var missing = new StringBuilder();
        for (var i = 0; i < all.Length; i++)
        {
            if ((seen & (1 << i)) == 0)
            {
                missing.Append(missing.Length == 0 ? "" : ", ").Append('\'').Append(all[i]).Append('\'');
            }
        }

        return missing.ToString();
    }
}
