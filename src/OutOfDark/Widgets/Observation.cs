using NodaTime;

namespace OutOfDark;

/// <summary>One value of a metric on one date.</summary>
/// <param name="Date">The date the value belongs to.</param>
/// <param name="Value">The value, exact.</param>
public readonly record struct Observation(LocalDate Date, decimal Value);
