using Ardalis.GuardClauses;
using System.Collections.Generic;
using System.Linq;
using OutOfDark.Events;
using OutOfDark.Internal;
using OutOfDark.Warnings;

namespace OutOfDark;

// Opportunities: improvement ideas on the journey, scored, with links to what they address.
public sealed partial class Journey
{
    private readonly List<Opportunity> _opportunities = [];

    /// <summary>The journey's opportunities, in the order they were added.</summary>
    public IReadOnlyList<Opportunity> Opportunities => _opportunities;

    /// <summary>Finds an opportunity.</summary>
    /// <param name="id">The opportunity's id.</param>
    /// <returns>The opportunity, or <see langword="null"/>.</returns>
    public Opportunity? FindOpportunity(OpportunityId id) => _opportunities.Find(o => o.Id == id);

    /// <summary>Gets an opportunity.</summary>
    /// <param name="id">The opportunity's id.</param>
    /// <returns>The opportunity.</returns>
    /// <exception cref="JourneyRuleException">The journey has no such opportunity.</exception>
    public Opportunity GetOpportunity(OpportunityId id) =>
        FindOpportunity(id) ?? throw new JourneyRuleException(JourneyRules.UnknownOpportunity, $"Journey '{Name}' has no opportunity {id}; add it first with AddOpportunity, or pick one of Journey.Opportunities.", id);

    /// <summary>Adds an opportunity, unscored and unlinked.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="title">Its title.</param>
    /// <param name="description">What it is, if described.</param>
    /// <param name="owner">Who owns it, if anyone.</param>
    /// <param name="status">Where it stands; <see cref="OpportunityStatus.Idea"/> when omitted.</param>
    /// <param name="id">Its id; a new one when omitted.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <returns>The opportunity's id.</returns>
    /// <exception cref="JourneyRuleException">The id is empty or taken, the title is empty, or a field is invalid.</exception>
    public OpportunityId AddOpportunity(Actor actor, string title, string? description = null, string? owner = null, OpportunityStatus status = OpportunityStatus.Idea, OpportunityId? id = null, string? reason = null)
    {
        Guard.Against.Null(title);
        var opportunityId = id ?? OpportunityId.New();
        Raise(new OpportunityAdded(opportunityId, title, description, owner, status), actor, reason);
        return opportunityId;
    }

    /// <summary>Changes an opportunity's title, description, owner and status at once.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="id">The opportunity.</param>
    /// <param name="title">Its new title.</param>
    /// <param name="description">Its new description.</param>
    /// <param name="owner">Its new owner.</param>
    /// <param name="status">Its new status.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The opportunity does not exist or a field is invalid.</exception>
    public void ChangeOpportunity(Actor actor, OpportunityId id, string title, string? description, string? owner, OpportunityStatus status, string? reason = null)
    {
        Guard.Against.Null(title);
        var o = GetOpportunity(id);
        if (o.Title != title || o.Description != description || o.Owner != owner || o.Status != status)
        {
            Raise(new OpportunityChanged(id, title, description, owner, status), actor, reason);
        }
    }

    /// <summary>Changes an opportunity's status, keeping its other fields.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="id">The opportunity.</param>
    /// <param name="status">Its new status.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The opportunity does not exist or the status is not a defined value.</exception>
    public void SetOpportunityStatus(Actor actor, OpportunityId id, OpportunityStatus status, string? reason = null)
    {
        var o = GetOpportunity(id);
        ChangeOpportunity(actor, id, o.Title, o.Description, o.Owner, status, reason);
    }

    /// <summary>Scores an opportunity, or clears its scores.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="id">The opportunity.</param>
    /// <param name="scores">Customer value, business value and effort, each 1–5; <see langword="null"/> to clear.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The opportunity does not exist or a score is outside 1–5.</exception>
    public void ScoreOpportunity(Actor actor, OpportunityId id, OpportunityScores? scores, string? reason = null)
    {
        if (GetOpportunity(id).Scores != scores)
        {
            Raise(new OpportunityScored(id, scores), actor, reason);
        }
    }

    /// <summary>Links an opportunity to an activity, a pain point, a feedback entry or a warning it addresses. Linking twice changes nothing.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="id">The opportunity.</param>
    /// <param name="link">What it addresses, for example <c>OpportunityLink.ToActivity(checkout)</c>.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="link"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">The opportunity or the linked object does not exist, or the link is malformed.</exception>
    public void LinkOpportunity(Actor actor, OpportunityId id, OpportunityLink link, string? reason = null)
    {
        Guard.Against.Null(link);
        if (!GetOpportunity(id).Links.Contains(link))
        {
            Raise(new OpportunityLinked(id, link), actor, reason);
        }
    }

    /// <summary>Removes one of an opportunity's links. Unlinking what is not linked changes nothing.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="id">The opportunity.</param>
    /// <param name="link">The link to remove.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="link"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">The opportunity does not exist.</exception>
    public void UnlinkOpportunity(Actor actor, OpportunityId id, OpportunityLink link, string? reason = null)
    {
        Guard.Against.Null(link);
        if (GetOpportunity(id).Links.Contains(link))
        {
            Raise(new OpportunityUnlinked(id, link), actor, reason);
        }
    }

    /// <summary>Removes an opportunity with its links. What it linked to stays.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="id">The opportunity.</param>
    /// <param name="reason">Why, if worth recording.</param>
    /// <exception cref="JourneyRuleException">The opportunity does not exist.</exception>
    public void RemoveOpportunity(Actor actor, OpportunityId id, string? reason = null) =>
        Raise(new OpportunityRemoved(id), actor, reason);

    private void ValidateOpportunityEvent(JourneyEvent e)
    {
        switch (e)
        {
            case OpportunityAdded x:
                ValidateNewOpportunityId(x.OpportunityId);
                ValidateOpportunityFields(x.Title, x.Description, x.Owner, x.Status);
                break;
            case OpportunityChanged x:
                GetOpportunity(x.OpportunityId);
                ValidateOpportunityFields(x.Title, x.Description, x.Owner, x.Status);
                break;
            case OpportunityScored x:
                {
                    var o = GetOpportunity(x.OpportunityId);
                    if (x.Scores?.Problem() is { } problem)
                    {
                        throw new JourneyRuleException(JourneyRules.InvalidValue, $"Opportunity '{o.Title}' ({o.Id}): {problem}", o.Id);
                    }

                    break;
                }

            case OpportunityLinked x:
                {
                    var o = GetOpportunity(x.OpportunityId);
                    ValidateLink(o, x.Link);
                    if (o.Links.Contains(x.Link))
                    {
                        throw new JourneyRuleException(JourneyRules.InvalidLink, $"Opportunity '{o.Title}' ({o.Id}) is already linked to {DescribeLink(x.Link)}.", o.Id);
                    }

                    break;
                }

            case OpportunityUnlinked x:
                {
                    var o = GetOpportunity(x.OpportunityId);
                    if (x.Link is null || !o.Links.Contains(x.Link))
                    {
                        throw new JourneyRuleException(JourneyRules.InvalidLink, $"Opportunity '{o.Title}' ({o.Id}) is not linked to {(x.Link is null ? "a missing link" : DescribeLink(x.Link))}; there is nothing to unlink.", o.Id);
                    }

                    break;
                }

            case OpportunityRemoved x:
                GetOpportunity(x.OpportunityId);
                break;
        }
    }

    private void ValidateNewOpportunityId(OpportunityId id)
    {
        RequireNotEmpty(id.Value, "opportunity", nameof(OpportunityId));
        if (FindOpportunity(id) is { } taken)
        {
            throw new JourneyRuleException(JourneyRules.DuplicateId, $"Opportunity id {id} is already used by '{taken.Title}'.", id);
        }
    }

    private static void ValidateOpportunityFields(string title, string? description, string? owner, OpportunityStatus status)
    {
        Guard.Against.InvalidName(title, "opportunity title");
        Guard.Against.InvalidText(description, "opportunity description");
        Guard.Against.InvalidOptionalName(owner, "opportunity owner");
        Guard.Against.UndefinedValue(status, "opportunity status");
    }

    /// <summary>Refuses a link whose shape does not fit its kind, or whose target the journey does not hold, saying what to do.</summary>
    private void ValidateLink(Opportunity o, OpportunityLink? link)
    {
        if (link is null)
        {
            throw new JourneyRuleException(JourneyRules.InvalidLink, $"Opportunity '{o.Title}' ({o.Id}): the link must not be missing.", o.Id);
        }

        if (link.ShapeProblem() is { } shape)
        {
            throw new JourneyRuleException(JourneyRules.InvalidLink, $"Opportunity '{o.Title}' ({o.Id}): {shape}", o.Id);
        }

        if (LinkTargetProblem(link) is { } problem)
        {
            throw new JourneyRuleException(JourneyRules.InvalidLink, $"Opportunity '{o.Title}' ({o.Id}) cannot link to {problem}", o.Id, LinkTargetId(link));
        }
    }

    private static object LinkTargetId(OpportunityLink link) =>
        (object?)link.Activity ?? (object?)link.Widget ?? (object?)link.Warning ?? link.Kind;

    /// <summary>Says why the journey cannot hold a link's target (the end of a sentence), or nothing when it does.</summary>
    private string? LinkTargetProblem(OpportunityLink link)
    {
        switch (link.Kind)
        {
            case OpportunityLinkKind.Activity:
                return _activities.ContainsKey(link.Activity!.Value) ? null
                    : $"activity {link.Activity}: journey '{Name}' has no such activity. Link one of its activities (Journey.Activities), or add the activity first.";
            case OpportunityLinkKind.PainPoint:
                return FindWidget(link.Widget!.Value, out _) switch
                {
                    EmotionWidget => null,
                    null => $"pain point {link.Widget}: journey '{Name}' has no widget {link.Widget}. Link an emotion widget of one of its activities, or add the widget first.",
                    var other => $"widget '{other.Title}' ({other.Id}) as a pain point: it is {A(other.KindName())} widget, and a pain point is an emotion widget. Link an emotion widget instead.",
                };
            case OpportunityLinkKind.Feedback:
                return FindWidget(link.Widget!.Value, out _) switch
                {
                    FeedbackWidget f when link.Entry < f.Entries.Count => null,
                    FeedbackWidget f => $"feedback entry {link.Entry} of '{f.Title}' ({f.Id}): that widget has {Text.Count(f.Entries.Count, "entry", "entries")}{(f.Entries.Count > 0 ? $" (0 to {f.Entries.Count - 1})" : "")}. Link an entry it has, or record the feedback first.",
                    null => $"feedback in widget {link.Widget}: journey '{Name}' has no widget {link.Widget}. Link a feedback widget of one of its activities, or add the widget first.",
                    var other => $"widget '{other.Title}' ({other.Id}) as feedback: it is {A(other.KindName())} widget. Link an entry of a feedback widget instead.",
                };
            default:
                var key = link.Warning!.Value;
                var exists = key.Subject.Kind switch
                {
                    SubjectKind.Journey => key.Subject.Id == Id.Value,
                    SubjectKind.Phase => FindPhase(new PhaseId(key.Subject.Id)) is not null,
                    SubjectKind.Activity => _activities.ContainsKey(new ActivityId(key.Subject.Id)),
                    SubjectKind.Metric => FindWidget(new WidgetId(key.Subject.Id), out _) is MetricWidget,
                    _ => false,
                };
                if (!RuleId.IsValid(key.Rule.Value))
                {
                    return $"warning {key}: '{key.Rule.Value}' is not a valid rule id.";
                }

                return exists ? null
                    : $"warning {key}: it is about {key.Subject}, which is not part of journey '{Name}'. Link a warning about one of its activities, metrics or phases, or the journey itself.";
        }
    }

    private static string A(string kind) => (kind.Length > 0 && "aeiou".Contains(kind[0], System.StringComparison.Ordinal) ? "an " : "a ") + kind;

    /// <summary>Names a link's target in words, as the journey holds it now, for example <c>pain point "Feels" on activity "Payment"</c>.</summary>
    /// <param name="link">The link.</param>
    /// <returns>The words; the ids where the journey no longer holds the target.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="link"/> is <see langword="null"/>.</exception>
    public string DescribeLink(OpportunityLink link)
    {
        Guard.Against.Null(link);
        switch (link.Kind)
        {
            case OpportunityLinkKind.Activity when link.Activity is { } a:
                return _activities.TryGetValue(a, out var activity) ? $"activity \"{activity.Name}\"" : $"activity {a}";
            case OpportunityLinkKind.PainPoint when link.Widget is { } w:
                return FindWidget(w, out var owner) is { } pain ? $"pain point \"{pain.Title}\" on activity \"{owner!.Name}\"" : $"pain point {w}";
            case OpportunityLinkKind.Feedback when link.Widget is { } w:
                return FindWidget(w, out var holder) is { } feedback ? $"feedback entry {link.Entry} of \"{feedback.Title}\" on activity \"{holder!.Name}\"" : $"feedback entry {link.Entry} of widget {w}";
            case OpportunityLinkKind.Warning when link.Warning is { } k:
                return $"warning {k.Rule} on {(k.Subject.Kind == SubjectKind.Activity && _activities.TryGetValue(new ActivityId(k.Subject.Id), out var on) ? $"activity \"{on.Name}\"" : k.Subject.Kind == SubjectKind.Metric && FindWidget(new WidgetId(k.Subject.Id), out _) is { } m ? $"metric \"{m.Title}\"" : k.Subject.Kind == SubjectKind.Phase && FindPhase(new PhaseId(k.Subject.Id)) is { } p ? $"phase \"{p.Name}\"" : k.Subject.Kind == SubjectKind.Journey ? "the journey" : k.Subject.ToString())}";
            default:
                return link.ToString();
        }
    }

    private void MutateOpportunity(JourneyEvent e)
    {
        switch (e)
        {
            case OpportunityAdded x:
                _opportunities.Add(new Opportunity { Id = x.OpportunityId, Title = x.Title, Description = x.Description, Owner = x.Owner, Status = x.Status });
                break;
            case OpportunityChanged x:
                ReplaceOpportunity(x.OpportunityId, o => o with { Title = x.Title, Description = x.Description, Owner = x.Owner, Status = x.Status });
                break;
            case OpportunityScored x:
                ReplaceOpportunity(x.OpportunityId, o => o with { Scores = x.Scores });
                break;
            case OpportunityLinked x:
                ReplaceOpportunity(x.OpportunityId, o => o with { Links = o.Links.Add(x.Link) });
                break;
            case OpportunityUnlinked x:
                ReplaceOpportunity(x.OpportunityId, o => o with { Links = o.Links.RemoveAt(o.Links.FindIndex(l => l == x.Link)) });
                break;
            case OpportunityRemoved x:
                _opportunities.RemoveAt(_opportunities.FindIndex(o => o.Id == x.OpportunityId));
                break;
        }
    }

    private void ReplaceOpportunity(OpportunityId id, System.Func<Opportunity, Opportunity> change)
    {
        var index = _opportunities.FindIndex(o => o.Id == id);
        _opportunities[index] = change(_opportunities[index]);
    }

    /// <summary>
    /// Drops every link whose target the journey no longer holds: after an activity, widget or phase is removed, or a
    /// feedback widget is given fewer entries. A link never outlives what it names.
    /// </summary>
    private void PruneOpportunityLinks()
    {
        for (var i = 0; i < _opportunities.Count; i++)
        {
            var o = _opportunities[i];
            if (o.Links.Count == 0)
            {
                continue;
            }

            var kept = new List<OpportunityLink>(o.Links.Count);
            foreach (var link in o.Links)
            {
                if (LinkTargetProblem(link) is null)
                {
                    kept.Add(link);
                }
            }

            if (kept.Count != o.Links.Count)
            {
                _opportunities[i] = o with { Links = ValueList<OpportunityLink>.From(kept) };
            }
        }
    }

    /// <summary>
    /// After entry <paramref name="removed"/> of a feedback widget is removed: drops the links to that entry and moves
    /// the links to later entries down by one, so each link keeps naming the entry it named. Part of the event fold, so
    /// replaying the history gives the same links.
    /// </summary>
    private void RenumberFeedbackLinks(WidgetId widget, int removed)
    {
        for (var i = 0; i < _opportunities.Count; i++)
        {
            var o = _opportunities[i];
            if (o.Links.FindIndex(l => l.Kind == OpportunityLinkKind.Feedback && l.Widget == widget && l.Entry >= removed) < 0)
            {
                continue;
            }

            var kept = new List<OpportunityLink>(o.Links.Count);
            foreach (var link in o.Links)
            {
                if (link.Kind != OpportunityLinkKind.Feedback || link.Widget != widget || link.Entry < removed)
                {
                    kept.Add(link);
                }
                else if (link.Entry > removed)
                {
                    kept.Add(link with { Entry = link.Entry - 1 });
                }
            }

            _opportunities[i] = o with { Links = ValueList<OpportunityLink>.From(kept) };
        }
    }

    /// <summary>The opportunities linked to a warning about a phase: those that lose links when the phase is removed.</summary>
    internal IReadOnlyList<Opportunity> OpportunitiesLinkedToPhase(PhaseId phase) =>
        _opportunities.FindAll(o => o.Links.FindIndex(l => l.Warning is { } k && k.Subject.Kind == SubjectKind.Phase && k.Subject.Id == phase.Value) >= 0);

    /// <summary>
    /// The opportunities that lose a link when a widget is changed to <paramref name="changed"/>: links to a pain point
    /// that is no longer an emotion widget, to feedback entries it no longer has, to warnings about a metric it no longer is.
    /// </summary>
    internal IReadOnlyList<Opportunity> OpportunitiesUnlinkedByChange(Widget changed) =>
        _opportunities.FindAll(o => o.Links.FindIndex(l => l.Kind switch
        {
            OpportunityLinkKind.PainPoint => l.Widget == changed.Id && changed is not EmotionWidget,
            OpportunityLinkKind.Feedback => l.Widget == changed.Id && (changed is not FeedbackWidget f || l.Entry >= f.Entries.Count),
            OpportunityLinkKind.Warning => l.Warning is { } k && k.Subject.Kind == SubjectKind.Metric && k.Subject.Id == changed.Id.Value && changed is not MetricWidget,
            _ => false,
        }) >= 0);

    /// <summary>The opportunities linked to one entry of a feedback widget: those that lose a link when it is removed.</summary>
    internal IReadOnlyList<Opportunity> OpportunitiesLinkedToFeedbackEntry(WidgetId widget, int entry) =>
        _opportunities.FindAll(o => o.Links.FindIndex(l => l.Kind == OpportunityLinkKind.Feedback && l.Widget == widget && l.Entry == entry) >= 0);

    /// <summary>
    /// The opportunities linked to an activity's subtree (the activities, their widgets, warnings about either): those
    /// that lose links when it is removed. For the history's sentence.
    /// </summary>
    internal IReadOnlyList<Opportunity> OpportunitiesLinkedToSubtree(ActivityId root)
    {
        if (_opportunities.Count == 0 || !_activities.ContainsKey(root))
        {
            return [];
        }

        var ids = new HashSet<System.Guid>();
        var stack = new Stack<ActivityId>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            ids.Add(id.Value);
            foreach (var widget in _activities[id].Widgets.AsSpan())
            {
                ids.Add(widget.Id.Value);
            }

            if (_children.TryGetValue(id, out var children))
            {
                children.ForEach(stack.Push);
            }
        }

        return OpportunitiesLinkedTo(ids);
    }

    /// <summary>The opportunities linked to a widget or a warning about it: those that lose links when it is removed.</summary>
    internal IReadOnlyList<Opportunity> OpportunitiesLinkedToWidget(WidgetId widget) =>
        _opportunities.Count == 0 ? [] : OpportunitiesLinkedTo([widget.Value]);

    private List<Opportunity> OpportunitiesLinkedTo(HashSet<System.Guid> ids) =>
        _opportunities.FindAll(o => o.Links.FindIndex(l =>
            (l.Activity is { } a && ids.Contains(a.Value))
            || (l.Widget is { } w && ids.Contains(w.Value))
            || (l.Warning is { } k && k.Subject.Kind is SubjectKind.Activity or SubjectKind.Metric && ids.Contains(k.Subject.Id))) >= 0);

    /// <summary>The member of a link its refusal is about: the target of its kind (the link itself when its shape is wrong).</summary>
    private string? LinkMember(OpportunityLink? link) =>
        link is null || link.ShapeProblem() is not null ? null
        : link.Kind switch
        {
            OpportunityLinkKind.Activity => nameof(link.Activity),
            OpportunityLinkKind.Warning => nameof(link.Warning),
            OpportunityLinkKind.Feedback when FindWidget(link.Widget!.Value, out _) is FeedbackWidget => nameof(link.Entry),
            _ => nameof(link.Widget),
        };

    private void RestoreOpportunities(ValueList<Opportunity> opportunities)
    {
        for (var i = 0; i < opportunities.Count; i++)
        {
            var o = opportunities[i] ?? throw new JourneyRuleException(JourneyRules.InvalidValue, $"The snapshot's opportunity at index {i} is missing.");

            // The same checks as OpportunityAdded, member by member, so a refusal names the member.
            At($"Opportunities[{i}].Id", () => ValidateNewOpportunityId(o.Id));
            At($"Opportunities[{i}].Title", () => Guard.Against.InvalidName(o.Title, "opportunity title"));
            At($"Opportunities[{i}].Description", () => Guard.Against.InvalidText(o.Description, "opportunity description"));
            At($"Opportunities[{i}].Owner", () => Guard.Against.InvalidOptionalName(o.Owner, "opportunity owner"));
            At($"Opportunities[{i}].Status", () => Guard.Against.UndefinedValue(o.Status, "opportunity status"));
            if (o.Scores?.Problem() is { } problem)
            {
                var s = o.Scores;
                var member = s.CustomerValue is < OpportunityScores.Min or > OpportunityScores.Max ? nameof(s.CustomerValue)
                    : s.BusinessValue is < OpportunityScores.Min or > OpportunityScores.Max ? nameof(s.BusinessValue)
                    : nameof(s.Effort);
                throw new JourneyRuleException(JourneyRules.InvalidValue, $"Opportunity '{o.Title}' ({o.Id}): {problem}", o.Id) { SnapshotPath = $"Opportunities[{i}].Scores.{member}" };
            }

            if (o.Links is null)
            {
                throw new JourneyRuleException(JourneyRules.InvalidValue, $"Opportunity '{o.Title}' ({o.Id}) must list its links (possibly none).", o.Id);
            }

            var seen = new HashSet<OpportunityLink>();
            for (var j = 0; j < o.Links.Count; j++)
            {
                var link = o.Links[j];
                At($"Opportunities[{i}].Links[{j}]", () => ValidateLink(o, link), _ => LinkMember(link));
                if (!seen.Add(link))
                {
                    throw new JourneyRuleException(JourneyRules.InvalidLink, $"Opportunity '{o.Title}' ({o.Id}) lists {DescribeLink(link)} twice.", o.Id) { SnapshotPath = $"Opportunities[{i}].Links[{j}]" };
                }
            }

            _opportunities.Add(o);
        }
    }
}
