using System.Collections.Generic;
using System.IO;
using System.Linq;
using NodaTime;
using OutOfDark.Comparison;

namespace OutOfDark.Samples.Quickstart;

/// <summary>
/// The as-is / to-be pair: a future-state copy of the journey (self-service returns instead of the support call, a
/// returns chatbot, a higher checkout target, a calmer checkout), paired with it and compared.
/// </summary>
internal static class AsIsToBe
{
    public static JourneyComparison Show(TextWriter output, Journey asIs, IClock clock)
    {
        var mia = new Actor("Mia Keller");
        var toBe = Journey.Create(mia, asIs.WorkspaceId, asIs.Name + " 2027", clock, state: JourneyState.Future);
        var phases = asIs.Phases.ToDictionary(p => p.Id, p => toBe.AddPhase(mia, p.Name, p.CustomerGoal));
        var personas = asIs.Personas.ToDictionary(p => p.Id, p => toBe.AddPersona(mia, p.Name, p.Description));
        var copies = new Dictionary<ActivityId, ActivityId>();
        foreach (var activity in asIs.Activities.Where(a => a.Name != "Support call"))
        {
            var parent = activity.ParentId is { } p && copies.TryGetValue(p, out var copiedParent) ? copiedParent : (ActivityId?)null;
            var name = activity.Name == "Returns" ? "Self-service returns" : activity.Name;
            var copy = copies[activity.Id] = toBe.AddActivity(mia, phases[activity.PhaseId], name, activity.Kind, activity.Details, parent);
            foreach (var widget in activity.Widgets)
            {
                toBe.AddWidget(mia, copy, widget switch
                {
                    MetricWidget { Title: "Checkout completion" } m => m with { Id = WidgetId.New(), Target = 80m },
                    EmotionWidget { Title: "First-time buyer" } e when activity.Name == "Checkout" => e with { Id = WidgetId.New(), Persona = personas[e.Persona], AsIs = EmotionScore.Positive },
                    EmotionWidget e => e with { Id = WidgetId.New(), Persona = personas[e.Persona] },
                    _ => widget with { Id = WidgetId.New() },
                });
            }
        }

        toBe.AddActivity(mia, phases[asIs.Phases[^1].Id], "Returns chatbot");

        // Activities keep their names, so the comparison matches them by name; the renamed one is matched explicitly.
        toBe.PairWith(mia, asIs.Id, "the 2027 service redesign");
        toBe.MatchActivity(mia, copies[asIs.Activities.Single(a => a.Name == "Returns").Id], asIs.Activities.Single(a => a.Name == "Returns").Id);

        var comparison = JourneyComparison.Compare(asIs, toBe);
        output.WriteLine($"As-is '{asIs.Name}' against to-be '{toBe.Name}': {comparison.Added.Count} added, {comparison.Removed.Count} removed, {comparison.Changed.Count} changed, {comparison.Unchanged} unchanged.");
        output.Write(comparison.ToDiffText());
        return comparison;
    }
}
