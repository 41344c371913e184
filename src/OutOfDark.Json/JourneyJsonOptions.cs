using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;

namespace OutOfDark.Json;

/// <summary>Settings of a <see cref="JourneyJsonSerializer"/>: the widget kinds it knows, its limits, its layout and its migrations.</summary>
/// <remarks>Set everything before creating the serializer; the serializer copies what it needs and never reads the options again.</remarks>
public sealed class JourneyJsonOptions
{
    /// <summary>The default <see cref="MaxDepth"/>: 64 levels of nesting.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The default <see cref="MaxDocumentBytes"/>: 256 MiB.</summary>
    public const long DefaultMaxDocumentBytes = 256L * 1024 * 1024;

    /// <summary>The widget kinds besides the built-in ones. Register custom kinds here.</summary>
    public WidgetKindRegistry WidgetKinds { get; init; } = new();

    /// <summary>The settings type of each warning rule: the built-in rules' from the start. Register the settings of your own rules here.</summary>
    public RuleSettingsRegistry RuleSettings { get; init; } = new();

    /// <summary>The deepest nesting of objects and arrays a document may have. A journey document needs about 8.</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>The largest document, in UTF-8 bytes, the reader accepts.</summary>
    public long MaxDocumentBytes { get; init; } = DefaultMaxDocumentBytes;

    /// <summary>Whether to write indented, human-friendly JSON. Compact by default.</summary>
    public bool WriteIndented { get; init; }

    /// <summary>
    /// The migrations that lift documents and event streams written with an older <c>schemaVersion</c> to the current
    /// one. The reader applies them in order of <see cref="IJourneyJsonMigration.FromVersion"/>. OutOfDark's own
    /// migrations (<see cref="JourneyJsonMigrationV1ToV2"/>) are always applied and need no registration.
    /// </summary>
    public IList<IJourneyJsonMigration> Migrations { get; init; } = new List<IJourneyJsonMigration>();

    internal void Check()
    {
        Guard.Against.OutOfRange(MaxDepth, nameof(MaxDepth), 8, 1000, "MaxDepth must be between 8 and 1000: a journey document nests about 8 levels deep.");
        Guard.Against.OutOfRange(MaxDocumentBytes, nameof(MaxDocumentBytes), 1024L, int.MaxValue, $"MaxDocumentBytes must be between 1 KiB and {int.MaxValue} bytes.");
        Guard.Against.Null(WidgetKinds);
        Guard.Against.Null(RuleSettings);
        Guard.Against.Null(Migrations);
    }
}
