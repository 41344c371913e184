using System;
using System.Text.Json.Nodes;
using Xunit;

namespace OutOfDark.Json.Tests;

public sealed class MigrationTests
{
    /// <summary>A made-up draft format, version 0, that called the journey's name "title".</summary>
    private sealed class FromDraft : IJourneyJsonMigration
    {
        public int FromVersion => 0;

        public void MigrateDocument(JsonObject document)
        {
            document["name"] = document["title"]?.DeepClone();
            document.Remove("title");
        }

        public void MigrateEvent(JsonObject journeyEvent)
        {
            if (journeyEvent["type"]?.GetValue<string>() == "journey-renamed")
            {
                journeyEvent["name"] = journeyEvent["title"]?.DeepClone();
                journeyEvent.Remove("title");
            }
        }
    }

    private static JourneyJsonSerializer WithDraftMigration() => new(new JourneyJsonOptions { Migrations = { new FromDraft() } });

    private static JsonObject DraftDocument(JsonObject? current = null)
    {
        // Version 0 came before version 1, so it has none of version 2's members either.
        var document = VersionOneDocuments.Of(current ?? SampleJourneys.DocumentNode());
        document["schemaVersion"] = 0;
        document["title"] = document["name"]!.DeepClone();
        document.Remove("name");
        return document;
    }

    [Fact]
    public void An_older_document_is_migrated_on_reading()
    {
        var current = SampleJourneys.DocumentNode();

        var read = WithDraftMigration().DeserializeDocument(SampleJourneys.Bytes(DraftDocument(current)));

        Assert.Equal(VersionOneDocuments.Expected(JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(current))), read);
        Assert.Equal("Online store", read.Name);
    }

    [Fact]
    public void An_older_event_is_migrated_when_its_version_is_given()
    {
        var bytes = """{"type":"journey-renamed","title":"Web shop","journeyId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","occurredAt":"2026-10-01T09:00:00Z","actor":"ana","reason":null}"""u8.ToArray();

        var e = Assert.IsType<OutOfDark.Events.JourneyRenamed>(WithDraftMigration().DeserializeEvent(bytes, schemaVersion: 0));

        Assert.Equal("Web shop", e.Name);
    }

    [Fact]
    public void An_older_document_without_a_migration_is_refused_with_advice()
    {
        var ex = Assert.Throws<JourneyFormatException>(() => JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(DraftDocument())));

        Assert.Equal("$.schemaVersion", ex.Path);
        Assert.Contains("no migration from it is registered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_migrations_from_one_version_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new JourneyJsonSerializer(new JourneyJsonOptions { Migrations = { new FromDraft(), new FromDraft() } }));
    }
}
