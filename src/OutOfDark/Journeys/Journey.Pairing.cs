using System.Collections.Generic;
using System.Linq;
using OutOfDark.Events;

namespace OutOfDark;

/// <summary>The journey's as-is / to-be pairing: commands, rules and state, kept apart from the rest of the journey.</summary>
public sealed partial class Journey
{
    private JourneyId? _counterpart;
    private readonly List<ActivityMatch> _matches = [];

    /// <summary>The journey's pairing with its as-is or to-be counterpart, or <see langword="null"/> when unpaired.</summary>
    public JourneyPairing? Pairing => _counterpart is { } counterpart ? new JourneyPairing(counterpart, ValueList<ActivityMatch>.From(_matches)) : null;

    /// <summary>
    /// Pairs the journey with its counterpart: the to-be journey of this as-is one, or the other way round. Pairing with
    /// another journey than the current counterpart drops every activity match, each recorded first as its own
    /// <see cref="ActivityUnmatched"/> event so the history names it. Either journey of a pair may hold the pairing (or
    /// both); <see cref="Comparison.JourneyComparison.Compare"/> reads it from either.
    /// </summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="counterpart">The other journey, in the same workspace (checked when the two are compared).</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException"><c>invalid-pairing</c>: the counterpart is this journey;
    /// <c>invalid-value</c>: it is <c>default(JourneyId)</c>.</exception>
    public void PairWith(Actor actor, JourneyId counterpart, string? reason = null)
    {
        if (_counterpart != counterpart)
        {
            // Check the pairing before dropping any match, so that a refused pairing leaves the journey as it was.
            ValidatePairingEvent(new JourneyPaired(counterpart));
            DropMatches(actor, reason);
            Raise(new JourneyPaired(counterpart), actor, reason);
        }
    }

    /// <summary>
    /// Removes the journey's pairing and every activity match, each match recorded first as its own
    /// <see cref="ActivityUnmatched"/> event. Does nothing when the journey is not paired.
    /// </summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="reason">Why, if worth recording.</param>
    public void Unpair(Actor actor, string? reason = null)
    {
        if (_counterpart is not null)
        {
            DropMatches(actor, reason);
            Raise(new JourneyUnpaired(), actor, reason);
        }
    }

    private void DropMatches(Actor actor, string? reason)
    {
        foreach (var match in _matches.ToArray())
        {
            Raise(new ActivityUnmatched(match.Activity), actor, reason);
        }
    }

    /// <summary>
    /// Matches one of the journey's activities with an activity of the paired journey (the same step before and after
    /// the change), replacing the activity's earlier match (the event records the counterpart it replaces). Matches are
    /// one to one, and the counterpart is never an activity of this journey.
    /// </summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="activityId">The activity of this journey.</param>
    /// <param name="counterpartActivity">The activity of the paired journey.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException"><c>invalid-pairing</c>: the journey is not paired, or another activity is
    /// already matched with <paramref name="counterpartActivity"/>, or <paramref name="counterpartActivity"/> is an activity
    /// of this journey; <c>unknown-activity</c>: this journey has no such
    /// activity; <c>invalid-value</c>: the counterpart activity is <c>default(ActivityId)</c>.</exception>
    public void MatchActivity(Actor actor, ActivityId activityId, ActivityId counterpartActivity, string? reason = null)
    {
        if (!_matches.Contains(new ActivityMatch(activityId, counterpartActivity)))
        {
            Raise(new ActivityMatched(activityId, counterpartActivity, CurrentMatch(activityId)), actor, reason);
        }
    }

    /// <summary>Removes an activity's match with the paired journey.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="activityId">The activity of this journey.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException"><c>invalid-pairing</c>: the activity has no match.</exception>
    public void UnmatchActivity(Actor actor, ActivityId activityId, string? reason = null) =>
        Raise(new ActivityUnmatched(activityId), actor, reason);

    private void ValidatePairingEvent(JourneyEvent e)
    {
        switch (e)
        {
            case JourneyPaired x:
                RequireNotEmpty(x.Counterpart.Value, "paired journey", nameof(JourneyId));
                if (x.Counterpart == Id)
                {
                    throw new JourneyRuleException(JourneyRules.InvalidPairing, $"Journey '{Name}' cannot be paired with itself: pair an as-is journey with a different, to-be journey of the same workspace.", Id);
                }

                break;
            case JourneyUnpaired:
                if (_counterpart is null)
                {
                    throw new JourneyRuleException(JourneyRules.InvalidPairing, $"Journey '{Name}' is not paired, so there is no pairing to remove.", Id);
                }

                break;
            case ActivityMatched x:
                ValidateMatch(x.ActivityId, x.Counterpart);
                if (x.Previous != CurrentMatch(x.ActivityId))
                {
                    throw new JourneyRuleException(JourneyRules.InvalidPairing, $"The match event of activity '{_activities[x.ActivityId].Name}' ({x.ActivityId}) gives its previous counterpart as {Describe(x.Previous)}, but the activity's match is {Describe(CurrentMatch(x.ActivityId))}; the event does not follow from this journey's history.", x.ActivityId);
                }

                break;
            case ActivityUnmatched x:
                if (_matches.FindIndex(m => m.Activity == x.ActivityId) < 0)
                {
                    throw new JourneyRuleException(JourneyRules.InvalidPairing, $"Activity {(_activities.TryGetValue(x.ActivityId, out var a) ? $"'{a.Name}' " : "")}({x.ActivityId}) is not matched with an activity of the paired journey.", x.ActivityId);
                }

                break;
        }
    }

    private void ValidateMatch(ActivityId activityId, ActivityId counterpartActivity)
    {
        if (_counterpart is null)
        {
            throw new JourneyRuleException(JourneyRules.InvalidPairing, $"Journey '{Name}' is not paired: call PairWith(actor, counterpartJourneyId) before matching its activities.", Id);
        }

        RequireActivity(activityId);
        RequireNotEmpty(counterpartActivity.Value, "counterpart activity", nameof(ActivityId));
        if (_activities.TryGetValue(counterpartActivity, out var own))
        {
            throw new JourneyRuleException(JourneyRules.InvalidPairing, $"Activity '{_activities[activityId].Name}' ({activityId}) cannot be matched with '{own.Name}' ({counterpartActivity}), an activity of the same journey: match it with an activity of the paired journey {_counterpart}.", activityId, counterpartActivity);
        }

        var other = _matches.FindIndex(m => m.Counterpart == counterpartActivity && m.Activity != activityId);
        if (other >= 0)
        {
            var holder = _matches[other].Activity;
            throw new JourneyRuleException(JourneyRules.InvalidPairing, $"Activity {counterpartActivity} of the paired journey is already matched with '{_activities[holder].Name}' ({holder}); matches are one to one, so unmatch that activity first.", counterpartActivity, holder);
        }
    }

    private void MutatePairingEvent(JourneyEvent e)
    {
        switch (e)
        {
            case JourneyPaired x:
                _counterpart = x.Counterpart;
                _matches.Clear();
                break;
            case JourneyUnpaired:
                _counterpart = null;
                _matches.Clear();
                break;
            case ActivityMatched x:
                {
                    var index = _matches.FindIndex(m => m.Activity == x.ActivityId);
                    if (index >= 0)
                    {
                        _matches[index] = new ActivityMatch(x.ActivityId, x.Counterpart);
                    }
                    else
                    {
                        _matches.Add(new ActivityMatch(x.ActivityId, x.Counterpart));
                    }

                    break;
                }

            case ActivityUnmatched x:
                _matches.RemoveAll(m => m.Activity == x.ActivityId);
                break;
        }
    }

    /// <summary>The counterpart the activity is matched with, or <see langword="null"/>.</summary>
    private ActivityId? CurrentMatch(ActivityId activityId)
    {
        var index = _matches.FindIndex(m => m.Activity == activityId);
        return index >= 0 ? _matches[index].Counterpart : null;
    }

    private static string Describe(ActivityId? counterpart) => counterpart?.ToString() ?? "none";

    /// <summary>An activity id that is the counterpart of a match would let the journey match its own activities.</summary>
    private void RequireNotMatchedCounterpart(ActivityId id)
    {
        var index = _matches.FindIndex(m => m.Counterpart == id);
        if (index >= 0)
        {
            var holder = _matches[index].Activity;
            throw new JourneyRuleException(JourneyRules.InvalidPairing, $"Activity id {id} belongs to the paired journey: '{_activities[holder].Name}' ({holder}) is matched with it. Give the new activity another id (ActivityId.New()).", id, holder);
        }
    }

    /// <summary>An activity removed from the map takes its match with it.</summary>
    private void ForgetMatches(HashSet<ActivityId> removed)
    {
        if (_matches.Count > 0)
        {
            _matches.RemoveAll(m => removed.Contains(m.Activity));
        }
    }

    private void RestorePairing(JourneyPairing? pairing)
    {
        if (pairing is null)
        {
            return;
        }

        if (pairing.Matches is null)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, "A journey snapshot's pairing must list its activity matches (possibly none).");
        }

        At("Pairing.Counterpart", () => ValidatePairingEvent(new JourneyPaired(pairing.Counterpart)));
        _counterpart = pairing.Counterpart;
        for (var i = 0; i < pairing.Matches.Count; i++)
        {
            var m = pairing.Matches[i] ?? throw new JourneyRuleException(JourneyRules.InvalidValue, $"The snapshot's activity match at index {i} is missing.") { SnapshotPath = $"Pairing.Matches[{i}]" };
            if (_matches.Any(x => x.Activity == m.Activity))
            {
                throw new JourneyRuleException(JourneyRules.DuplicateId, $"Activity {m.Activity} is matched twice in the snapshot.", m.Activity) { SnapshotPath = $"Pairing.Matches[{i}].Activity" };
            }

            At($"Pairing.Matches[{i}]", () => ValidateMatch(m.Activity, m.Counterpart), ex => ex.Rule == JourneyRules.UnknownActivity ? nameof(m.Activity) : nameof(m.Counterpart));
            _matches.Add(m);
        }
    }
}
