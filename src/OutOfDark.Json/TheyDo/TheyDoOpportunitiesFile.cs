namespace OutOfDark.Json.TheyDo;

/// <summary>A TheyDo opportunities file (<c>THEYDO_OPPORTUNITIES_V1</c>).</summary>
/// <remarks>Immutable and thread-safe. Read and write it with <see cref="TheyDoJson"/>.</remarks>
/// <param name="Opportunities">The opportunities, in file order.</param>
public sealed record TheyDoOpportunitiesFile(ValueList<TheyDoOpportunity> Opportunities)
{
    /// <summary>The value of the file's <c>format</c> member.</summary>
    public const string Format = "THEYDO_OPPORTUNITIES_V1";
}

/// <summary>One opportunity of a TheyDo opportunities file. TheyDo's file carries no scores.</summary>
/// <remarks>Immutable and thread-safe. Optional members are <see langword="null"/> when absent or null in the file.</remarks>
/// <param name="ImportKey">The opportunity's identifier in the file.</param>
/// <param name="Title">Its title.</param>
public sealed record TheyDoOpportunity(string ImportKey, string Title)
{
    /// <summary>A markdown description.</summary>
    public string? Description { get; init; }

    /// <summary>The status, free text in TheyDo.</summary>
    public string? Status { get; init; }

    /// <summary>The type, free text in TheyDo.</summary>
    public string? Type { get; init; }

    /// <summary>Links to other systems (free text).</summary>
    public ValueList<string>? ExternalLinks { get; init; }

    /// <summary>Tags.</summary>
    public ValueList<string>? Tags { get; init; }

    /// <summary>TheyDo groups.</summary>
    public ValueList<string>? Groups { get; init; }

    /// <summary>Tags in tag groups.</summary>
    public ValueList<TheyDoGroupTag>? GroupTags { get; init; }

    /// <summary>The owner's e-mail address.</summary>
    public string? OwnerEmail { get; init; }
}
