using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using OutOfDark.Warnings;

namespace OutOfDark.Rendering;

/// <summary>Warnings grouped by the subject they flag; a metric's warnings under the activity the metric sits on, so its badge counts them.</summary>
internal sealed class WarningIndex
{
    private readonly Dictionary<Guid, List<Warning>> _bySubject = [];

    public WarningIndex(Journey journey, IReadOnlyList<Warning> warnings)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(warnings);
        foreach (var warning in warnings)
        {
            Guard.Against.Null(warning, nameof(warnings));
            var subject = warning.Key.Subject;
            var id = subject.Kind == SubjectKind.Metric && journey.FindActivityOf(subject) is { } activity ? activity.Id.Value : subject.Id;
            if (!_bySubject.TryGetValue(id, out var list))
            {
                _bySubject[id] = list = [];
            }

            list.Add(warning);
        }
    }

    /// <summary>The warnings of both inputs in order, each key once; null entries are refused naming the input.</summary>
    public static IReadOnlyList<Warning> Merge(IReadOnlyCollection<Warning> warnings, IReadOnlyCollection<WarningViewItem>? view)
    {
        Guard.Against.Null(warnings);
        if (view is null or { Count: 0 })
        {
            return warnings as IReadOnlyList<Warning> ?? [.. warnings];
        }

        var merged = new List<Warning>(warnings.Count + view.Count);
        var seen = new HashSet<WarningKey>();
        foreach (var warning in warnings)
        {
            Guard.Against.Null(warning, nameof(warnings));
            if (seen.Add(warning.Key))
            {
                merged.Add(warning);
            }
        }

        foreach (var item in view)
        {
            Guard.Against.Null(item, nameof(view));
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
