using Ardalis.GuardClauses;
using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Json;
using OutOfDark.Warnings;

namespace OutOfDark.Json;

/// <summary>
/// Reads and writes OutOfDark's JSON format: the journey document (a <see cref="JourneySnapshot"/>, the journey's current
/// state) and journey events, singly or as an event-stream document. See <c>docs/json-format.md</c> and the JSON Schema
/// shipped in the package (<c>schemas/outofdark-journey.schema.json</c>, also <see cref="JourneyJsonSchema"/>).
/// </summary>
/// <remarks>
/// <para>
/// Readers accept only well-formed documents of a known schema version within the limits of
/// <see cref="JourneyJsonOptions"/>, and check every journey rule: on any bad input they throw
/// <see cref="JourneyFormatException"/>, naming the JSON path and what is wrong, and never return a half-built journey.
/// </para>
/// <para>Writing the same journey always gives the same bytes. A serializer is immutable and thread-safe once created.</para>
/// </remarks>
public sealed class JourneyJsonSerializer
{
    /// <summary>The schema version this serializer writes, and the newest it reads.</summary>
    public const int CurrentSchemaVersion = 2;

    private static readonly IClock ValidationClock = new EpochClock();
    private readonly JsonSerializerOptions _options;
    private readonly JsonTypeInfo<JourneySnapshot> _snapshot;
    private readonly JsonTypeInfo<JourneyEvent> _event;
    private readonly JsonTypeInfo<EventStreamDocument> _stream;
    private readonly SortedDictionary<int, IJourneyJsonMigration> _migrations = [];
    private readonly RuleSettingsRegistry _ruleSettings;
    private readonly long _maxBytes;
    private readonly int _maxDepth;

    /// <summary>Creates a serializer.</summary>
    /// <param name="options">The widget kinds, limits, layout and migrations; the defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    /// <exception cref="ArgumentException">Two migrations start from the same version.</exception>
    public JourneyJsonSerializer(JourneyJsonOptions? options = null)
    {
        options ??= new JourneyJsonOptions();
        options.Check();
        _maxBytes = options.MaxDocumentBytes;
        _maxDepth = options.MaxDepth;
        _migrations.Add(JourneyJsonMigrationV1ToV2.Instance.FromVersion, JourneyJsonMigrationV1ToV2.Instance);
        foreach (var migration in options.Migrations)
        {
            Guard.Against.Null(migration);
            if (!_migrations.TryAdd(migration.FromVersion, migration))
            {
                throw new ArgumentException($"Two migrations start from schema version {migration.FromVersion}{(migration.FromVersion == 1 ? " (OutOfDark's own JourneyJsonMigrationV1ToV2 lifts version 1)" : "")}.", nameof(options));
            }
        }

        var json = new JsonSerializerOptions(JourneyJsonContext.Default.Options)
        {
            TypeInfoResolver = JourneyJsonContext.Default.WithAddedModifier(Customize),
            MaxDepth = options.MaxDepth,
            WriteIndented = options.WriteIndented,
        };
        _ruleSettings = options.RuleSettings.Copy();
        foreach (var converter in Converters(options.WidgetKinds.Copy(), _ruleSettings))
        {
            json.Converters.Add(converter);
        }

        json.MakeReadOnly();
        _options = json;
        _snapshot = (JsonTypeInfo<JourneySnapshot>)json.GetTypeInfo(typeof(JourneySnapshot));
        _event = (JsonTypeInfo<JourneyEvent>)json.GetTypeInfo(typeof(JourneyEvent));
        _stream = (JsonTypeInfo<EventStreamDocument>)json.GetTypeInfo(typeof(EventStreamDocument));
    }

    /// <summary>A serializer with the default options: built-in widget kinds only, compact output, default limits.</summary>
    public static JourneyJsonSerializer Default { get; } = new();

    /// <summary>The System.Text.Json options this serializer uses, read-only; for integrators embedding journey values in their own documents.</summary>
    public JsonSerializerOptions SerializerOptions => _options;

    /// <summary>Writes a journey document: the journey's current state.</summary>
    /// <param name="snapshot">The journey's state, from <see cref="Journey.ToSnapshot"/>.</param>
    /// <returns>The document as UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A widget's type is neither built in nor registered.</exception>
    public byte[] SerializeDocument(JourneySnapshot snapshot)
    {
        Guard.Against.Null(snapshot);
        return JsonSerializer.SerializeToUtf8Bytes(snapshot, _snapshot);
    }

    /// <summary>Writes a journey document to a stream.</summary>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <param name="snapshot">The journey's state.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public Task SerializeDocumentAsync(Stream utf8Json, JourneySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.Null(snapshot);
        return JsonSerializer.SerializeAsync(utf8Json, snapshot, _snapshot, cancellationToken);
    }

    /// <summary>Reads a journey document and checks every journey rule.</summary>
    /// <param name="utf8Json">The document as UTF-8 JSON.</param>
    /// <returns>The journey's state.</returns>
    /// <exception cref="JourneyFormatException">The document is not a valid journey document.</exception>
    public JourneySnapshot DeserializeDocument(ReadOnlySpan<byte> utf8Json) => ReadDocument(utf8Json, null).Snapshot;

    /// <summary>Reads a journey document into a journey, checking every journey rule.</summary>
    /// <param name="utf8Json">The document as UTF-8 JSON.</param>
    /// <param name="clock">The clock for the journey's further commands.</param>
    /// <returns>The journey, with no pending events.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyFormatException">The document is not a valid journey document.</exception>
    public Journey DeserializeJourney(ReadOnlySpan<byte> utf8Json, IClock clock)
    {
        Guard.Against.Null(clock);
        return ReadDocument(utf8Json, clock).Journey;
    }

    /// <summary>Reads a journey document from a stream, checking every journey rule.</summary>
    /// <param name="utf8Json">The stream to read to its end.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The journey's state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyFormatException">The document is not a valid journey document, or is larger than the limit.</exception>
    public async Task<JourneySnapshot> DeserializeDocumentAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadAllAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return DeserializeDocument(bytes.Span);
    }

    /// <summary>Writes one event as an object with its <c>type</c> discriminator.</summary>
    /// <param name="e">The event.</param>
    /// <returns>The event as UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The event or a widget in it is of a type the format does not know.</exception>
    public byte[] SerializeEvent(JourneyEvent e)
    {
        Guard.Against.Null(e);
        CheckEventType(e, 0);
        return JsonSerializer.SerializeToUtf8Bytes(e, _event);
    }

    /// <summary>Writes one event to a stream.</summary>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <param name="e">The event.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the event is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public Task SerializeEventAsync(Stream utf8Json, JourneyEvent e, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.Null(e);
        CheckEventType(e, 0);
        return JsonSerializer.SerializeAsync(utf8Json, e, _event, cancellationToken);
    }

    /// <summary>Reads one event written with the current schema version.</summary>
    /// <param name="utf8Json">The event as UTF-8 JSON.</param>
    /// <returns>The event.</returns>
    /// <exception cref="JourneyFormatException">The JSON is not a valid event.</exception>
    public JourneyEvent DeserializeEvent(ReadOnlySpan<byte> utf8Json) => DeserializeEvent(utf8Json, CurrentSchemaVersion);

    /// <summary>Reads one event written with the given schema version, migrating it when older.</summary>
    /// <param name="utf8Json">The event as UTF-8 JSON.</param>
    /// <param name="schemaVersion">The schema version it was written with (stores keep it beside the event).</param>
    /// <returns>The event.</returns>
    /// <exception cref="JourneyFormatException">The JSON is not a valid event, or its version cannot be read.</exception>
    public JourneyEvent DeserializeEvent(ReadOnlySpan<byte> utf8Json, int schemaVersion)
    {
        return ReadGuarded(utf8Json, json =>
        {
            if (schemaVersion != CurrentSchemaVersion)
            {
                CheckVersion(schemaVersion, "$");
                var node = ParseObject(json, "An event");
                if (schemaVersion == 1)
                {
                    JourneyJsonMigrationV1ToV2.RefuseVersionTwoEvent(node, "$", JourneyJsonMigrationV1ToV2.EventSays);
                }

                Migrate(schemaVersion, m => m.MigrateEvent(node), "$");
                return CheckEvent(JsonSerializer.Deserialize(Write(node), _event), "$");
            }

            return CheckEvent(JsonSerializer.Deserialize(json, _event), "$");
        });
    }

    /// <summary>Reads one event from a stream.</summary>
    /// <param name="utf8Json">The stream to read to its end.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyFormatException">The JSON is not a valid event.</exception>
    public async Task<JourneyEvent> DeserializeEventAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadAllAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return DeserializeEvent(bytes.Span);
    }

    /// <summary>Writes an event-stream document: a journey's events, oldest first, starting with <see cref="JourneyCreated"/>.</summary>
    /// <param name="events">The events.</param>
    /// <returns>The document as UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or one of them is <see langword="null"/>.</exception>
    public byte[] SerializeEventStream(IReadOnlyList<JourneyEvent> events) =>
        JsonSerializer.SerializeToUtf8Bytes(StreamDocument(events), _stream);

    /// <summary>Writes an event-stream document to a stream.</summary>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <param name="events">The events.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public Task SerializeEventStreamAsync(Stream utf8Json, IReadOnlyList<JourneyEvent> events, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        return JsonSerializer.SerializeAsync(utf8Json, StreamDocument(events), _stream, cancellationToken);
    }

    /// <summary>Reads an event-stream document and replays it to check that it is a journey's valid history.</summary>
    /// <param name="utf8Json">The document as UTF-8 JSON.</param>
    /// <returns>The events, oldest first.</returns>
    /// <exception cref="JourneyFormatException">The document is not a valid event stream, or an event breaks a journey rule.</exception>
    public IReadOnlyList<JourneyEvent> DeserializeEventStream(ReadOnlySpan<byte> utf8Json) => ReadStream(utf8Json, null).Events;

    /// <summary>Reads an event-stream document and replays it into a journey.</summary>
    /// <param name="utf8Json">The document as UTF-8 JSON.</param>
    /// <param name="clock">The clock for the journey's further commands.</param>
    /// <returns>The journey, with no pending events.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyFormatException">The document is not a valid event stream, or an event breaks a journey rule.</exception>
    public Journey ReplayEventStream(ReadOnlySpan<byte> utf8Json, IClock clock)
    {
        Guard.Against.Null(clock);
        return ReadStream(utf8Json, clock).Journey;
    }

    /// <summary>Reads an event-stream document from a stream.</summary>
    /// <param name="utf8Json">The stream to read to its end.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, oldest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyFormatException">The document is not a valid event stream.</exception>
    public async Task<IReadOnlyList<JourneyEvent>> DeserializeEventStreamAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadAllAsync(utf8Json, cancellationToken).ConfigureAwait(false);
        return DeserializeEventStream(bytes.Span);
    }

    internal static string CleanMessage(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        return cut >= 0 ? message[..cut].TrimEnd() : message;
    }

    private (JourneySnapshot Snapshot, Journey Journey) ReadDocument(ReadOnlySpan<byte> utf8Json, IClock? clock)
    {
        var snapshot = ReadGuarded(utf8Json, json =>
        {
            var version = ReadSchemaVersion(json, "journey document");
            JourneySnapshot? read;
            if (version != CurrentSchemaVersion)
            {
                var node = ParseObject(json, "A journey document");
                Migrate(version, m => m.MigrateDocument(node), "$");
                node["schemaVersion"] = CurrentSchemaVersion;
                read = JsonSerializer.Deserialize(Write(node), _snapshot);
            }
            else
            {
                read = JsonSerializer.Deserialize(json, _snapshot);
            }

            return TypedSettings(read ?? throw new JourneyFormatException("The document is null; expected a journey object.", "$"));
        });

        if (snapshot.Version is < 1 or long.MaxValue)
        {
            throw new JourneyFormatException($"The version counts the journey's events, so it is a whole number from 1 to {long.MaxValue - 1:D} (each change adds one); the document says {snapshot.Version:D}.", "$.version");
        }

        try
        {
            return (snapshot, Journey.FromSnapshot(snapshot, clock ?? ValidationClock));
        }
        catch (JourneyRuleException ex)
        {
            throw new JourneyFormatException(ex.Message, LongTextPaths.Refine(utf8Json, RulePaths.Locate(snapshot, ex), ex), ex);
        }
    }

    private (IReadOnlyList<JourneyEvent> Events, Journey Journey) ReadStream(ReadOnlySpan<byte> utf8Json, IClock? clock)
    {
        var document = ReadGuarded(utf8Json, json =>
        {
            var version = ReadSchemaVersion(json, "event stream");
            if (version != CurrentSchemaVersion)
            {
                var node = ParseObject(json, "An event stream");
                if (node["events"] is JsonArray array)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonObject item)
                        {
                            var path = $"$.events[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
                            try
                            {
                                Migrate(version, m => m.MigrateEvent(item), path);
                            }
                            catch (JourneyFormatException ex) when (ex.Path is { } inner && inner.StartsWith('$') && !inner.StartsWith("$.events[", StringComparison.Ordinal))
                            {
                                // A migration sees one event and names paths inside it from "$"; the stream names the event.
                                throw new JourneyFormatException(ex.Problem ?? ex.Message, path + inner[1..], ex.InnerException);
                            }
                        }
                    }
                }

                node["schemaVersion"] = CurrentSchemaVersion;
                return JsonSerializer.Deserialize(Write(node), _stream);
            }

            return JsonSerializer.Deserialize(json, _stream);
        }) ?? throw new JourneyFormatException("The document is null; expected an event-stream object.", "$");

        var events = document.Events;
        if (events.Count == 0)
        {
            throw new JourneyFormatException("An event stream needs at least the journey-created event.", "$.events");
        }

        Journey? journey = null;
        for (var i = 0; i < events.Count; i++)
        {
            var path = "$.events[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var e = events[i] = CheckEvent(events[i], path);
            try
            {
                if (journey is null)
                {
                    journey = Journey.Replay([e], clock ?? ValidationClock);
                }
                else
                {
                    journey.Apply(e);
                }
            }
            catch (JourneyRuleException ex)
            {
                throw new JourneyFormatException(ex.Message, LongTextPaths.Refine(utf8Json, path, ex), ex);
            }
        }

        return (events.AsReadOnly(), journey!);
    }

    private T ReadGuarded<T>(ReadOnlySpan<byte> utf8Json, SpanFunc<T> read)
    {
        if (utf8Json.Length > _maxBytes)
        {
            throw TooLarge(utf8Json.Length);
        }

        try
        {
            return read(utf8Json);
        }
        catch (JsonException ex)
        {
            var message = CleanMessage(ex);
            var missing = System.Text.RegularExpressions.Regex.Match(message, "missing required properties including: (.*?)\\.?$");
            if (missing.Success)
            {
                message = $"The object is missing required properties including: {missing.Groups[1].Value}; every property must be present (write null or [] for none).";
            }
            else if (System.Text.RegularExpressions.Regex.Match(message, "^The JSON property '(.*)' could not be mapped to any \\.NET member contained in type '([^']*)'") is { Success: true } unmapped)
            {
                message = UnknownMember(unmapped.Groups[1].Value, unmapped.Groups[2].Value);
            }
            else if (message.StartsWith($"The JSON value could not be converted to {typeof(OpportunityScores).FullName}", StringComparison.Ordinal))
            {
                // System.Text.Json names the scores' type, not the score: "3.0" or "2.5" where a whole number belongs.
                message = $"An opportunity score is a whole number from {OpportunityScores.Min} to {OpportunityScores.Max}, written without a decimal point (3, not 3.0).";
            }
            else if (message.Contains("depth", StringComparison.OrdinalIgnoreCase))
            {
                message = $"The document nests objects and arrays deeper than the limit of {_maxDepth} levels (JourneyJsonOptions.MaxDepth); a journey document needs about 8.";
            }

            if (ex.LineNumber is { } line && ex.BytePositionInLine is { } position)
            {
                message += $" (line {line + 1}, byte {position + 1})";
            }

            throw new JourneyFormatException(message, JsonPathException.PathOf(ex), ex);
        }
        catch (NotSupportedException ex)
        {
            // System.Text.Json raises this for an event object without a "type", naming the path in its message.
            var match = System.Text.RegularExpressions.Regex.Match(ex.Message, @"Path: (\$\S*)");
            var path = match.Success ? match.Groups[1].Value : "$";
            throw new JourneyFormatException($"An event needs a \"type\" string such as \"activity-added\"; this one has none.", path, ex);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or InvalidOperationException or JourneyRuleException)
        {
            throw new JourneyFormatException($"The value cannot be read: {ex.Message}", "$", ex);
        }
    }

    private delegate T SpanFunc<T>(ReadOnlySpan<byte> json);

    /// <summary>The object types of <see cref="JourneyJsonContext"/>, to name the members of one a document has an unknown member in.</summary>
    private static readonly Type[] ObjectTypes =
    [
        typeof(JourneySnapshot), typeof(EventStreamDocument), typeof(Phase), typeof(Persona),
        typeof(Activity), typeof(ActivityDetails), typeof(Flow), typeof(WarningStatus), typeof(WarningKey),
        typeof(FeedbackEntry), typeof(JourneyCreated), typeof(JourneyRenamed), typeof(JourneyDescriptionChanged),
        typeof(JourneyOwnerChanged), typeof(JourneyStateChanged), typeof(PhaseAdded), typeof(PhaseChanged),
        typeof(PhaseMoved), typeof(PhaseRemoved), typeof(PersonaAdded), typeof(PersonaChanged), typeof(PersonaRemoved),
        typeof(ActivityAdded), typeof(ActivityChanged), typeof(ActivityMoved), typeof(ActivityRemoved),
        typeof(FlowAdded), typeof(FlowRemoved), typeof(FlowRelabelled), typeof(WidgetAdded), typeof(WidgetChanged), typeof(WidgetMoved),
        typeof(WidgetRemoved), typeof(ObservationRecorded), typeof(ObservationCorrected), typeof(ObservationRemoved),
        typeof(FeedbackRecorded), typeof(MeasurementRecorded), typeof(MeasurementCorrected), typeof(MeasurementRemoved),
        typeof(WarningAcknowledged), typeof(WarningSnoozed), typeof(WarningResolved), typeof(WarningReopened),
        typeof(RuleSettingsChanged), typeof(JourneyParentChanged), typeof(SubJourneyLinked), typeof(FeedbackRemoved),
        typeof(RuleSettingsEntry), typeof(NoSettings), typeof(MetricThresholdSettings), typeof(MetricTrendSettings),
        typeof(MetricBaselineSettings), typeof(StaleMetricSettings), typeof(NotUpdatedSettings),
        typeof(NoOwnerSettings), typeof(NoMetricSettings), typeof(FunnelDropOffSettings), typeof(PainPointSettings),
        typeof(OverdueSettings), typeof(ExpectationGapSettings), typeof(EmptyPhaseSettings), typeof(Lane),
        typeof(Opportunity), typeof(OpportunityScores), typeof(OpportunityLink), typeof(LaneAdded), typeof(LaneChanged),
        typeof(LaneRemoved), typeof(ActivityLaneChanged), typeof(OpportunityAdded), typeof(OpportunityChanged),
        typeof(OpportunityScored), typeof(OpportunityLinked), typeof(OpportunityUnlinked), typeof(OpportunityRemoved),
        typeof(SmallSampleSettings), typeof(JourneyPaired), typeof(JourneyUnpaired), typeof(ActivityMatched),
        typeof(ActivityUnmatched), typeof(JourneyPairing), typeof(ActivityMatch), typeof(ActivityReordered),
        typeof(PersonaMoved),
    ];

    /// <summary>Our message for a member the type does not have, listing the members it does (as the converters do).</summary>
    private string UnknownMember(string member, string typeName)
    {
        var type = System.Array.Find(ObjectTypes, t => t.FullName == typeName);
        var info = type is null ? null : _options.TryGetTypeInfo(type, out var i) ? i : null;
        return info is { Kind: System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object }
            ? $"Unknown member \"{member}\"; allowed here: {string.Join(", ", info.Properties.Select(p => p.Name))}."
            : $"Unknown member \"{member}\"; remove it (see docs/json-format.md for the members allowed here).";
    }

    private int ReadSchemaVersion(ReadOnlySpan<byte> json, string what)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = _maxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            // Let the deserializer describe what it found instead.
            return CurrentSchemaVersion;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("schemaVersion"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version))
                {
                    throw new JourneyFormatException($"The {what}'s schemaVersion must be a whole number such as {CurrentSchemaVersion}.", "$.schemaVersion");
                }

                CheckVersion(version, "$.schemaVersion");
                return version;
            }

            reader.Read();
            reader.Skip();
        }

        throw new JourneyFormatException($"The {what} has no \"schemaVersion\"; documents this program writes start with \"schemaVersion\": {CurrentSchemaVersion}.", "$.schemaVersion");
    }

    private void CheckVersion(int version, string path)
    {
        if (version > CurrentSchemaVersion)
        {
            throw new JourneyFormatException($"The JSON has schema version {version}, written by a newer OutOfDark.Json; this version reads schema versions up to {CurrentSchemaVersion}. Upgrade OutOfDark.Json to read it.", path);
        }

        if (version < CurrentSchemaVersion && !_migrations.ContainsKey(version))
        {
            throw new JourneyFormatException($"The JSON has schema version {version}, and no migration from it is registered (JourneyJsonOptions.Migrations); this version reads schema version {CurrentSchemaVersion}.", path);
        }
    }

    private void Migrate(int from, Action<IJourneyJsonMigration> apply, string path)
    {
        for (var version = from; version < CurrentSchemaVersion; version++)
        {
            if (!_migrations.TryGetValue(version, out var migration))
            {
                throw new JourneyFormatException($"No migration from schema version {version} to {version + 1} is registered (JourneyJsonOptions.Migrations).", path);
            }

            try
            {
                apply(migration);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new JourneyFormatException($"Migrating from schema version {version} failed: {ex.Message}", path, ex);
            }
        }
    }

    private JsonObject ParseObject(ReadOnlySpan<byte> json, string what)
    {
        var node = JsonNode.Parse(json, new JsonNodeOptions(), new JsonDocumentOptions { MaxDepth = _maxDepth });
        return node as JsonObject ?? throw new JourneyFormatException($"{what} must be a JSON object.", "$");
    }

    private static byte[] Write(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private JourneyEvent CheckEvent(JourneyEvent? e, string path)
    {
        if (e is null)
        {
            throw new JourneyFormatException("An event is null; expected an object with a \"type\".", path);
        }

        if (e.Actor is null)
        {
            throw new JourneyFormatException("An event needs an \"actor\".", path + ".actor");
        }

        return e is RuleSettingsChanged change
            ? change with { Previous = TypedSettings(change.Rule, change.Previous, path + ".previous"), Current = TypedSettings(change.Rule, change.Current, path + ".current") }
            : e;
    }

    /// <summary>Reads each of the document's rule settings as its rule's registered record (see <see cref="RuleSettingsRegistry"/>).</summary>
    private JourneySnapshot TypedSettings(JourneySnapshot snapshot)
    {
        if (snapshot.RuleSettings is not { Count: > 0 } entries)
        {
            return snapshot;
        }

        var typed = new RuleSettingsEntry[entries.Count];
        for (var i = 0; i < typed.Length; i++)
        {
            var entry = entries[i];
            typed[i] = entry is null ? null! : entry with { Settings = TypedSettings(entry.Rule, entry.Settings, "$.ruleSettings[" + i.ToString(CultureInfo.InvariantCulture) + "].settings")! };
        }

        return snapshot with { RuleSettings = ValueList<RuleSettingsEntry>.From(typed) };
    }

    private RuleSettings? TypedSettings(RuleId rule, RuleSettings? settings, string path)
    {
        if (settings is not UnknownRuleSettings read)
        {
            return settings;
        }

        try
        {
            return _ruleSettings.Read(rule, read, _options);
        }
        catch (JsonException ex)
        {
            var at = JsonPathException.PathOf(ex);
            throw new JourneyFormatException($"The settings of rule '{rule}' do not fit its settings record: {CleanMessage(ex)}", path + (at.StartsWith('$') ? at[1..] : at), ex);
        }
    }

    private static void CheckEventType(JourneyEvent e, int index)
    {
        if (EventTypes.NameOf(e.GetType()) is null)
        {
            throw new InvalidOperationException($"Event {index} is a {e.GetType().Name}, which the JSON format does not know.");
        }
    }

    private static EventStreamDocument StreamDocument(IReadOnlyList<JourneyEvent> events)
    {
        Guard.Against.Null(events);
        var list = new List<JourneyEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var e = Guard.Against.Null(events[i], nameof(events), $"Event {i} is null.");
            CheckEventType(e, i);
            list.Add(e);
        }

        return new EventStreamDocument { SchemaVersion = CurrentSchemaVersion, Events = list };
    }

    private JourneyFormatException TooLarge(long length) =>
        new($"The document is {length:N0} bytes; the limit is {_maxBytes:N0} bytes (JourneyJsonOptions.MaxDocumentBytes).", "$");

    private async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        Guard.Against.Null(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _maxBytes)
            {
                throw TooLarge(buffer.Length + read);
            }

            buffer.Write(chunk, 0, read);
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static IEnumerable<JsonConverter> Converters(WidgetKindRegistry widgets, RuleSettingsRegistry ruleSettings)
    {
        var widgetConverter = new WidgetConverter(widgets);
        return Converters(widgetConverter, ruleSettings);
    }

    private static IEnumerable<JsonConverter> Converters(WidgetConverter widgetConverter, RuleSettingsRegistry ruleSettings) =>
    [
        new GuidIdConverter<JourneyId>("journey id", g => new JourneyId(g), id => id.Value),
        new GuidIdConverter<WorkspaceId>("workspace id", g => new WorkspaceId(g), id => id.Value),
        new GuidIdConverter<PhaseId>("phase id", g => new PhaseId(g), id => id.Value),
        new GuidIdConverter<PersonaId>("persona id", g => new PersonaId(g), id => id.Value),
        new GuidIdConverter<ActivityId>("activity id", g => new ActivityId(g), id => id.Value),
        new GuidIdConverter<FlowId>("flow id", g => new FlowId(g), id => id.Value),
        new GuidIdConverter<WidgetId>("widget id", g => new WidgetId(g), id => id.Value),
        new GuidIdConverter<OpportunityId>("opportunity id", g => new OpportunityId(g), id => id.Value),
        new LaneIdConverter(),
        new EnumConverter<OpportunityStatus>("opportunity status"),
        new EnumConverter<OpportunityLinkKind>("opportunity link kind"),
        new ValueListConverter<Lane>(),
        new ValueListConverter<Opportunity>(),
        new ValueListConverter<OpportunityLink>(),
        new TextConverter(),
        new DecimalConverter(),
        new InstantJsonConverter(),
        new LocalDateJsonConverter(),
        new RuleIdConverter(),
        new WarningSubjectConverter(),
        new EnumConverter<JourneyState>("journey state"),
        new EnumConverter<ActivityKind>("activity kind"),
        new EnumConverter<ActivityStatus>("activity status"),
        new EnumConverter<WarningHandling>("warning handling"),
        new EnumConverter<Sentiment>("sentiment"),
        new EnumConverter<SegmentSplit>("segment split"),
        new ValueListConverter<Phase>(),
        new ValueListConverter<Persona>(),
        new ActivityListConverter(),
        new ValueListConverter<Flow>(),
        new ValueListConverter<WarningStatus>(),
        new ValueListConverter<RuleSettingsEntry>(),
        new ValueListConverter<ActivityMatch>(),
        new RuleSettingsConverter(ruleSettings),
        new ValueListConverter<Widget>(direct: true),
        new ValueListConverter<string>(),
        widgetConverter,
        new MetricWidgetConverter(widgetConverter),
        new ValueListConverter<MetricWidget>(direct: true),
        new SegmentConverter(),
        new AnswerDistributionConverter(),
    ];

    private static void Customize(JsonTypeInfo info)
    {
        if (info.Type == typeof(JourneyEvent))
        {
            var polymorphism = new JsonPolymorphismOptions
            {
                TypeDiscriminatorPropertyName = "type",
                UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
                IgnoreUnrecognizedTypeDiscriminators = false,
            };
            foreach (var (type, name) in EventTypes.All)
            {
                polymorphism.DerivedTypes.Add(new JsonDerivedType(type, name));
            }

            info.PolymorphismOptions = polymorphism;
        }
        else if (info.Kind == JsonTypeInfoKind.Object && info.Type != typeof(JourneySnapshot)
            && (info.Type.Assembly == typeof(Journey).Assembly || info.Type.Assembly == typeof(JourneyJsonSerializer).Assembly))
        {
            // Events, phases, personas, activities, flows, warnings: a missing member is refused where it is missing
            // instead of becoming a default (an epoch instant, an empty GUID).
            if (info.Type == typeof(Lane) || info.Type == typeof(OpportunityScores))
            {
                // Lane.IsBuiltIn, Lane.LineAbove and OpportunityScores.Value are computed: not part of the format.
                for (var i = info.Properties.Count - 1; i >= 0; i--)
                {
                    if (info.Properties[i].Set is null)
                    {
                        info.Properties.RemoveAt(i);
                    }
                }
            }

            RequireAll(info);
            if (info.Type == typeof(Phase))
            {
                OptionalKpis(info);
            }
        }
        else if (info.Type == typeof(JourneySnapshot))
        {
            RequireAll(info);
            OptionalKpis(info);

            var version = JsonMetadataServices.CreatePropertyInfo(info.Options, new JsonPropertyInfoValues<int>
            {
                IsProperty = true,
                IsPublic = true,
                DeclaringType = typeof(JourneySnapshot),
                PropertyName = "SchemaVersion",
                JsonPropertyName = "schemaVersion",
                PropertyTypeInfo = JsonMetadataServices.CreateValueInfo<int>(info.Options, JsonMetadataServices.Int32Converter),
                Getter = static _ => CurrentSchemaVersion,
                Setter = static (_, value) =>
                {
                    if (value != CurrentSchemaVersion)
                    {
                        throw new JsonException($"This program reads schema version {CurrentSchemaVersion}; the document says {value}.");
                    }
                },
            });
            info.Properties.Insert(0, version);
        }
    }

    /// <summary>
    /// The writer always writes every property; the reader asks for all of them, so that a missing list or field is
    /// reported where it is missing instead of becoming an empty default.
    /// </summary>
    private static void RequireAll(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            property.IsRequired = true;
        }
    }

    /// <summary>
    /// The journey's and phases' own metrics (KPIs) are optional on read, so that documents written before they existed
    /// still load, and written only when there are any, so that documents without KPIs stay as they were.
    /// </summary>
    private static void OptionalKpis(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (property.PropertyType == typeof(ValueList<MetricWidget>))
            {
                property.IsRequired = false;
                property.ShouldSerialize = static (_, value) => value is ValueList<MetricWidget> { Count: > 0 };
            }
        }
    }

    private sealed class EpochClock : IClock
    {
        public Instant GetCurrentInstant() => NodaConstants.UnixEpoch;
    }
}
