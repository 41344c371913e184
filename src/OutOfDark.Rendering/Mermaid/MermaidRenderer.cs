using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OutOfDark.Rendering;

namespace OutOfDark.Rendering;

/// <summary>Writes a journey as Mermaid text: a <c>journey</c> diagram or a <c>mindmap</c> of the activity map.</summary>
/// <remarks>
/// Every user string passes through <see cref="MermaidText.Safe(string?, bool)"/> (<see cref="MermaidText.SafeMindmap"/> in the mindmap). Output is deterministic: the same journey gives the
/// same text. Thread-safe; the journey must not change while it is written.
/// </remarks>
public static partial class MermaidRenderer
{
    private const int NeutralScore = 3;

    /// <summary>
    /// Writes a Mermaid <c>journey</c> diagram: one section per phase (in order), one task per activity (map order), the
    /// task's score from the personas' emotions and its actors the personas with an emotion on the activity.
    /// </summary>
    /// <param name="journey">The journey.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">Whose emotions to score; <see cref="MermaidJourneyOptions.Default"/> when omitted.</param>
    /// <remarks>
    /// An emotion score from −2 to +2 maps onto Mermaid's 1 to 5 (score + 3); several emotions are averaged and rounded
    /// half away from zero; an activity without an emotion scores 3 (neutral) and lists no actor.
    /// </remarks>
    public static void WriteJourney(Journey journey, TextWriter writer, MermaidJourneyOptions? options = null)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(writer);
        options ??= MermaidJourneyOptions.Default;
        var personaNames = journey.Personas.ToDictionary(p => p.Id, p => MermaidText.Safe(p.Name, inList: true));
        var byPhase = GroupByPhase(journey);

        writer.Write("journey\n    title ");
        writer.Write(MermaidText.Safe(journey.Name));
        writer.Write('\n');
        foreach (var phase in journey.Phases)
        {
            writer.Write("    section ");
            writer.Write(MermaidText.Safe(phase.Name));
            writer.Write('\n');
            if (!byPhase.TryGetValue(phase.Id, out var activities))
            {
                continue;
            }

            foreach (var activity in activities)
            {
                var emotions = activity.Widgets.OfType<EmotionWidget>()
                    .Where(e => options.Persona is not { } only || e.Persona == only)
                    .ToList();
                var score = emotions.Count == 0
                    ? NeutralScore
                    : (int)Math.Round(emotions.Average(e => e.AsIs.Value) + NeutralScore, MidpointRounding.AwayFromZero);
                writer.Write("      ");
                writer.Write(MermaidText.Safe(activity.Name));
                writer.Write(": ");
                writer.Write(score.ToString(CultureInfo.InvariantCulture));
                var actors = emotions.Select(e => e.Persona).Distinct()
                    .Select(id => personaNames.GetValueOrDefault(id))
                    .OfType<string>()
                    .ToList();
                if (actors.Count > 0)
                {
                    writer.Write(": ");
                    writer.Write(string.Join(", ", actors));
                }

                writer.Write('\n');
            }
        }
    }

    /// <summary>
    /// How many levels of activities the mindmap nests under a phase; deeper activities are drawn at this level, in map
    /// order, with a breadcrumb naming their parent (<c>… › Parent › Name</c>). Mermaid lays out every level as a ring
    /// around the root, and each level costs a line's indentation, so an unbounded depth gives a diagram nobody can
    /// read and output that grows with the square of the depth.
    /// </summary>
    public const int MaxMindmapDepth = 12;

    /// <summary>
    /// Writes a Mermaid <c>mindmap</c>: the journey at the root, its phases below, and under each phase the activity
    /// trees whose top activity lives in that phase.
    /// </summary>
    /// <param name="journey">The journey.</param>
    /// <param name="writer">Where to write.</param>
    /// <remarks>
    /// A child activity stays under its parent even when it lives in another phase, so the tree is kept whole.
    /// Activities deeper than <see cref="MaxMindmapDepth"/> levels are written at that level, right after their
    /// parent's line and in map order, each labelled <c>… › parent name › name</c>; the output is linear in the number
    /// of activities whatever the depth.
    /// </remarks>
    public static void WriteMindmap(Journey journey, TextWriter writer)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(writer);
        writer.Write("mindmap\n  root((\"");
        writer.Write(MermaidText.SafeMindmap(journey.Name));
        writer.Write("\"))\n");
        var roots = journey.RootActivities.GroupBy(a => a.PhaseId).ToDictionary(g => g.Key, g => g.ToList());
        var node = 0;
        for (var p = 0; p < journey.Phases.Count; p++)
        {
            var phase = journey.Phases[p];
            writer.Write("    p");
            writer.Write(p.ToString(CultureInfo.InvariantCulture));
            writer.Write("[\"");
            writer.Write(MermaidText.SafeMindmap(phase.Name));
            writer.Write("\"]\n");
            if (!roots.TryGetValue(phase.Id, out var top))
            {
                continue;
            }

            var stack = new Stack<(Activity Activity, int Depth)>();
            for (var i = top.Count - 1; i >= 0; i--)
            {
                stack.Push((top[i], 0));
            }

            while (stack.Count > 0)
            {
                var (activity, depth) = stack.Pop();
                writer.Write(Indent(Math.Min(depth, MaxMindmapDepth - 1)));
                writer.Write('a');
                writer.Write((node++).ToString(CultureInfo.InvariantCulture));
                writer.Write("[\"");
                if (depth >= MaxMindmapDepth && activity.ParentId is { } parentId)
                {
                    writer.Write("… › ");
                    writer.Write(MermaidText.SafeMindmap(journey.GetActivity(parentId).Name));
                    writer.Write(" › ");
                }

                writer.Write(MermaidText.SafeMindmap(activity.Name));
                writer.Write("\"]\n");
                var children = journey.ChildrenOf(activity.Id);
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push((children[i], depth + 1));
                }
            }
        }
    }

    /// <summary>Returns the Mermaid <c>journey</c> diagram as a string; see <see cref="WriteJourney"/>.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="options">Whose emotions to score.</param>
    /// <returns>The Mermaid text.</returns>
    public static string ToJourneyDiagram(Journey journey, MermaidJourneyOptions? options = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteJourney(journey, writer, options);
        return writer.ToString();
    }

    /// <summary>Returns the Mermaid <c>mindmap</c> as a string; see <see cref="WriteMindmap"/>.</summary>
    /// <param name="journey">The journey.</param>
    /// <returns>The Mermaid text.</returns>
    public static string ToMindmap(Journey journey)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteMindmap(journey, writer);
        return writer.ToString();
    }

    /// <summary>Writes the Mermaid <c>journey</c> diagram to a stream as UTF-8.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="options">Whose emotions to score.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the text is written and flushed.</returns>
    public static Task WriteJourneyAsync(Journey journey, Stream stream, MermaidJourneyOptions? options = null, CancellationToken cancellationToken = default) =>
        Output.WriteAsync(stream, w => WriteJourney(journey, w, options), cancellationToken);

    /// <summary>Writes the Mermaid <c>mindmap</c> to a stream as UTF-8.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the text is written and flushed.</returns>
    public static Task WriteMindmapAsync(Journey journey, Stream stream, CancellationToken cancellationToken = default) =>
        Output.WriteAsync(stream, w => WriteMindmap(journey, w), cancellationToken);

    private static readonly string[] Indents = Enumerable.Range(0, MaxMindmapDepth).Select(d => new string(' ', 6 + (2 * d))).ToArray();

    private static string Indent(int depth) => Indents[depth];

    private static Dictionary<PhaseId, List<Activity>> GroupByPhase(Journey journey)
    {
        var result = new Dictionary<PhaseId, List<Activity>>();
        foreach (var activity in journey.Activities)
        {
            if (!result.TryGetValue(activity.PhaseId, out var list))
            {
                result[activity.PhaseId] = list = [];
            }

            list.Add(activity);
        }

        return result;
    }
}
