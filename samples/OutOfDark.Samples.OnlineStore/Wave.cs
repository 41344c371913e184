using System;

namespace OutOfDark.Samples.OnlineStore;

/// <summary>Deterministic ups and downs for the sample's metrics: a weekly rhythm plus stable pseudo-random noise.</summary>
internal static class Wave
{
    /// <summary>A value between -1 and 1 that repeats every seven days.</summary>
    public static decimal Weekly(int day) => (decimal)Math.Sin(2 * Math.PI * day / 7.0);

    /// <summary>A stable pseudo-random value between -1 and 1 for a key and a day (FNV-1a; the same on every machine).</summary>
    public static decimal Noise(string key, int day)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash = (hash ^ (uint)day) * 16777619u;
        hash ^= hash >> 13;
        hash *= 0x5bd1e995u;
        hash ^= hash >> 15;
        return ((hash % 2001u) / 1000m) - 1m;
    }

    /// <summary>Rounds to a number of decimals and keeps the value inside a range.</summary>
    public static decimal Round(decimal value, int decimals, decimal min, decimal max) =>
        Math.Round(Math.Clamp(value, min, max), decimals, MidpointRounding.AwayFromZero);
}
