using System;

namespace OutOfDark.Internal;

/// <summary>Checks on text the model stores.</summary>
internal static class Text
{
    /// <summary>The index of the first lone surrogate (text that cannot be encoded as UTF-8), or -1 when there is none.</summary>
    public static int LoneSurrogateIndex(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
