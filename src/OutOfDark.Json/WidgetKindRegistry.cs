using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using OutOfDark.Json;

namespace OutOfDark.Json;

/// <summary>
/// The widget kinds a serializer knows besides the built-in ones (metric, link, description, solution, emotion,
/// feedback). A widget's kind in JSON is decided by this registry and never by a type name found in the input; a kind
/// nobody registered is read as an <see cref="UnknownWidget"/> and written back unchanged.
/// </summary>
/// <remarks>
/// <para>
/// An integrator registers a widget type from their own assembly with the <see cref="JsonTypeInfo{T}"/> of their own
/// source-generated <c>JsonSerializerContext</c>, so that reading and writing need no reflection and stay trimming-safe.
/// The serializer writes <c>kind</c>, <c>id</c> and <c>title</c> itself; the type's other properties follow as the
/// type info writes them. The ids and NodaTime types of OutOfDark can be written with the converters in
/// <see cref="InstantJsonConverter"/> and <see cref="LocalDateJsonConverter"/>.
/// </para>
/// <para>Register every kind before creating the serializer. Not thread-safe while registering; read-only afterwards.</para>
/// </remarks>
public sealed class WidgetKindRegistry
{
    private readonly Dictionary<string, CustomWidgetKind> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, CustomWidgetKind> _byType = [];

    /// <summary>The kind names of the built-in widgets.</summary>
    public static IReadOnlyList<string> BuiltInKinds { get; } = ["metric", "link", "description", "solution", "emotion", "feedback"];

    /// <summary>The kind names registered here, in the order they were registered.</summary>
    public IReadOnlyCollection<string> CustomKinds => _byName.Keys;

    /// <summary>Registers a custom widget kind named by the <see cref="WidgetKindAttribute"/> on <typeparamref name="TWidget"/>.</summary>
    /// <typeparam name="TWidget">The widget type.</typeparam>
    /// <param name="typeInfo">The type's metadata from the integrator's source-generated context.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The type has no <see cref="WidgetKindAttribute"/>, or its kind is invalid or taken.</exception>
    public WidgetKindRegistry Register<TWidget>(JsonTypeInfo<TWidget> typeInfo)
        where TWidget : Widget
    {
        var attribute = typeof(TWidget).GetCustomAttribute<WidgetKindAttribute>()
            ?? throw new ArgumentException($"Widget type {typeof(TWidget).Name} has no [WidgetKind(\"...\")] attribute; add one or pass the kind name explicitly.", nameof(typeInfo));
        return Register(attribute.Name, typeInfo);
    }

    /// <summary>Registers a custom widget kind under an explicit name.</summary>
    /// <typeparam name="TWidget">The widget type.</typeparam>
    /// <param name="kind">The kind name: lower-case letters, digits, '.', '-' or '_', starting with a letter, at most 100 characters.</param>
    /// <param name="typeInfo">The type's metadata from the integrator's source-generated context.</param>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The kind name is invalid or taken, or the type is already registered.</exception>
    public WidgetKindRegistry Register<TWidget>(string kind, JsonTypeInfo<TWidget> typeInfo)
        where TWidget : Widget
    {
        Guard.Against.Null(kind);
        Guard.Against.Null(typeInfo);
        if (!IsValidKindName(kind))
        {
            throw new ArgumentException($"'{kind}' is not a valid widget kind name: use lower-case letters, digits, '.', '-' and '_', starting with a letter, at most 100 characters (for example 'crm.case-stats').", nameof(kind));
        }

        if (((IList<string>)BuiltInKinds).Contains(kind) || _byName.ContainsKey(kind))
        {
            throw new ArgumentException($"The widget kind '{kind}' is already taken{(_byName.ContainsKey(kind) ? "" : " by a built-in widget")}.", nameof(kind));
        }

        if (typeof(TWidget).IsAbstract || typeof(TWidget) == typeof(UnknownWidget) || typeof(TWidget).Assembly == typeof(Widget).Assembly)
        {
            throw new ArgumentException($"{typeof(TWidget).Name} cannot be registered: register a concrete widget type of your own.", nameof(typeInfo));
        }

        if (_byType.ContainsKey(typeof(TWidget)))
        {
            throw new ArgumentException($"{typeof(TWidget).Name} is already registered as '{_byType[typeof(TWidget)].Kind}'.", nameof(typeInfo));
        }

        var entry = new CustomWidgetKind<TWidget>(kind, typeInfo);
        _byName.Add(kind, entry);
        _byType.Add(typeof(TWidget), entry);
        return this;
    }

    /// <summary>Whether a kind name is built in or registered here.</summary>
    /// <param name="kind">The kind name.</param>
    /// <returns><see langword="true"/> when the serializer reads that kind as a typed widget.</returns>
    public bool IsKnown(string kind) => ((IList<string>)BuiltInKinds).Contains(kind) || _byName.ContainsKey(kind);

    /// <summary>Whether <paramref name="kind"/> is a well-formed kind name.</summary>
    /// <param name="kind">The text.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidKindName(string? kind)
    {
        if (string.IsNullOrEmpty(kind) || kind.Length > 100 || kind[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in kind)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    internal CustomWidgetKind? Find(string kind) => _byName.GetValueOrDefault(kind);

    internal CustomWidgetKind? Find(Type type) => _byType.GetValueOrDefault(type);

    internal WidgetKindRegistry Copy()
    {
        var copy = new WidgetKindRegistry();
        foreach (var (name, entry) in _byName)
        {
            copy._byName.Add(name, entry);
            copy._byType.Add(entry.Type, entry);
        }

        return copy;
    }
}
