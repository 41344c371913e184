using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsvHelper;
using NodaTime;
using NodaTime.Text;

namespace OutOfDark.Rendering;

/// <summary>
/// Exports a journey's activities and metric observations (of activities' metrics and of journey and phase KPIs) as
/// CSV and imports them back through the journey's commands (so every change lands in the history with the importing
/// actor).
/// </summary>
/// <remarks>
/// <para>
/// Activities: <c>id, name, phase, parent_id, kind, channels, owner, team, status, planned_start, planned_end, tags,
/// description</c>, then one <c>metric:&lt;title&gt;</c> column per metric title with the latest value (export only;
/// import ignores <c>metric:</c> and unknown columns). Observations: <c>activity_id, activity, metric_id, metric, unit,
/// kind, date, value, scope, phase</c>, where <c>scope</c> says whose metric the row measures — <c>journey</c> (a journey
/// KPI), <c>phase</c> (a KPI of the phase named in <c>phase</c>) or <c>activity</c> (empty or absent: an activity's
/// metric). Lists (channels, tags) are joined with <c>|</c>, escaping <c>|</c> and <c>\</c> with a
/// backslash. Dates are ISO (<c>yyyy-MM-dd</c>). The field separator and the number format are the caller's
/// <see cref="CsvFormat"/> (comma and decimal point by default, <see cref="CsvFormat.European"/> for <c>;</c> with a
/// decimal comma); nothing is detected from the file. A number is read exactly or its row is refused, and a row with more
/// or fewer fields than the header is refused.
/// </para>
/// <para>
/// Text cells that start with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab, a carriage return or an apostrophe are
/// exported with an apostrophe in front so spreadsheets never run them as formulas; import removes one leading
/// apostrophe from every text cell, so export then import gives back the same text.
/// </para>
/// <para>
/// Import checks every row against the journey as it would be after the rows before it (on a copy), reporting each bad
/// row with its line and reason. <see cref="CsvImportMode.AllOrNothing"/> applies nothing when any row is bad;
/// <see cref="CsvImportMode.ApplyValidRows"/> applies the good rows and returns the bad ones. Not thread-safe with
/// respect to the journey: use the journey from one thread at a time, as always.
/// </para>
/// </remarks>
public static class JourneyCsv
{
    /// <summary>The activity columns, in export order.</summary>
    public static IReadOnlyList<string> ActivityColumns { get; } =
        ["id", "name", "phase", "parent_id", "kind", "channels", "owner", "team", "status", "planned_start", "planned_end", "tags", "description"];

    /// <summary>The observation columns, in export order.</summary>
    public static IReadOnlyList<string> ObservationColumns { get; } =
        ["activity_id", "activity", "metric_id", "metric", "unit", "kind", "date", "value", "scope", "phase"];

    /// <summary>The <c>scope</c> of an observation row measuring a journey KPI.</summary>
    public const string JourneyScope = "journey";

    /// <summary>The <c>scope</c> of an observation row measuring a phase KPI (the phase named in <c>phase</c>).</summary>
    public const string PhaseScope = "phase";

    /// <summary>The <c>scope</c> of an observation row measuring an activity's metric (also an empty or absent <c>scope</c>).</summary>
    public const string ActivityScope = "activity";

    /// <summary>The prefix of the export-only columns holding each metric's latest value.</summary>
    public const string MetricColumnPrefix = "metric:";

    /// <summary>Writes one row per activity, in map order (parents before children), after a header row.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="writer">Where to write; left open.</param>
    /// <param name="format">The separator and number format; <see cref="CsvFormat.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>A task that completes when every row is written and flushed.</returns>
    /// <exception cref="ArgumentException">The format's separators clash (see <see cref="CsvFormat"/>).</exception>
    public static async Task ExportActivitiesAsync(Journey journey, TextWriter writer, CsvFormat? format = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(writer);
        format ??= CsvFormat.Default;
        format.Check();
        var metricTitles = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activity in journey.Activities)
        {
            foreach (var metric in activity.Widgets.OfType<MetricWidget>())
            {
                if (seen.Add(metric.Title))
                {
                    metricTitles.Add(metric.Title);
                }
            }
        }

        var csv = CsvWriter.Create(writer, WriterOptions(format), true);
        await using var _ = csv.ConfigureAwait(false);
        foreach (var column in ActivityColumns)
        {
            csv.WriteField(column);
        }

        foreach (var title in metricTitles)
        {
            csv.WriteField(CsvCells.Guard(MetricColumnPrefix + title));
        }

        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        foreach (var activity in journey.Activities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var d = activity.Details;
            csv.WriteField(activity.Id.ToString());
            csv.WriteField(CsvCells.Guard(activity.Name));
            csv.WriteField(CsvCells.Guard(journey.FindPhase(activity.PhaseId)?.Name));
            csv.WriteField(activity.ParentId?.ToString() ?? "");
            csv.WriteField(activity.Kind.ToString());
            csv.WriteField(CsvCells.Guard(CsvCells.JoinList(d.Channels)));
            csv.WriteField(CsvCells.Guard(d.Owner));
            csv.WriteField(CsvCells.Guard(d.Team));
            csv.WriteField(d.Status.ToString());
            csv.WriteField(d.PlannedStart is { } start ? LocalDatePattern.Iso.Format(start) : "");
            csv.WriteField(d.PlannedEnd is { } end ? LocalDatePattern.Iso.Format(end) : "");
            csv.WriteField(CsvCells.Guard(CsvCells.JoinList(d.Tags)));
            csv.WriteField(CsvCells.Guard(d.Description));
            foreach (var title in metricTitles)
            {
                var latest = activity.Widgets.OfType<MetricWidget>().FirstOrDefault(m => m.Title == title)?.Observations.Latest;
                csv.WriteField(latest is { } o ? format.Format(o.Value) : "");
            }

            await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes one row per metric observation after a header row: the journey's KPIs (scope <c>journey</c>), then each
    /// phase's KPIs in phase order (scope <c>phase</c>), then activities' metrics (scope <c>activity</c>; activities in
    /// map order, metrics in widget order); dates ascending within a metric.
    /// </summary>
    /// <param name="journey">The journey.</param>
    /// <param name="writer">Where to write; left open.</param>
    /// <param name="format">The separator and number format; <see cref="CsvFormat.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>A task that completes when every row is written and flushed.</returns>
    /// <exception cref="ArgumentException">The format's separators clash (see <see cref="CsvFormat"/>).</exception>
    public static async Task ExportObservationsAsync(Journey journey, TextWriter writer, CsvFormat? format = null, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(writer);
        format ??= CsvFormat.Default;
        format.Check();
        var csv = CsvWriter.Create(writer, WriterOptions(format), true);
        await using var _ = csv.ConfigureAwait(false);
        foreach (var column in ObservationColumns)
        {
            csv.WriteField(column);
        }

        await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        foreach (var metric in journey.Metrics)
        {
            await WriteObservationsAsync(csv, format, null, metric, JourneyScope, null, cancellationToken).ConfigureAwait(false);
        }

        foreach (var phase in journey.Phases)
        {
            foreach (var metric in phase.Metrics)
            {
                await WriteObservationsAsync(csv, format, null, metric, PhaseScope, phase.Name, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var activity in journey.Activities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var metric in activity.Widgets.OfType<MetricWidget>())
            {
                await WriteObservationsAsync(csv, format, activity, metric, ActivityScope, journey.FindPhase(activity.PhaseId)?.Name, cancellationToken).ConfigureAwait(false);
            }
        }

        await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteObservationsAsync(CsvWriter csv, CsvFormat format, Activity? activity, MetricWidget metric, string scope, string? phase, CancellationToken cancellationToken)
    {
        foreach (var observation in metric.Observations)
        {
            csv.WriteField(activity?.Id.ToString() ?? "");
            csv.WriteField(CsvCells.Guard(activity?.Name));
            csv.WriteField(metric.Id.ToString());
            csv.WriteField(CsvCells.Guard(metric.Title));
            csv.WriteField(CsvCells.Guard(metric.Unit));
            csv.WriteField(metric.Kind.ToString());
            csv.WriteField(LocalDatePattern.Iso.Format(observation.Date));
            csv.WriteField(format.Format(observation.Value));
            csv.WriteField(scope);
            csv.WriteField(CsvCells.Guard(phase));
            await csv.EndRecordAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Imports activities: a row whose <c>id</c> names an existing activity changes it (and moves it when its phase or
    /// parent differ); any other row adds an activity (with that id, or a new one when <c>id</c> is empty). Columns
    /// <c>name</c> and <c>phase</c> are required; <c>phase</c> names a phase of the journey (the first with that name); a
    /// parent must exist in the journey or on an earlier row.
    /// </summary>
    /// <param name="journey">The journey to change.</param>
    /// <param name="reader">The CSV, header first; left open.</param>
    /// <param name="actor">Who the changes are recorded for.</param>
    /// <param name="mode">What to do with bad rows.</param>
    /// <param name="format">The separator and number format of the file; <see cref="CsvFormat.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import before anything is applied.</param>
    /// <returns>How many rows were applied and which were rejected.</returns>
    /// <exception cref="CsvImportException">A required column is missing, or (in <see cref="CsvImportMode.AllOrNothing"/> mode) some row is bad; nothing was applied.</exception>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is <c>default(Actor)</c>, or the format's separators clash (see <see cref="CsvFormat"/>).</exception>
    public static Task<CsvImportResult> ImportActivitiesAsync(Journey journey, TextReader reader, Actor actor, CsvImportMode mode = CsvImportMode.AllOrNothing, CsvFormat? format = null, CancellationToken cancellationToken = default) =>
        ImportAsync(journey, reader, actor, mode, format, ["name", "phase"], ParseActivity, cancellationToken);

    /// <summary>
    /// Imports observations: each row records the value of a metric on a date, or corrects it when the metric already has
    /// a value that day. The <c>scope</c> says whose metric: <c>activity</c> (or empty, or no <c>scope</c> column) the
    /// activity <c>activity_id</c>'s; <c>journey</c> a journey KPI (<c>activity_id</c> and <c>phase</c> empty);
    /// <c>phase</c> a KPI of the first phase named <c>phase</c> (<c>activity_id</c> empty). When no metric has
    /// <c>metric_id</c>, the row adds one there (a widget on the activity, a journey KPI or a phase KPI) with that id, the
    /// <c>metric</c> title, <c>unit</c> and <c>kind</c> first. A row whose <c>metric_id</c> is a metric of another scope,
    /// activity or phase is a bad row naming where the metric is. Columns <c>activity_id</c>, <c>metric_id</c>,
    /// <c>date</c> and <c>value</c> are required (<c>activity_id</c> may be empty on KPI rows).
    /// </summary>
    /// <param name="journey">The journey to change.</param>
    /// <param name="reader">The CSV, header first; left open.</param>
    /// <param name="actor">Who the changes are recorded for.</param>
    /// <param name="mode">What to do with bad rows.</param>
    /// <param name="format">The separator and number format of the file; <see cref="CsvFormat.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import before anything is applied.</param>
    /// <returns>How many rows were applied and which were rejected.</returns>
    /// <exception cref="CsvImportException">A required column is missing, or (in <see cref="CsvImportMode.AllOrNothing"/> mode) some row is bad; nothing was applied.</exception>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is <c>default(Actor)</c>, or the format's separators clash (see <see cref="CsvFormat"/>).</exception>
    public static Task<CsvImportResult> ImportObservationsAsync(Journey journey, TextReader reader, Actor actor, CsvImportMode mode = CsvImportMode.AllOrNothing, CsvFormat? format = null, CancellationToken cancellationToken = default) =>
        ImportAsync(journey, reader, actor, mode, format, ["activity_id", "metric_id", "date", "value"], ParseObservation, cancellationToken);

    private static async Task<CsvImportResult> ImportAsync(
        Journey journey,
        TextReader reader,
        Actor actor,
        CsvImportMode mode,
        CsvFormat? format,
        string[] required,
        Func<Row, Journey, Actor, Action<Journey>> parse,
        CancellationToken cancellationToken)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(reader);
        if (actor.Name.Length == 0)
        {
            throw new ArgumentException("The actor is default(Actor): name who the changes are recorded for, for example new Actor(\"crm-import\").", nameof(actor));
        }

        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown import mode.");
        }

        format ??= CsvFormat.Default;
        format.Check();
        var headerCount = 0;

        var rejected = new List<CsvRowError>();
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            Separator = format.Delimiter,
            DetectSeparatorHint = false,
            TrackLineNumbers = true,
            FormatProvider = CultureInfo.InvariantCulture,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => rejected.Add(new CsvRowError(record.LineNumber, Malformed(record.Reason, headerCount, format.Delimiter))),
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };
        using var csv = CsvReader.Create(reader, options, true);
        var header = csv.Headers ?? [];
        headerCount = header.Count;
        if (header.Count == 0)
        {
            throw new CsvImportException([new CsvRowError(1, "The CSV is empty: it needs a header row naming its columns.")]);
        }

        var repeated = header.GroupBy(c => c.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            throw new CsvImportException([new CsvRowError(1, $"The header names the column(s) {string.Join(", ", repeated)} more than once, so which cell holds the value is ambiguous; keep one column of each name.")]);
        }

        var missing = required.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new CsvImportException([new CsvRowError(1, $"The header lacks the column(s) {string.Join(", ", missing)}; it has {string.Join(", ", header)}.")]);
        }

        var start = journey.ToSnapshot();
        var scratch = Journey.FromSnapshot(start, journey.Clock);
        var accepted = new List<Action<Journey>>();
        while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = csv.LineNumber;
            var version = scratch.Version;
            try
            {
                var command = parse(new Row(csv, format), scratch, actor);
                command(scratch);
                accepted.Add(command);
            }
            catch (Exception ex) when (ex is FormatException or JourneyRuleException or ArgumentException)
            {
                rejected.Add(new CsvRowError(line, ex.Message));
                if (scratch.Version != version)
                {
                    // The row failed half-way (say, moved but not renamed): check later rows against the accepted ones only.
                    scratch = Journey.FromSnapshot(start, journey.Clock);
                    accepted.ForEach(command => command(scratch));
                }
            }
        }

        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (rejected.Count > 0 && mode == CsvImportMode.AllOrNothing)
        {
            throw new CsvImportException(rejected);
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var command in accepted)
        {
            command(journey);
        }

        return new CsvImportResult(accepted.Count, ValueList<CsvRowError>.From(rejected));
    }

    private static Action<Journey> ParseActivity(Row row, Journey state, Actor actor)
    {
        var idText = row.Raw("id");
        var id = idText.Length == 0 ? ActivityId.New() : ActivityId.TryParse(idText, null, out var parsed) ? parsed
            : throw new FormatException($"The id '{idText}' is not a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e.");
        var name = row.Text("name") is { Length: > 0 } n ? n : throw new FormatException("The name is empty.");
        var phaseName = row.Text("phase");
        var phase = state.Phases.FirstOrDefault(p => p.Name == phaseName)
            ?? throw new FormatException(state.Phases.Count == 0
                ? $"The journey has no phase named '{phaseName}': it has no phases yet; add them before importing activities (journey.AddPhases)."
                : $"The journey has no phase named '{phaseName}'; its phases are {string.Join(", ", state.Phases.Select(p => "'" + p.Name + "'"))}.");
        var parentText = row.Raw("parent_id");
        ActivityId? parent = parentText.Length == 0 ? null : ActivityId.TryParse(parentText, null, out var p) ? p
            : throw new FormatException($"The parent_id '{parentText}' is not a GUID.");
        if (parent is { } parentId && !state.TryGetActivity(parentId, out _))
        {
            throw new FormatException($"The parent {parentId} is neither in the journey nor on an earlier row.");
        }

        var kind = row.Enum("kind", ActivityKind.Touchpoint);
        var details = new ActivityDetails
        {
            Channels = ValueList<string>.From(CsvCells.SplitList(row.Text("channels"))),
            Owner = row.Text("owner") is { Length: > 0 } owner ? owner : null,
            Team = row.Text("team") is { Length: > 0 } team ? team : null,
            Status = row.Enum("status", ActivityStatus.Planned),
            PlannedStart = row.Date("planned_start"),
            PlannedEnd = row.Date("planned_end"),
            Tags = ValueList<string>.From(CsvCells.SplitList(row.Text("tags"))),
            Description = row.Text("description") is { Length: > 0 } description ? description : null,
        };
        if (state.TryGetActivity(id, out _))
        {
            return journey =>
            {
                var existing = journey.GetActivity(id);
                if (existing.PhaseId != phase.Id || existing.ParentId != parent)
                {
                    journey.MoveActivity(actor, id, phase.Id, parent, "CSV import");
                }

                journey.ChangeActivity(actor, id, name, kind, details, "CSV import");
            };
        }

        return journey => journey.AddActivity(actor, phase.Id, name, kind, details, parent, id, "CSV import");
    }

    private static Action<Journey> ParseObservation(Row row, Journey state, Actor actor)
    {
        var scope = row.Raw("scope");
        if (scope.Equals(JourneyScope, StringComparison.OrdinalIgnoreCase) || scope.Equals(PhaseScope, StringComparison.OrdinalIgnoreCase))
        {
            return ParseKpiObservation(row, state, actor, scope.Equals(PhaseScope, StringComparison.OrdinalIgnoreCase));
        }

        if (scope.Length > 0 && !scope.Equals(ActivityScope, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"The scope '{scope}' is not one of {JourneyScope}, {PhaseScope}, {ActivityScope} (empty = {ActivityScope}).");
        }

        var activityText = row.Raw("activity_id");
        var activityId = ActivityId.TryParse(activityText, null, out var a) ? a
            : throw new FormatException($"The activity_id '{activityText}' is not a GUID.");
        var (metricId, date, value) = MetricValue(row);
        var activity = state.TryGetActivity(activityId, out var found) ? found
            : throw new FormatException($"The journey has no activity {activityId}.");
        if (state.FindKpi(metricId, out var kpiPhase) is not null)
        {
            throw new FormatException($"Metric {metricId} is a KPI of {Where(state, kpiPhase)}, not a metric of activity '{activity.Name}'; write scope '{(kpiPhase is null ? JourneyScope : PhaseScope)}' and leave activity_id empty.");
        }

        var existing = state.FindWidget(metricId, out var owner);
        if (existing is not null && owner?.Id != activityId)
        {
            throw new FormatException($"Widget {metricId} belongs to activity '{owner?.Name}', not to '{activity.Name}'.");
        }

        if (existing is not null and not MetricWidget)
        {
            throw new FormatException($"Widget {metricId} on '{activity.Name}' is a {existing.KindName()} widget, not a metric.");
        }

        var metric = existing as MetricWidget;
        var newMetric = NewMetric(row, metric, metricId, value);

        return journey =>
        {
            if (newMetric is not null && journey.FindWidget(metricId, out _) is null)
            {
                journey.AddWidget(actor, activityId, newMetric, "CSV import");
            }

            RecordOrCorrect(journey, actor, (MetricWidget)journey.FindWidget(metricId, out _)!, date, value);
        };
    }

    private static Action<Journey> ParseKpiObservation(Row row, Journey state, Actor actor, bool ofPhase)
    {
        var scope = ofPhase ? PhaseScope : JourneyScope;
        if (row.Raw("activity_id") is { Length: > 0 } activityText)
        {
            throw new FormatException($"A {scope} KPI row leaves activity_id empty; it has '{activityText}'. Write scope '{ActivityScope}' for a metric of that activity.");
        }

        var (metricId, date, value) = MetricValue(row);
        var phaseName = row.Text("phase");
        PhaseId? phaseId = null;
        if (ofPhase)
        {
            phaseId = state.Phases.FirstOrDefault(p => p.Name == phaseName)?.Id
                ?? throw new FormatException(phaseName.Length == 0
                    ? "A phase KPI row names its phase in the phase column, which is empty."
                    : $"The journey has no phase named '{phaseName}'; its phases are {string.Join(", ", state.Phases.Select(p => "'" + p.Name + "'"))}.");
        }
        else if (phaseName.Length > 0)
        {
            throw new FormatException($"A journey KPI row leaves phase empty; it has '{phaseName}'. Write scope '{PhaseScope}' for a KPI of that phase.");
        }

        var here = ofPhase ? $"phase '{phaseName}'" : "the journey";
        if (state.FindWidget(metricId, out var holder) is not null)
        {
            throw new FormatException($"Widget {metricId} is on activity '{holder?.Name}', not a KPI of {here}; write scope '{ActivityScope}' and its activity_id.");
        }

        var metric = state.FindKpi(metricId, out var kpiPhase);
        if (metric is not null && kpiPhase != phaseId)
        {
            throw new FormatException($"Metric {metricId} is a KPI of {Where(state, kpiPhase)}, not of {here}.");
        }

        var newMetric = NewMetric(row, metric, metricId, value);

        return journey =>
        {
            if (newMetric is not null && journey.FindKpi(metricId, out _) is null)
            {
                if (phaseId is { } p)
                {
                    journey.AddPhaseMetric(actor, p, newMetric, reason: "CSV import");
                }
                else
                {
                    journey.AddJourneyMetric(actor, newMetric, reason: "CSV import");
                }
            }

            RecordOrCorrect(journey, actor, journey.FindKpi(metricId, out _)!, date, value);
        };
    }

    // The metric, date and value columns every observation row has, activity metric or KPI alike.
    private static (WidgetId MetricId, LocalDate Date, decimal Value) MetricValue(Row row)
    {
        var metricText = row.Raw("metric_id");
        var metricId = WidgetId.TryParse(metricText, null, out var m) ? m
            : throw new FormatException($"The metric_id '{metricText}' is not a GUID.");
        var date = row.Date("date") ?? throw new FormatException("The date is empty.");
        var value = row.Number("value") ?? throw new FormatException("The value is empty; write a number such as " + row.Example + ".");
        return (metricId, date, value);
    }

    // The metric a row makes when the journey has none with its id yet (null when it has: metric), from the metric, unit
    // and kind columns; the row's value must suit the metric it goes to, found or made.
    private static MetricWidget? NewMetric(Row row, MetricWidget? metric, WidgetId metricId, decimal value)
    {
        var newMetric = metric is null
            ? new MetricWidget(metricId, row.Text("metric") is { Length: > 0 } title ? title : throw new FormatException($"Metric {metricId} does not exist yet, so the row needs its title in the metric column."))
            {
                Unit = row.Text("unit"),
                Kind = row.Enum("kind", MetricKind.Count),
            }
            : null;
        if ((metric ?? newMetric)!.CheckValue(value) is { } problem)
        {
            throw new FormatException(problem);
        }

        return newMetric;
    }

    // A row's value on a date the metric already has corrects that observation; on any other date it records one.
    private static void RecordOrCorrect(Journey journey, Actor actor, MetricWidget current, LocalDate date, decimal value)
    {
        if (current.Observations.Contains(date))
        {
            journey.CorrectObservation(actor, current.Id, date, value, "CSV import");
        }
        else
        {
            journey.RecordObservation(actor, current.Id, date, value, "CSV import");
        }
    }

    private static string Where(Journey journey, PhaseId? phase) =>
        phase is { } p ? $"phase '{journey.FindPhase(p)?.Name}'" : "the journey";

    private static CsvWriterOptions WriterOptions(CsvFormat format) => new()
    {
        Separator = format.Delimiter,
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        Injection = CsvInjection.None,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private static string Malformed(CsvMalformedReason reason, int headerCount, char delimiter) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch =>
            $"The row does not have the header's {headerCount} fields; put a cell that contains the separator '{Printable(delimiter)}' in quotes, and check that the file uses '{Printable(delimiter)}' between fields (or pass the CsvFormat it uses).",
        CsvMalformedReason.StrayQuote => "A quote appears inside an unquoted cell; put the whole cell in quotes and double the quote.",
        CsvMalformedReason.TextAfterClosingQuote => "Text follows a closing quote; put the whole cell in quotes and double any quote inside.",
        CsvMalformedReason.UnterminatedQuote => "A quoted cell is never closed.",
        CsvMalformedReason.TrailingEscape => "The row ends with an unfinished escape.",
        _ => $"The row is malformed ({reason}).",
    };

    private static string Printable(char c) => c == '\t' ? "\\t" : c.ToString();

    /// <summary>One record's cells by column name.</summary>
    private readonly struct Row(CsvReader csv, CsvFormat format)
    {
        public string Example => format.Format(12.5m);

        public decimal? Number(string column)
        {
            var text = Raw(column);
            if (text.Length == 0)
            {
                return null;
            }

            return format.TryParse(text, out var value, out var problem) ? value
                : throw new FormatException($"The {column} '{Tokens(text)}' is not a number in this file's format: {problem}. Write it like {Example}{(format.GroupSeparator is { } g ? " or " + format.Format(1234.5m).Insert(1, g.ToString()) : "")}, or import with the CsvFormat the file was written in.");
        }

        private static string Tokens(string text) => text.Length > 40 ? text[..40] + "…" : text;

        public string Raw(string column) => Cell(column).Trim();

        public string Text(string column) => CsvCells.Unguard(Cell(column));

        private string Cell(string column) =>
            csv.TryGetFieldIndex(column, out var index) && index < csv.FieldCount ? csv.GetString(index) ?? "" : "";

        public T Enum<T>(string column, T fallback)
            where T : struct, Enum
        {
            var text = Raw(column);
            return text.Length == 0 ? fallback
                : System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !char.IsDigit(text[0]) && text[0] != '-' ? value
                : throw new FormatException($"The {column} '{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}.");
        }

        public LocalDate? Date(string column)
        {
            var text = Raw(column);
            if (text.Length == 0)
            {
                return null;
            }

            var result = LocalDatePattern.Iso.Parse(text);
            return result.Success ? result.Value : throw new FormatException($"The {column} '{text}' is not a date in the form yyyy-MM-dd.");
        }
    }
}
