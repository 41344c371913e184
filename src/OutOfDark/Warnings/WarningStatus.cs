using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>The latest thing people did with a warning, as the journey recorded it.</summary>
/// <param name="Key">The warning.</param>
/// <param name="Handling">What was done.</param>
/// <param name="By">Who did it.</param>
/// <param name="At">When.</param>
/// <param name="Note">Their note, if any.</param>
/// <param name="SnoozedUntil">Until when it is snoozed, for <see cref="WarningHandling.Snoozed"/>.</param>
public sealed record WarningStatus(WarningKey Key, WarningHandling Handling, string By, Instant At, string? Note, Instant? SnoozedUntil);
