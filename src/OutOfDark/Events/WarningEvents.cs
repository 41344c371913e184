using NodaTime;
using OutOfDark.Warnings;

namespace OutOfDark.Events;

/// <summary>Someone acknowledged a warning: they have seen it and own it.</summary>
/// <param name="Warning">The warning.</param>
/// <param name="Note">Their note, if any.</param>
public sealed record WarningAcknowledged(WarningKey Warning, string? Note) : JourneyEvent;

/// <summary>Someone snoozed a warning until an instant.</summary>
/// <param name="Warning">The warning.</param>
/// <param name="Until">When it comes back if its condition still holds.</param>
/// <param name="Note">Their note, if any.</param>
public sealed record WarningSnoozed(WarningKey Warning, Instant Until, string? Note) : JourneyEvent;

/// <summary>Someone marked a warning resolved.</summary>
/// <param name="Warning">The warning.</param>
/// <param name="Note">Their note, if any.</param>
public sealed record WarningResolved(WarningKey Warning, string? Note) : JourneyEvent;

/// <summary>Someone reopened a warning they or others had acknowledged, snoozed or resolved.</summary>
/// <param name="Warning">The warning.</param>
/// <param name="Note">Their note, if any.</param>
public sealed record WarningReopened(WarningKey Warning, string? Note) : JourneyEvent;
