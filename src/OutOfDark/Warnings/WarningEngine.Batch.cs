using System;
using System.Collections.Generic;
using NodaTime;

namespace OutOfDark.Warnings;

/// <content>
/// An evaluation's results before they are applied (<see cref="Batch"/>), and the kept warnings by their place in a full
/// evaluation's order (<see cref="KeptPositions"/>), which let a repeat full evaluation skip unchanged warnings.
/// </content>
public sealed partial class WarningEngine
{
    /// <summary>What one evaluation found, in the order it checked; applied to the kept tables by <see cref="Commit"/>.</summary>
    private sealed class Batch(bool full, int capacity)
    {
        public bool IsFull { get; } = full;

        public int Checks { get; set; }

        /// <summary>
        /// Checks of a full evaluation that handed back the warning kept at their place (<see cref="KeptAt"/>): counted,
        /// not recorded, since applying them changes nothing.
        /// </summary>
        public int Unchanged { get; set; }

        /// <summary>The kept warnings by place while a full evaluation can trust them (see <see cref="KeptPositions"/>); else <see langword="null"/>.</summary>
        public Warning?[]? KeptAt { get; set; }

        /// <summary>How many places the full evaluation's activity and KPI checks took.</summary>
        public int Positions { get; set; }

        /// <summary>Where in a full evaluation's order the current check is; <see cref="int.MaxValue"/> outside the activity and KPI loops.</summary>
        public int Position { get; set; } = int.MaxValue;

        public List<(Slot Slot, Warning? Warning, RuleFailure? Failure, ResultKind Kind, int Position)> Results { get; } = new(capacity);

        public List<(Slot Slot, Instant Due)> Due { get; } = [];

        /// <summary>The place of each entry of <see cref="Due"/> in a full evaluation's order (<see cref="Position"/>).</summary>
        public List<int> DuePositions { get; } = [];

        /// <summary>
        /// The recheck instants the previous full evaluation queued, with their places, while this one finds the same:
        /// a full evaluation over the same places (the journey's version unchanged) counts each recheck that equals the
        /// next of them instead of recording it. <see langword="null"/> when not matching.
        /// </summary>
        private List<(Slot Slot, Instant Due)>? _expectedDue;
        private List<int>? _expectedPositions;

        /// <summary>How many of the expected recheck instants this evaluation found in turn; -1 once it found another (then <see cref="Due"/> holds them all).</summary>
        private int _dueMatched = -1;

        /// <summary>Starts counting rechecks against the previous full evaluation's (same places, queue unchanged since).</summary>
        public void ExpectDue(List<(Slot Slot, Instant Due)> due, List<int> positions)
        {
            (_expectedDue, _expectedPositions, _dueMatched) = (due, positions, 0);
        }

        /// <summary>A recheck instant for the check at the current place.</summary>
        public void AddDue(Slot slot, Instant due)
        {
            if (_dueMatched >= 0)
            {
                var expected = _expectedDue!;
                var matched = _dueMatched;
                if (matched < expected.Count && expected[matched].Due == due)
                {
                    var place = _expectedPositions![matched];
                    if (place == Position && (place != int.MaxValue || expected[matched].Slot == slot))
                    {
                        // The same place (so the same rule and subject), or outside the places the same slot: as queued.
                        _dueMatched = matched + 1;
                        return;
                    }
                }

                StopMatching();
            }

            Due.Add((slot, due));
            DuePositions.Add(Position);
        }

        /// <summary>
        /// Whether the evaluation found exactly the recheck instants it was matched against; otherwise (and when it was not
        /// matching) <see cref="Due"/> and <see cref="DuePositions"/> hold all it found.
        /// </summary>
        public bool FoundExpectedDue()
        {
            if (_dueMatched < 0)
            {
                return false;
            }

            if (_dueMatched == _expectedDue!.Count)
            {
                return true;
            }

            StopMatching();
            return false;
        }

        /// <summary>Records the rechecks matched so far, in their order, and stops matching.</summary>
        private void StopMatching()
        {
            var expected = _expectedDue!;
            var positions = _expectedPositions!;
            Due.InsertRange(0, expected.GetRange(0, _dueMatched));
            DuePositions.InsertRange(0, positions.GetRange(0, _dueMatched));
            _dueMatched = -1;
        }

        public void Reset()
        {
            DuePositions.Clear();
            (_expectedDue, _expectedPositions, _dueMatched) = (null, null, -1);
            Checks = 0;
            Unchanged = 0;
            Positions = 0;
            KeptAt = null;
            Position = int.MaxValue;
            Results.Clear();
            Due.Clear();
        }

        public void Add(Slot slot, Warning? warning, RuleFailure? failure)
        {
            // A full evaluation needs no "no warning" results: what it does not report is cleared. Where a kept warning
            // sits at the place, it is reported all the same, so that the place's entry is brought up to date.
            if (warning is not null || failure is not null || !IsFull || HasKeptHere())
            {
                Results.Add((slot, warning, failure, ResultKind.Evaluated, Position));
            }
        }

        public void Keep(Slot slot, Warning kept) => Results.Add((slot, kept, null, ResultKind.Kept, Position));

        public void Forget(Slot slot) => Results.Add((slot, null, null, ResultKind.Forget, Position));

        /// <summary>Whether the current place holds the kept warning <paramref name="warning"/>: the check changed nothing.</summary>
        public bool IsKeptHere(Warning warning) =>
            KeptAt is { } kept && (uint)Position < (uint)kept.Length && ReferenceEquals(kept[Position], warning);

        /// <summary>Whether a warning is kept at the current place of a full evaluation that reads them by place.</summary>
        public bool HasKeptHere() => KeptAt is { } kept && (uint)Position < (uint)kept.Length && kept[Position] is not null;
    }

    /// <summary>
    /// The kept warnings by their place in a full evaluation's order (activity by activity, its rules, then its metrics'
    /// rules; then the KPIs): <see langword="null"/> where the table keeps none. While the journey's version is the one it
    /// was built for and the kept table has changed only through full evaluations that brought it up to date, each place
    /// holds the same rule and subject as then, so a repeat full evaluation reads a kept warning by place instead of
    /// hashing its rule and subject, and an unchanged one is a reference compare.
    /// </summary>
    private sealed class KeptPositions
    {
        /// <summary>The entries; only the first <see cref="Count"/> are places.</summary>
        public Warning?[] Items { get; private set; } = [];

        /// <summary>How many places the evaluation that built it had.</summary>
        public int Count { get; private set; }

        /// <summary>Whether it matches the kept table.</summary>
        public bool IsValid { get; private set; }

        /// <summary>The journey version of the activity order its places count in.</summary>
        public long BuiltFor { get; private set; } = -1;

        /// <summary>Makes it unusable until rebuilt: the kept table changed outside a full evaluation.</summary>
        public void Invalidate() => IsValid = false;

        /// <summary>Rebuilds it from a full evaluation's results (every kept and reported warning with its place) and the table they were applied to.</summary>
        public void Rebuild(Batch batch, Dictionary<Slot, Warning> warnings, long activitiesVersion)
        {
            var count = batch.Positions;
            if (Items.Length != count)
            {
                Items = new Warning?[count];
            }
            else
            {
                Array.Clear(Items);
            }

            Count = count;
            foreach (var (slot, warning, _, kind, position) in batch.Results)
            {
                if ((uint)position < (uint)count)
                {
                    Items[position] = kind == ResultKind.Kept ? warning : warnings.GetValueOrDefault(slot);
                }
            }

            BuiltFor = activitiesVersion;
            IsValid = true;
        }

        /// <summary>Brings the places a full evaluation that read it reported up to date with the table they were applied to.</summary>
        public void Update(Batch batch, Dictionary<Slot, Warning> warnings)
        {
            foreach (var (slot, _, _, _, position) in batch.Results)
            {
                if ((uint)position < (uint)Count)
                {
                    Items[position] = warnings.GetValueOrDefault(slot);
                }
            }
        }
    }
}
