using System.Text.Json.Nodes;

namespace OutOfDark.Json;

/// <summary>
/// Lifts a journey document or event stream from one schema version to the next. Register migrations in
/// <see cref="JourneyJsonOptions.Migrations"/>; the reader chains them until the document has
/// <see cref="JourneyJsonSerializer.CurrentSchemaVersion"/>.
/// </summary>
/// <remarks>Implementations must be thread-safe: one serializer may migrate several documents at once.</remarks>
public interface IJourneyJsonMigration
{
    /// <summary>The schema version this migration reads; it produces <c>FromVersion + 1</c>.</summary>
    int FromVersion { get; }

    /// <summary>Rewrites a journey document in place. The reader sets <c>schemaVersion</c> afterwards.</summary>
    /// <param name="document">The document's root object.</param>
    void MigrateDocument(JsonObject document);

    /// <summary>Rewrites one event of an event stream, or a single event, in place.</summary>
    /// <param name="journeyEvent">The event object, with its <c>type</c>.</param>
    void MigrateEvent(JsonObject journeyEvent);
}
