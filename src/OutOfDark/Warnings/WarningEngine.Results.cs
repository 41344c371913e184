using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using NodaTime;

namespace OutOfDark.Warnings;

/// <content>Results: applying an evaluation to the kept warnings (diffing, episodes, the recheck queue) and notifying observers.</content>
public sealed partial class WarningEngine
{
    private WarningEvaluation Commit(Batch batch, Instant now)
    {
        List<Warning>? raised = null, cleared = null;
        List<(Warning Before, Warning After)>? changed = null;
        List<RuleFailure>? failed = null;

        // Both kinds of evaluation change the kept table in place. A full one also clears what it did not see again: it
        // counts the kept warnings it saw, and only when some are missing looks for them.
        var warnings = _warnings;
        var keptBefore = warnings.Count;
        var seen = batch.Unchanged;
        var failures = batch.IsFull && _failures.Count > 0 ? new Dictionary<Slot, RuleFailure>() : _failures;
        if (batch.IsFull)
        {
            // A first evaluation fills the table once instead of growing it by doubling.
            warnings.EnsureCapacity(batch.Results.Count);
        }

        foreach (var (slot, warning, failure, kind, _) in batch.Results)
        {
            if (kind == ResultKind.Kept)
            {
                seen++;
                if (!batch.IsFull && failures.Count > 0)
                {
                    failures.Remove(slot);
                }

                continue;
            }

            var previous = warnings.GetValueOrDefault(slot);
            if (kind == ResultKind.Forget)
            {
                if (previous is not null && warnings.Remove(slot))
                {
                    (cleared ??= []).Add(previous);
                }

                failures.Remove(slot);
                _episodeStarts.Remove(slot);
                _cleared.Remove(slot);
                continue;
            }

            if (previous is not null)
            {
                seen++;
            }

            if (failure is not null)
            {
                // Keep what the rule said last time rather than flap on a failure.
                failures[slot] = failure;
                (failed ??= []).Add(failure);
                continue;
            }

            if (!batch.IsFull)
            {
                failures.Remove(slot);
            }

            if (warning is null)
            {
                if (previous is not null)
                {
                    warnings.Remove(slot);
                    (cleared ??= []).Add(previous);
                    SeenClear(slot, previous, now);
                }

                continue;
            }

            if (previous is null)
            {
                var raisedAt = now;
                if (_cleared.Remove(slot, out var gone) && now - gone.At <= _options.AcknowledgementCarryOver && warning.Severity <= gone.Severity)
                {
                    // Raised again within the carry-over window: the episode it cleared from continues, statuses included.
                    if (gone.EpisodeStart is { } start)
                    {
                        _episodeStarts[slot] = start;
                    }
                    else
                    {
                        _episodeStarts.Remove(slot);
                    }

                    raisedAt = gone.RaisedAt;
                }
                else if (_episodeStarts.ContainsKey(slot))
                {
                    // This engine saw it clear: a new episode begins, so older statuses no longer apply.
                    _episodeStarts[slot] = now;
                }

                var fresh = warning.RaisedAt == raisedAt ? warning : warning with { RaisedAt = raisedAt };
                warnings[slot] = fresh;
                (raised ??= []).Add(fresh);
            }
            else if (!ReferenceEquals(previous, warning) && !previous.SaysSameAs(warning))
            {
                var escalated = warning.Severity > previous.Severity;
                if (escalated)
                {
                    _episodeStarts[slot] = now;
                }

                var next = warning with { RaisedAt = escalated ? now : previous.RaisedAt };
                warnings[slot] = next;
                (changed ??= []).Add((previous, next));
            }
        }

        if (batch.IsFull)
        {
            if (seen < keptBefore)
            {
                ClearUnseen(batch, cleared ??= [], now);
            }

            _failures = failures;
            if (batch.FoundExpectedDue())
            {
                // Every recheck as queued, place by place: the queue stands.
            }
            else if (!_dueChanged && SameDue(batch.Due, _fullDue))
            {
                // The same rechecks, found over other places (the journey changed): the queue stands, at these places.
                _fullDuePositions.Clear();
                _fullDuePositions.AddRange(batch.DuePositions);
                _fullDueBuiltFor = _activitiesVersion;
            }
            else
            {
                _dueSinceFull.Clear();
                _due.Clear();
                _due.EnqueueRange(batch.Due);
                _dueAfterFull = _due.Count;
                _fullDue.Clear();
                _fullDue.AddRange(batch.Due);
                _fullDuePositions.Clear();
                _fullDuePositions.AddRange(batch.DuePositions);
                _fullDueBuiltFor = _activitiesVersion;
                _dueChanged = false;
            }

            _needsFull = false;
        }
        else
        {
            foreach (var (slot, due) in batch.Due)
            {
                QueueRecheck(slot, due);
            }

            CompactDueQueue();
        }

        if (batch.IsFull)
        {
            if (batch.KeptAt is null)
            {
                _keptPositions.Rebuild(batch, _warnings, _activitiesVersion);
            }
            else if (raised is not null || changed is not null || cleared is not null)
            {
                _keptPositions.Update(batch, _warnings);
            }
        }
        else if (raised is not null || changed is not null || cleared is not null)
        {
            _keptPositions.Invalidate();
        }

        _evaluatedVersion = _journey.Version;
        Notify(raised, changed, cleared, failed);
        return new WarningEvaluation(batch.IsFull, batch.Checks, raised?.Count ?? 0, changed?.Count ?? 0, cleared?.Count ?? 0, failed?.Count ?? 0);
    }

    /// <summary>Marks a warning seen clear: raised again, it begins a new episode — unless within the carry-over window.</summary>
    private void SeenClear(Slot slot, Warning previous, Instant now)
    {
        if (_options.AcknowledgementCarryOver > Duration.Zero)
        {
            if (_cleared.Count > 4096)
            {
                PruneCleared(now);
            }

            _cleared[slot] = new Cleared(now, _episodeStarts.TryGetValue(slot, out var start) ? start : null, previous.RaisedAt, previous.Severity);
        }

        _episodeStarts[slot] = Instant.MaxValue;
    }

    private void PruneCleared(Instant now)
    {
        List<Slot>? old = null;
        foreach (var (slot, gone) in _cleared)
        {
            if (now - gone.At > _options.AcknowledgementCarryOver)
            {
                (old ??= []).Add(slot);
            }
        }

        foreach (var slot in old ?? [])
        {
            _cleared.Remove(slot);
        }
    }

    /// <summary>Whether a full evaluation found the same recheck instants, in the same order, as the one that built the queue.</summary>
    private static bool SameDue(List<(Slot Slot, Instant Due)> found, List<(Slot Slot, Instant Due)> queued)
    {
        if (found.Count != queued.Count)
        {
            return false;
        }

        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Due != queued[i].Due || found[i].Slot != queued[i].Slot)
            {
                return false;
            }
        }

        return true;
    }

    private void ClearUnseen(Batch batch, List<Warning> cleared, Instant now)
    {
        // A full evaluation reports every subject it checked that raised or failed; a kept warning it did not report
        // no longer holds (or its subject is gone).
        var reported = new HashSet<Slot>(batch.Results.Count + batch.Unchanged);
        foreach (var result in batch.Results)
        {
            reported.Add(result.Slot);
        }

        // Read by place, every kept warning with a place was either handed back unchanged or reported.
        foreach (var kept in batch.KeptAt ?? [])
        {
            if (kept is not null)
            {
                reported.Add(new Slot(_ruleIndex[kept.Key.Rule], kept.Key.Subject));
            }
        }

        List<Slot>? gone = null;
        foreach (var (slot, previous) in _warnings)
        {
            if (!reported.Contains(slot))
            {
                (gone ??= []).Add(slot);
                cleared.Add(previous);
                SeenClear(slot, previous, now);
            }
        }

        foreach (var slot in gone ?? [])
        {
            _warnings.Remove(slot);
        }
    }

    /// <summary>
    /// Records a recheck instant an incremental evaluation found. A slot whose queued entry comes no later than the new
    /// instant keeps that entry as a placeholder: when it comes due, the latest instant is queued in its place. So a
    /// subject whose recheck keeps moving later (a metric observed every day) costs a table update, not a heap insert
    /// per evaluation, and the queue holds about one entry per subject.
    /// </summary>
    private void QueueRecheck(Slot slot, Instant due)
    {
        _dueChanged = true;
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_dueSinceFull, slot, out var exists);
        if (exists && entry.Queued != NotQueued && entry.Queued <= due)
        {
            entry.Due = due;
            return;
        }

        entry = (due, due);
        _due.Enqueue(slot, due);
    }

    private void CompactDueQueue()
    {
        // Re-checks superseded by later evaluations stay queued until they come due; rebuild when they pile up.
        if (_due.Count <= (2 * (_dueAfterFull + _dueSinceFull.Count)) + 1024)
        {
            return;
        }

        var live = new List<(Slot, Instant)>(_due.Count);
        foreach (var (slot, due) in _due.UnorderedItems)
        {
            if (!_dueSinceFull.TryGetValue(slot, out var current) || current.Due == due || current.Queued == due)
            {
                live.Add((slot, due));
            }
        }

        _due = new PriorityQueue<Slot, Instant>(live);
        _dueAfterFull = _due.Count - _dueSinceFull.Count;
    }

    private void Notify(List<Warning>? raised, List<(Warning Before, Warning After)>? changed, List<Warning>? cleared, List<RuleFailure>? failed)
    {
        if (_observers.Count == 0 || (raised is null && changed is null && cleared is null && failed is null))
        {
            return;
        }

        List<Exception>? errors = null;
        foreach (var observer in _observers.ToArray())
        {
            try
            {
                foreach (var w in raised ?? [])
                {
                    observer.OnRaised(w);
                }

                foreach (var (before, after) in changed ?? [])
                {
                    observer.OnChanged(before, after);
                }

                foreach (var w in cleared ?? [])
                {
                    observer.OnCleared(w);
                }

                foreach (var f in failed ?? [])
                {
                    observer.OnRuleFailed(f);
                }
            }
            catch (Exception ex)
            {
                (errors ??= []).Add(ex);
            }
        }

        if (errors is not null)
        {
            throw new AggregateException("One or more warning observers failed; the warnings were updated and every observer was called.", errors);
        }
    }
}
