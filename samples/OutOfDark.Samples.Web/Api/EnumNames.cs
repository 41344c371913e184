using System;
using System.Linq;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The one way the web sample reads an enum value from a body member or a query parameter: the value must be exactly
/// one of the enum's names, compared ignoring case (<c>touchpoint</c>, <c>Touchpoint</c>). Numbers (<c>"1"</c>), comma
/// lists (<c>"touchpoint, milestone"</c>), names with spaces around them (<c>" touchpoint"</c>) and an empty text are
/// refused, where <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would read them as another value.
/// </summary>
internal static class EnumNames
{
    /// <summary>
    /// Reads <paramref name="text"/> as one name of <typeparamref name="TEnum"/>, ignoring case.
    /// </summary>
    /// <returns><see langword="true"/> and the value when the text is exactly a name; otherwise <see langword="false"/>.</returns>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is not { } known)
        {
            return false;
        }

        value = Enum.Parse<TEnum>(known);
        return true;
    }

    /// <summary>The names of <typeparamref name="TEnum"/> in lower case, as a list a message can offer: "a, b or c".</summary>
    public static string Choices<TEnum>()
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()).ToArray();
        return names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
