using System;
using System.Collections.Generic;
using OutOfDark.Warnings;

namespace OutOfDark.Rendering;

/// <summary>Warnings grouped by the subject they flag.</summary>
internal sealed class WarningIndex
{
    private readonly Dictionary<Guid, List<Warning>> _bySubject = [];

    public WarningIndex(IReadOnlyList<Warning> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        foreach (var warning in warnings)
        {
            ArgumentNullException.ThrowIfNull(warning, nameof(warnings));
            if (!_bySubject.TryGetValue(warning.Key.Subject.Id, out var list))
            {
                _bySubject[warning.Key.Subject.Id] = list = [];
            }

            list.Add(warning);
        }
    }

    /// <summary>The warnings of both inputs in order, each key once; null entries are refused naming the input.</summary>
    public static IReadOnlyList<Warning> Merge(IReadOnlyCollection<Warning> warnings, IReadOnlyCollection<WarningViewItem>? view)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        if (view is null or { Count: 0 })
        {
            return warnings as IReadOnlyList<Warning> ?? [.. warnings];
        }

        var merged = new List<Warning>(warnings.Count + view.Count);
        var seen = new HashSet<WarningKey>();
        foreach (var warning in warnings)
        {
            ArgumentNullException.ThrowIfNull(warning, nameof(warnings));
            if (seen.Add(warning.Key))
            {
                merged.Add(warning);
            }
        }

        foreach (var item in view)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(view));
            if (seen.Add(item.Key))
            {
                merged.Add(item.Warning);
            }
        }

        return merged;
    }

    public IReadOnlyList<Warning> For(Guid subject) => _bySubject.TryGetValue(subject, out var list) ? list : [];

    public static WarningSeverity Worst(IReadOnlyList<Warning> warnings)
    {
        var worst = WarningSeverity.Info;
        foreach (var warning in warnings)
        {
            if (warning.Severity > worst)
            {
                worst = warning.Severity;
            }
        }

        return worst;
    }
}
