using Ardalis.GuardClauses;
using System;

namespace OutOfDark;

/// <summary>
/// Who makes a change: a person (<c>"ana"</c>) or a system feed (<c>"crm-sync"</c>). Every journey command takes one as
/// its first argument, so an actor and a name cannot be swapped without a compile error.
/// </summary>
/// <remarks>
/// <para>There is no conversion from <see cref="string"/>: write <c>new Actor("ana")</c> once and pass it to every
/// command. Events record the name as text (<see cref="Events.JourneyEvent.Actor"/>), so stored histories are unchanged.</para>
/// <para><c>default(Actor)</c> has an empty name and every command refuses it. This type is an immutable value and is
/// thread-safe.</para>
/// </remarks>
public readonly record struct Actor
{
    private readonly string? _name;

    /// <summary>Creates an actor.</summary>
    /// <param name="name">The actor's name as it appears in the history, for example <c>"ana"</c> or <c>"crm-sync"</c>;
    /// at least one visible character (not white space, a format character such as U+200B or a combining mark), and
    /// valid UTF-16 (no lone surrogate).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, has no visible character, or holds a lone surrogate.</exception>
    public Actor(string name)
    {
        Guard.Against.Null(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("An actor's name must not be empty or white space: name who makes the change, for example new Actor(\"ana\").", nameof(name));
        }

        if (!Internal.Text.HasVisibleCharacter(name))
        {
            throw new ArgumentException("An actor's name has no visible character (only white space, format characters such as U+200B or combining marks): name who makes the change, for example new Actor(\"ana\").", nameof(name));
        }

        if (Internal.Text.LoneSurrogateIndex(name) is var at and >= 0)
        {
            throw new ArgumentException($"An actor's name must be valid text; it holds a lone surrogate (U+{(int)name[at]:X4}) at index {at}, which cannot be stored as UTF-8.", nameof(name));
        }

        _name = name;
    }

    /// <summary>The actor's name; empty only for <c>default(Actor)</c>.</summary>
    public string Name => _name ?? "";

    /// <summary>Returns the actor's name.</summary>
    /// <returns>The name, for example <c>ana</c>.</returns>
    public override string ToString() => Name;
}
