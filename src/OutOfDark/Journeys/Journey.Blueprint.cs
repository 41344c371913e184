using Ardalis.GuardClauses;
using System.Collections.Generic;
using System.Linq;
using OutOfDark.Events;
using OutOfDark.Internal;

namespace OutOfDark;

// Service-blueprint lanes: the journey's own lane definitions beside the four built-ins, and each activity's lane.
public sealed partial class Journey
{
    private readonly List<Lane> _customLanes = [];
    private List<Lane>? _laneOrder;

    /// <summary>Every lane, top to bottom: the four built-ins and the journey's own, by <see cref="Lane.DisplayOrder"/>.</summary>
    public IReadOnlyList<Lane> Lanes
    {
        get
        {
            if (_laneOrder is null)
            {
                var lanes = new List<Lane>(Lane.BuiltIns.Count + _customLanes.Count);
                lanes.AddRange(Lane.BuiltIns);
                lanes.AddRange(_customLanes);
                lanes.Sort(Lane.DisplayOrder);
                _laneOrder = lanes;
            }

            return _laneOrder;
        }
    }

    /// <summary>The journey's own lanes, in the order they were added (the built-ins are not listed).</summary>
    public IReadOnlyList<Lane> CustomLanes => _customLanes;

    /// <summary>Finds a lane, built-in or the journey's own.</summary>
    /// <param name="id">The lane's id.</param>
    /// <returns>The lane, or <see langword="null"/>.</returns>
    public Lane? FindLane(LaneId id)
    {
        foreach (var lane in Lane.BuiltIns)
        {
            if (lane.Id == id)
            {
                return lane;
            }
        }

        return _customLanes.Find(l => l.Id == id);
    }

    /// <summary>The activities in a lane, in map order.</summary>
    /// <param name="id">The lane.</param>
    /// <returns>The activities; none for an unknown lane.</returns>
    public IReadOnlyList<Activity> ActivitiesInLane(LaneId id) => Activities.Where(a => a.Lane == id).ToList();

    /// <summary>Adds a lane of the journey's own to its service blueprint.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="id">The lane's id: a short key such as <c>partner-network</c> (see <see cref="LaneId"/>).</param>
    /// <param name="name">The lane's name.</param>
    /// <param name="order">Where it shows, top to bottom, from −1,000,000 to 1,000,000; the built-ins are 100, 200, 300 and 400.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <returns>The lane's id.</returns>
    /// <exception cref="JourneyRuleException">The id is invalid, built-in or taken, the name is empty or another lane's
    /// (built-ins included; case-insensitive, trimmed), or the order is out of range.</exception>
    public LaneId AddLane(Actor actor, LaneId id, string name, int order, string? reason = null)
    {
        Guard.Against.Null(name);
        Raise(new LaneAdded(id, name, order), actor, reason);
        return id;
    }

    /// <summary>Renames or reorders one of the journey's own lanes.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="id">The lane.</param>
    /// <param name="name">Its new name.</param>
    /// <param name="order">Its new order.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The lane does not exist or is built-in, the name is empty or another lane's
    /// (built-ins included; case-insensitive, trimmed), or the order is out of range.</exception>
    public void ChangeLane(Actor actor, LaneId id, string name, int order, string? reason = null)
    {
        Guard.Against.Null(name);
        if (FindLane(id) is not { IsBuiltIn: false } lane || lane.Name != name || lane.Order != order)
        {
            Raise(new LaneChanged(id, name, order), actor, reason);
        }
    }

    /// <summary>Removes one of the journey's own lanes that holds no activity.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="id">The lane.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The lane does not exist, is built-in, or still holds activities.</exception>
    public void RemoveLane(Actor actor, LaneId id, string? reason = null) => Raise(new LaneRemoved(id), actor, reason);

    /// <summary>Moves an activity to another service-blueprint lane. A new activity starts in <see cref="LaneId.Frontstage"/>.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="activityId">The activity.</param>
    /// <param name="lane">Its lane after the move.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The activity or the lane does not exist.</exception>
    public void SetActivityLane(Actor actor, ActivityId activityId, LaneId lane, string? reason = null)
    {
        if (GetActivity(activityId).Lane != lane)
        {
            Raise(new ActivityLaneChanged(activityId, lane), actor, reason);
        }
    }

    private void ValidateLaneAdded(LaneAdded x)
    {
        ValidateNewLaneId(x.LaneId);
        ValidateLaneFields(x.Name, x.Order);
        ValidateLaneNameFree(x.Name, x.LaneId);
    }

    private void ValidateNewLaneId(LaneId id)
    {
        if (LaneId.Problem(id.Value) is { } problem)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, problem);
        }

        if (id.IsBuiltIn)
        {
            throw new JourneyRuleException(JourneyRules.DuplicateId, $"'{id}' is a built-in lane, present in every journey; give the new lane another id.", id);
        }

        if (FindLane(id) is { } taken)
        {
            throw new JourneyRuleException(JourneyRules.DuplicateId, $"Lane id '{id}' is already used by lane '{taken.Name}'.", id);
        }
    }

    /// <summary>Refuses a lane name another lane (built-ins included) already has, ignoring case and surrounding white space.</summary>
    private void ValidateLaneNameFree(string name, LaneId self)
    {
        var wanted = name.Trim();
        foreach (var lane in Lane.BuiltIns.Concat(_customLanes))
        {
            if (lane.Id != self && string.Equals(lane.Name.Trim(), wanted, System.StringComparison.OrdinalIgnoreCase))
            {
                throw new JourneyRuleException(JourneyRules.InvalidValue, $"Lane '{lane.Id}' is already named '{lane.Name}'; two lanes with one name could not be told apart on the map. Give this lane another name.", self);
            }
        }
    }

    private static void ValidateLaneFields(string name, int order)
    {
        Guard.Against.InvalidName(name, "lane name");
        ValidateLaneOrder(name, order);
    }

    private static void ValidateLaneOrder(string name, int order)
    {
        if (order is < Lane.MinOrder or > Lane.MaxOrder)
        {
            throw new JourneyRuleException(JourneyRules.InvalidValue, $"Lane '{name}' has order {order}; a lane's order is from {Lane.MinOrder:N0} to {Lane.MaxOrder:N0} (the built-in lanes are 100, 200, 300 and 400).");
        }
    }

    private Lane RequireCustomLane(LaneId id, string doing)
    {
        var lane = RequireLane(id);
        if (lane.IsBuiltIn)
        {
            throw new JourneyRuleException(JourneyRules.BuiltInLane, $"Cannot {doing} lane '{lane.Name}' ({id}): it is built in, present in every journey as the service blueprint defines it. Add a lane of your own with AddLane instead.", id);
        }

        return lane;
    }

    private Lane RequireLane(LaneId id) =>
        FindLane(id) ?? throw new JourneyRuleException(
            JourneyRules.UnknownLane,
            $"Journey '{Name}' has no lane '{id}'. Use a built-in lane (customer-action, frontstage, backstage, support-process) or add the lane first with AddLane.",
            id);

    private void ValidateLaneRemoved(LaneRemoved x)
    {
        var lane = RequireCustomLane(x.LaneId, "remove");
        var held = ActivitiesInLane(x.LaneId);
        if (held.Count > 0)
        {
            var names = string.Join(", ", held.Take(3).Select(a => $"'{a.Name}'")) + (held.Count > 3 ? ", …" : "");
            throw new JourneyRuleException(JourneyRules.LaneNotEmpty, $"Lane '{lane.Name}' ({x.LaneId}) still holds {Text.Count(held.Count, "activity", "activities")} ({names}); move {(held.Count == 1 ? "it" : "them")} to another lane first (SetActivityLane).", x.LaneId);
        }
    }

    private void MutateLane(JourneyEvent e)
    {
        switch (e)
        {
            case LaneAdded x:
                _customLanes.Add(new Lane(x.LaneId, x.Name, x.Order));
                break;
            case LaneChanged x:
                _customLanes[_customLanes.FindIndex(l => l.Id == x.LaneId)] = new Lane(x.LaneId, x.Name, x.Order);
                break;
            case LaneRemoved x:
                _customLanes.RemoveAt(_customLanes.FindIndex(l => l.Id == x.LaneId));
                break;
        }

        _laneOrder = null;
    }

    private void RestoreLanes(ValueList<Lane> lanes)
    {
        for (var i = 0; i < lanes.Count; i++)
        {
            var lane = lanes[i] ?? throw new JourneyRuleException(JourneyRules.InvalidValue, $"The snapshot's lane at index {i} is missing.");
            // The same checks as LaneAdded, member by member, so a refusal names the member.
            At($"Lanes[{i}].Id", () => ValidateNewLaneId(lane.Id));
            At($"Lanes[{i}].Name", () => Guard.Against.InvalidName(lane.Name, "lane name"));
            At($"Lanes[{i}].Order", () => ValidateLaneOrder(lane.Name, lane.Order));
            At($"Lanes[{i}].Name", () => ValidateLaneNameFree(lane.Name, lane.Id));
            _customLanes.Add(lane);
        }

        _laneOrder = null;
    }

    private void RequireActivityLanes(ValueList<Activity> activities)
    {
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (FindLane(activity.Lane) is null)
            {
                throw new JourneyRuleException(JourneyRules.UnknownLane, $"Activity '{activity.Name}' ({activity.Id}) sits in lane '{activity.Lane}', which the journey does not have.", activity.Id, activity.Lane)
                {
                    SnapshotPath = $"Activities[{i}].Lane",
                };
            }
        }
    }
}
