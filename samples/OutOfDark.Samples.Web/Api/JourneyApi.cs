using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using OutOfDark;
using OutOfDark.Rendering;
using OutOfDark.Samples.Web.Hosting;
using OutOfDark.Samples.Web.Warnings;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The JSON API: journeys, the map, an activity's Detail view, the Warnings view, and commands. Every answer about a
/// journey carries its version as an ETag; every command takes it back in If-Match and is refused with 412 when someone
/// changed what it works on since that version (<see cref="CommandConflicts"/>).
/// </summary>
internal static class JourneyApi
{
    private const string DefaultActor = "web user";

    internal static readonly Dictionary<string, string> RuleFields = new()
    {
        [JourneyRules.UnknownPhase] = "phaseId",
        [JourneyRules.UnknownActivity] = "activityId",
        [JourneyRules.UnknownWidget] = "widgetId",
        [JourneyRules.MapCycle] = "parentId",
        [JourneyRules.ParentInOtherPhase] = "parentId",
        [JourneyRules.DuplicateName] = "name",
        [JourneyRules.ObservationDate] = "date",
        [JourneyRules.InvalidValue] = "value",
        [JourneyRules.InvalidWidget] = "widget",
        [JourneyRules.WrongWidgetKind] = "widgetId",
        [JourneyRules.InvalidSnooze] = "until",
        [JourneyRules.DuplicateId] = "id",
        [JourneyRules.Invalid] = "body",
    };

    public static void MapJourneyApi(this IEndpointRouteBuilder app)
    {
        // Safe methods pass the filter untouched; every command in the group, now or added later, takes JSON only.
        var api = app.MapGroup("/api/journeys").AddEndpointFilter<JsonCommandFilter>();
        api.MapGet("/", ListAsync);
        api.MapGet("/{journeyId}", GetAsync);
        api.MapGet("/{journeyId}/map", MapAsync);
        api.MapGet("/{journeyId}/map.svg", MapSvgAsync);
        api.MapGet("/{journeyId}/activities/{activityId}", ActivityAsync);
        api.MapGet("/{journeyId}/warnings", WarningsAsync);
        api.MapPost("/{journeyId}/activities", AddActivityAsync);
        api.MapPut("/{journeyId}/activities/{activityId}/position", MoveActivityAsync);
        api.MapPost("/{journeyId}/activities/{activityId}/widgets", AddWidgetAsync);
        api.MapPost("/{journeyId}/widgets/{widgetId}/observations", RecordObservationAsync);
        api.MapPost("/{journeyId}/warnings/{action}", HandleWarningAsync);
        app.MapEditApi();
        app.MapGet("/api/notifications", (CriticalWarningFeed feed) =>
            Results.Ok(feed.Newest().Select(n => new NotificationDto(Mapping.Text(n.At), n.Key.ToString(), n.Key.Rule.Value, n.Message)).ToList()));
    }

    private static async Task<IResult> ListAsync(HttpContext context, IJourneyAccess journeys)
    {
        var list = await journeys.ListAsync(context.RequestAborted).ConfigureAwait(false);
        return Results.Ok(list.Select(Mapping.Summary).ToList());
    }

    private static Task<IResult> GetAsync(HttpContext context, string journeyId) =>
        ReadAsync(context, journeyId, reading => Results.Ok(Mapping.Journey(reading.Journey)));

    private static Task<IResult> MapAsync(HttpContext context, string journeyId) =>
        ReadAsync(context, journeyId, reading =>
            Results.Ok(Mapping.Map(reading.Journey, ActivityMapLayout.Compute(reading.Journey), reading.View(WarningQuery.NeedsAttention))));

    // The page's map is the renderer's own SVG (the same layout, flow labels, legend, phase colours and outlines as the
    // report), with focusable boxes the page's script makes clickable.
    private static Task<IResult> MapSvgAsync(HttpContext context, string journeyId) =>
        ReadAsync(context, journeyId, reading =>
        {
            var options = new SvgMapOptions { View = reading.View(WarningQuery.NeedsAttention), Focusable = true };
            return Results.Text(SvgMapRenderer.ToSvg(reading.Journey, options), "image/svg+xml; charset=utf-8");
        });

    private static async Task<IResult> ActivityAsync(HttpContext context, string journeyId, string activityId)
    {
        if (!ActivityId.TryParse(activityId, null, out var id))
        {
            return HttpHelpers.Invalid("activityId", "The activity id in the address is not an id (a GUID); open the activity from the map instead.");
        }

        var journeys = context.RequestServices.GetRequiredService<IJourneyAccess>();
        var clock = context.RequestServices.GetRequiredService<IClock>();
        if (!JourneyId.TryParse(journeyId, null, out var journey))
        {
            return HttpHelpers.Invalid("journeyId", JourneyIdProblem);
        }

        try
        {
            var events = await journeys.ReadEventsAsync(journey, context.RequestAborted).ConfigureAwait(false);
            var history = new JourneyHistory(events, clock);
            return await ReadAsync(context, journeyId, reading =>
            {
                var current = reading.Journey;
                if (!current.TryGetActivity(id, out var activity))
                {
                    return HttpHelpers.Gone("activity");
                }

                var warnings = reading.Warnings.Where(w => w.ActivityId == id);
                var zone = context.RequestServices.GetService<WarningEngineOptions>()?.Zone ?? DateTimeZone.Utc;
                return Results.Ok(Mapping.Detail(current, activity, history.ForActivity(id), warnings, clock.GetCurrentInstant().InZone(zone).Date));
            }).ConfigureAwait(false);
        }
        catch (JourneyNotFoundException e)
        {
            return HttpHelpers.NotFound(e);
        }
    }

    // GET /api/journeys/{id}/warnings?severity=&state=&phase=&owner= — the same syntax as /api/workspace/warnings:
    // severity and state take several names (repeated or separated by commas); phase and owner are given at most once.
    private static Task<IResult> WarningsAsync(HttpContext context, string journeyId)
    {
        var q = context.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var severities = QueryParameters.Several<WarningSeverity>(q["severity"], "severity", "info, warning or critical", errors);
        var states = QueryParameters.Several<WarningState>(q["state"], "state", "open, acknowledged, snoozed or resolved", errors);
        var owner = QueryParameters.One(q["owner"], "owner", errors);
        PhaseId? phaseFilter = null;
        if (QueryParameters.One(q["phase"], "phase", errors) is { } phase)
        {
            if (PhaseId.TryParse(phase, null, out var p))
            {
                phaseFilter = p;
            }
            else
            {
                errors["phase"] = ["This is not a phase id (a GUID); choose the phase from the list instead."];
            }
        }

        if (errors.Count > 0)
        {
            return Task.FromResult(HttpHelpers.Invalid(errors));
        }

        var query = new WarningQuery { Phase = phaseFilter, Owner = owner, States = states };
        return ReadAsync(context, journeyId, reading => Results.Ok(reading.View(query)
            .Where(w => severities is null || severities.Contains(w.Severity))
            .Select(w => Mapping.Warning(reading.Journey, w))
            .ToList()));
    }

    private static async Task<IResult> AddActivityAsync(HttpContext context, string journeyId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<AddActivityRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var phase = RequiredId<PhaseId>(body.PhaseId, "phaseId", errors);
        var parent = OptionalId<ActivityId>(body.ParentId, "parentId", errors);
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors["name"] = ["The activity needs a name."];
        }

        var kind = ActivityKind.Touchpoint;
        if (body.Kind is { Length: > 0 } k && !EnumNames.TryParse(k, out kind))
        {
            errors["kind"] = [$"'{k}' is not an activity kind: use touchpoint, milestone or other."];
        }

        if (errors.Count > 0)
        {
            return HttpHelpers.Invalid(errors);
        }

        var details = ActivityDetails.Empty with
        {
            // Kept exactly as sent, as a change keeps them: "" (an empty input) is none, white space alone is refused.
            Owner = string.IsNullOrEmpty(body.Owner) ? null : body.Owner,
            Team = string.IsNullOrEmpty(body.Team) ? null : body.Team,
            Channels = ValueList<string>.From(body.Channels ?? []),
        };
        var fields = new Dictionary<string, string>(RuleFields) { [JourneyRules.UnknownActivity] = "parentId", [JourneyRules.Invalid] = "name", [JourneyRules.InvalidValue] = "name" };
        return await ChangeAsync(
            context,
            journeyId,
            new AddActivityCommand(Actor(context), ActivityId.New(), phase!.Value, parent, body.Name!, kind, details, body.Reason),
            fields,
            e => EditApi.FieldNamed(e, ("activity owner", "owner"), ("activity team", "team"), ("channel", "channels"), ("activity description", "description"), ("reason", "reason")),
            created: true).ConfigureAwait(false);
    }

    private static async Task<IResult> MoveActivityAsync(HttpContext context, string journeyId, string activityId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<MoveActivityRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var activity = RequiredId<ActivityId>(activityId, "activityId", errors);
        var phase = RequiredId<PhaseId>(body.PhaseId, "phaseId", errors);
        var parent = OptionalId<ActivityId>(body.ParentId, "parentId", errors);
        if (errors.Count > 0)
        {
            return HttpHelpers.Invalid(errors);
        }

        return await ChangeAsync(
            context,
            journeyId,
            new MoveActivityCommand(Actor(context), activity!.Value, phase!.Value, parent, body.Reason),
            RuleFields,
            e => e.Rule == JourneyRules.UnknownActivity && parent is { } p && e.Subjects.Contains(p) ? "parentId" : null).ConfigureAwait(false);
    }

    private static async Task<IResult> AddWidgetAsync(HttpContext context, string journeyId, string activityId)
    {
        var (body, given, problem) = await HttpHelpers.ReadBodyWithMembersAsync<AddWidgetRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var activity = RequiredId<ActivityId>(activityId, "activityId", errors);
        if (string.IsNullOrWhiteSpace(body.Title))
        {
            errors["title"] = ["The widget needs a title."];
        }

        WidgetRequests.RefuseForeignMembers(body, given, errors);
        var widget = WidgetRequests.Create(body, errors);
        for (var i = 0; i < (body.Entries?.Count ?? 0); i++)
        {
            FeedbackDateRange(body.Entries![i]?.Date, $"entries[{i}].date", context.RequestServices.GetRequiredService<IClock>(), errors);
        }

        if (errors.Count > 0 || widget is null)
        {
            return HttpHelpers.Invalid(errors);
        }

        return await ChangeAsync(
            context,
            journeyId,
            new AddWidgetCommand(Actor(context), activity!.Value, widget),
            new Dictionary<string, string>(RuleFields) { [JourneyRules.UnknownPersona] = "persona", [JourneyRules.InvalidWidget] = "title" },
            e => RefusalFields.FeedbackEntry(e, body.Entries ?? [], i => $"entries[{i}]"),
            created: true).ConfigureAwait(false);
    }

    private static async Task<IResult> RecordObservationAsync(HttpContext context, string journeyId, string widgetId)
    {
        var (body, problem) = await HttpHelpers.ReadBodyAsync<RecordObservationRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var widget = RequiredId<WidgetId>(widgetId, "widgetId", errors);
        LocalDate date = default;
        if (RequestDates.Date(body.Date, "date", errors) is { } parsed)
        {
            if (ObservationDateProblem(parsed, context.RequestServices.GetRequiredService<IClock>()) is { } outside)
            {
                errors["date"] = [outside];
            }
            else
            {
                date = parsed;
            }
        }

        if (body.Value is null)
        {
            errors["value"] = ["The observation needs a numeric value."];
        }

        if (errors.Count > 0)
        {
            return HttpHelpers.Invalid(errors);
        }

        return await ChangeAsync(
            context,
            journeyId,
            new RecordObservationCommand(Actor(context), widget!.Value, date, body.Value!.Value, body.Reason),
            new Dictionary<string, string>(RuleFields) { [JourneyRules.InvalidWidget] = "value" },
            created: true).ConfigureAwait(false);
    }

    /// <summary>The first date an observation may carry here: older dates are typing mistakes (1026 for 2026).</summary>
    internal static readonly LocalDate FirstObservationDate = new(1900, 1, 1);

    /// <summary>
    /// Why an observation cannot be dated <paramref name="date"/>, or <see langword="null"/>: observations run from
    /// <see cref="FirstObservationDate"/> to tomorrow in UTC (the journey's own rule: one day of slack for time zones).
    /// </summary>
    internal static string? ObservationDateProblem(LocalDate date, IClock clock) => DateRangeProblem(date, clock, "observations", "Record a value on the day it was measured.");

    /// <summary>
    /// Adds an error under <paramref name="field"/> when <paramref name="text"/> is an ISO date outside the range
    /// observations take (a feedback entry's date, 1900-01-01 to tomorrow in UTC, in the same words); a text that is not
    /// a date is left to the entry's own reading, which names it.
    /// </summary>
    internal static void FeedbackDateRange(string? text, string field, IClock clock, Dictionary<string, string[]> errors)
    {
        if (RequestDates.Date(text, field, new Dictionary<string, string[]>()) is { } date
            && DateRangeProblem(date, clock, "feedback entries", "Date an entry on the day it was said.") is { } outside)
        {
            errors[field] = [outside];
        }
    }

    private static string? DateRangeProblem(LocalDate date, IClock clock, string what, string advice)
    {
        var last = clock.GetCurrentInstant().InUtc().Date.PlusDays(1);
        return date >= FirstObservationDate && date <= last
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"The date {date:yyyy-MM-dd} is outside the range {what} take: from 1900-01-01 to {last:yyyy-MM-dd} (tomorrow in UTC, for time zones ahead of it). {advice}");
    }

    private static async Task<IResult> HandleWarningAsync(HttpContext context, string journeyId, string action)
    {
        if (action is not ("acknowledge" or "snooze" or "resolve" or "reopen"))
        {
            return HttpHelpers.NotFound($"There is no warning action '{action}': use acknowledge, snooze, resolve or reopen.");
        }

        var (body, problem) = await HttpHelpers.ReadBodyAsync<WarningActionRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        RuleId rule = default;
        if (body.Rule is null || !RuleId.IsValid(body.Rule))
        {
            errors["rule"] = [RuleProblem];
        }
        else
        {
            rule = new RuleId(body.Rule);
        }

        var subject = WarningSubjectRequest.Parse(body.Subject, body.Segment, "", errors);
        var clock = context.RequestServices.GetRequiredService<IClock>();
        var until = default(Instant);
        if (action == "snooze")
        {
            until = SnoozeEnd(body.Until, body.Days, clock, errors);
        }
        else
        {
            NoSnoozeMembers(action, body.Until, body.Days, errors);
        }

        if (errors.Count > 0)
        {
            return HttpHelpers.Invalid(errors);
        }

        var key = new WarningKey(rule, subject!.Value);
        var warningAction = action switch
        {
            "acknowledge" => WarningAction.Acknowledge,
            "snooze" => WarningAction.Snooze,
            "resolve" => WarningAction.Resolve,
            _ => WarningAction.Reopen,
        };
        return await ChangeAsync(
            context,
            journeyId,
            new HandleWarningCommand(Actor(context), warningAction, key, until, body.Note),
            new Dictionary<string, string>(RuleFields) { [JourneyRules.UnknownActivity] = "subject", [JourneyRules.UnknownPhase] = "subject", [JourneyRules.Invalid] = "subject" },
            e => EditApi.FieldNamed(e, ("note", "note"))).ConfigureAwait(false);
    }

    internal static async Task<IResult> ReadAsync(HttpContext context, string journeyId, Func<JourneyReading, IResult> read)
    {
        if (!JourneyId.TryParse(journeyId, null, out var id))
        {
            return HttpHelpers.Invalid("journeyId", JourneyIdProblem);
        }

        var journeys = context.RequestServices.GetRequiredService<IJourneyAccess>();
        try
        {
            return await journeys.ReadAsync(id, reading =>
            {
                HttpHelpers.SetVersion(context.Response, reading.Journey.Version);
                return read(reading);
            }, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JourneyNotFoundException e)
        {
            return HttpHelpers.NotFound(e);
        }
    }

    internal static Task<IResult> ChangeAsync(HttpContext context, string journeyId, JourneyCommand command, Dictionary<string, string> fields, bool created = false) =>
        ChangeAsync(context, journeyId, command, fields, _ => null, created);

    // The field a refusal is about: the endpoint's own reading first (fieldOf), then the rule's usual field.
    internal static Task<IResult> ChangeAsync(HttpContext context, string journeyId, JourneyCommand command, Dictionary<string, string> fields, Func<JourneyRuleException, string?> fieldOf, bool created = false) =>
        ExecuteAsync(context, journeyId, command, fields, fieldOf, version =>
        {
            var answer = new ChangedDto(version, command.CreatedId);
            return created ? Results.Json(answer, statusCode: StatusCodes.Status201Created) : Results.Ok(answer);
        });

    /// <summary>
    /// Runs a command against the journey the path names with the request's If-Match, sets the answer's ETag and
    /// answers with <paramref name="answer"/> (given the journey's version after it); a refusal becomes its problem:
    /// 400 for a path id that is not a GUID, a refusing rule (naming <paramref name="fieldOf"/>'s field, else the
    /// rule's in <paramref name="fields"/>, else <c>body</c>) or a warning that is not raised; 404 for an unknown
    /// journey or an object of the path that is gone; 409/412 for a conflict or a stale If-Match; 501 when the
    /// hosting cannot run the command. Every command endpoint answers through here.
    /// </summary>
    internal static async Task<IResult> ExecuteAsync(HttpContext context, string journeyId, JourneyCommand command, Dictionary<string, string> fields, Func<JourneyRuleException, string?> fieldOf, Func<long, IResult> answer)
    {
        if (!JourneyId.TryParse(journeyId, null, out var id))
        {
            return HttpHelpers.Invalid("journeyId", JourneyIdProblem);
        }

        if (!HttpHelpers.TryReadIfMatch(context.Request, out var expected, out var problem))
        {
            return problem!;
        }

        var journeys = context.RequestServices.GetRequiredService<IJourneyAccess>();
        try
        {
            var version = await journeys.ExecuteAsync(id, expected, command, context.RequestAborted).ConfigureAwait(false);
            HttpHelpers.SetVersion(context.Response, version);
            return answer(version);
        }
        catch (JourneyNotFoundException e)
        {
            return HttpHelpers.NotFound(e);
        }
        catch (JourneyConflictException e)
        {
            return HttpHelpers.Conflict(e);
        }
        catch (JourneyConcurrencyException e) when (e.ExpectedVersion > e.ActualVersion)
        {
            return NotYet(e);
        }
        catch (JourneyConcurrencyException e)
        {
            return HttpHelpers.Stale(e);
        }
        catch (WarningNotRaisedException e)
        {
            return HttpHelpers.Invalid(e.Field, e.Message);
        }
        catch (JourneyRuleException e) when (GoneObjects.TryGetValue(e.Rule, out var gone) && NamedInPath(context, gone.RouteKey, e))
        {
            var what = gone.What;
            // The object the path names is not in the journey (any more): 404, as a GET of it would be.
            return HttpHelpers.Gone(what);
        }
        catch (JourneyRuleException e) when (GoneObjects.TryGetValue(e.Rule, out var gone))
        {
            // An object the body chose (a phaseId, a parentId, a persona) is not in the journey (any more): say so in
            // words, without the journey's name or the id, and how to recover.
            var field = fieldOf(e) ?? (fields.TryGetValue(e.Rule, out var f) ? f : "body");
            return HttpHelpers.Invalid(field, $"The chosen {gone.What} was not found in this journey (someone removed it?); reload and choose again. Nothing was changed.");
        }
        catch (JourneyRuleException e)
        {
            // The member whose text the journey refused (RefusalFields), else the endpoint's reading, else the rule's.
            var field = RefusalFields.Of(e) ?? fieldOf(e) ?? (fields.TryGetValue(e.Rule, out var f) ? f : "body");
            return HttpHelpers.Invalid(field, HttpHelpers.WithoutIds(e.Message));
        }
        catch (NotSupportedException e)
        {
            // The hosting cannot run this command (an Orleans cluster whose grain API lacks it): nothing changed.
            return Results.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "Not available in this hosting.", detail: e.Message);
        }
    }

    // The rules that refuse a command for an object missing from the journey, the object in words, and the route value
    // that names such an object in a path.
    private static readonly Dictionary<string, (string What, string RouteKey)> GoneObjects = new()
    {
        [JourneyRules.UnknownActivity] = ("activity", "activityId"),
        [JourneyRules.UnknownWidget] = ("widget", "widgetId"),
        [JourneyRules.UnknownFlow] = ("flow", "flowId"),
        [JourneyRules.UnknownPhase] = ("phase", "phaseId"),
        [JourneyRules.UnknownPersona] = ("persona", "personaId"),
        [JourneyRules.UnknownLane] = ("lane", "laneId"),
        [JourneyRules.UnknownOpportunity] = ("opportunity", "opportunityId"),
    };

    // Whether a refusal is about the id of the request's path that names an object of the refused kind
    // (…/widgets/{widgetId} for an unknown widget), not one of its body: a parentId, a flow's end, or an emotion
    // widget's persona that happens to be the path's activity id stays a 400 naming that field.
    private static bool NamedInPath(HttpContext context, string routeKey, JourneyRuleException e) =>
        context.Request.RouteValues.TryGetValue(routeKey, out var value)
        && value is string text
        && Guid.TryParse(text, out var id)
        && e.Subjects.Any(s => Guid.TryParse(s.ToString(), out var subject) && subject == id);

    // An If-Match naming a version the journey has not reached: not a colleague's change, a version that does not
    // exist (a typo, or an ETag of another journey or server).
    private static IResult NotYet(JourneyConcurrencyException e) =>
        Results.Problem(
            string.Create(CultureInfo.InvariantCulture, $"If-Match names version {e.ExpectedVersion}, which this journey has not reached: the current one is {e.ActualVersion}. Reload the journey and send its ETag. Nothing was changed."),
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "That version of the journey does not exist yet.",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = e.ActualVersion });

    internal static Actor Actor(HttpContext context) =>
        new(context.Request.Headers["X-Actor"].ToString() is { Length: > 0 } actor ? actor : DefaultActor); // checked by JsonCommandFilter

    internal static T? RequiredId<T>(string? text, string field, Dictionary<string, string[]> errors)
        where T : struct, IParsable<T>
    {
        if (string.IsNullOrEmpty(text))
        {
            errors[field] = [$"'{field}' is required."];
            return null;
        }

        return OptionalId<T>(text, field, errors);
    }

    internal static T? OptionalId<T>(string? text, string field, Dictionary<string, string[]> errors)
        where T : struct, IParsable<T>
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (T.TryParse(text, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        errors[field] = [$"The {field} is not an id (a GUID); choose it again on the page, or reload."];
        return null;
    }

    /// <summary>A rule id that is not one, in words (ids are never quoted back).</summary>
    internal const string RuleProblem = "This is not a rule id: give one such as metric.threshold (GET /api/rules lists them).";

    /// <summary>A journey id in the path that is not one, in words (ids are never quoted back).</summary>
    internal const string JourneyIdProblem = "The journey id in the address is not an id (a GUID); open the journey from the list instead.";

    /// <summary>A warning subject that is not one, in words (ids are never quoted back).</summary>
    internal static readonly string SubjectProblem =
        $"This is not a warning subject: give kind:id, the kind one of {EnumNames.Choices<SubjectKind>()} and the id a GUID, such as activity:0f8fad5b-d9cb-469f-a165-70867728950e.";

    internal static WarningSubject? ParseSubject(string? text, Dictionary<string, string[]> errors)
    {
        var parts = text?.Split(':', 2);
        if (parts is [var kind, var id]
            && EnumNames.TryParse<SubjectKind>(kind, out var subjectKind)
            && Guid.TryParse(id, out var guid))
        {
            return new WarningSubject(subjectKind, guid);
        }

        errors["subject"] = [SubjectProblem];
        return null;
    }

    /// <summary>The longest snooze, from now: by <c>days</c> or up to an <c>until</c> instant.</summary>
    internal const int MaxSnoozeDays = 365;

    /// <summary>
    /// The end of a snooze: <paramref name="until"/> as an ISO instant after now and at most
    /// <see cref="MaxSnoozeDays"/> days from now, or <paramref name="days"/> (1 to <see cref="MaxSnoozeDays"/>) from now — exactly one of them. A problem
    /// adds an error under the member at fault ("until", or "days"; "until" when neither or both are given) and gives
    /// <see langword="default"/>.
    /// </summary>
    internal static Instant SnoozeEnd(string? until, int? days, IClock clock, Dictionary<string, string[]> errors)
    {
        var now = clock.GetCurrentInstant();
        if (until is { Length: > 0 } && days is not null)
        {
            errors["until"] = ["Give one of until or days, not both."];
            return default;
        }

        if (until is { Length: > 0 } text)
        {
            if (RequestDates.Instant(text, "until", errors) is not { } end)
            {
                return default;
            }

            if (end <= now)
            {
                errors["until"] = [$"A snooze must end after now ({InstantPattern.General.Format(now)}); choose a later end."];
                return default;
            }

            if (end > now + Duration.FromDays(MaxSnoozeDays))
            {
                errors["until"] = [$"A snooze ends at most {MaxSnoozeDays} days from now ({InstantPattern.General.Format(now + Duration.FromDays(MaxSnoozeDays))}); choose an earlier end."];
                return default;
            }

            return end;
        }

        if (days is { } d)
        {
            if (d is > 0 and <= MaxSnoozeDays)
            {
                return now + Duration.FromDays(d);
            }

            errors["days"] = [$"Snooze for 1 to {MaxSnoozeDays} days; {d} is outside that."];
            return default;
        }

        errors["until"] = [$"A snooze needs 'until' (an ISO instant) or 'days' (1 to {MaxSnoozeDays})."];
        return default;
    }

    /// <summary>Adds an error under "until" and "days" when given with an action other than snooze: they do not apply there.</summary>
    internal static void NoSnoozeMembers(string action, string? until, int? days, Dictionary<string, string[]> errors)
    {
        if (until is not null)
        {
            errors["until"] = [$"'until' applies to snooze only, not to {action}; leave it out."];
        }

        if (days is not null)
        {
            errors["days"] = [$"'days' applies to snooze only, not to {action}; leave it out."];
        }
    }
}
