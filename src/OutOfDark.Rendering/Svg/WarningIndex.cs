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
