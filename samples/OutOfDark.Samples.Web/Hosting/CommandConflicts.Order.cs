using System.Collections.Generic;
using OutOfDark.Events;

namespace OutOfDark.Samples.Web.Hosting;

internal static partial class CommandConflicts
{
    /// <summary>
    /// Adds the orders an event changes: the personas' list when a persona joins, leaves or moves; an activity's group
    /// of siblings (one parent, one phase) when an activity joins, leaves or moves within it. A command that places
    /// something by index (<see cref="ReorderActivityCommand"/>, <see cref="MovePersonaCommand"/>) conflicts with these,
    /// as its index meant something only in the list the client saw.
    /// </summary>
    /// <param name="e">The event.</param>
    /// <param name="before">The journey just before it.</param>
    /// <param name="subjects">The event's subjects, added to.</param>
    private static void OrderSubjects(JourneyEvent e, Journey before, List<CommandSubject> subjects)
    {
        switch (e)
        {
            case PersonaAdded or PersonaRemoved or PersonaMoved:
                subjects.Add(CommandSubject.PersonaOrder);
                break;
            case ActivityAdded x:
                subjects.Add(CommandSubject.SiblingsIn(x.PhaseId, x.ParentId));
                break;
            case ActivityMoved x:
                if (before.TryGetActivity(x.ActivityId, out var moved))
                {
                    subjects.Add(CommandSubject.SiblingsIn(moved.PhaseId, moved.ParentId));
                }

                subjects.Add(CommandSubject.SiblingsIn(x.PhaseId, x.ParentId));
                break;
            case ActivityReordered x:
                if (before.TryGetActivity(x.ActivityId, out var reordered))
                {
                    subjects.Add(CommandSubject.SiblingsIn(reordered.PhaseId, reordered.ParentId));
                }

                break;
            case ActivityRemoved x:
                // The activity leaves its group, and every group under it goes with it.
                foreach (var activity in before.Activities)
                {
                    if (before.IsSelfOrDescendant(activity.Id, x.ActivityId))
                    {
                        subjects.Add(CommandSubject.SiblingsIn(activity.PhaseId, activity.ParentId));
                    }
                }

                break;
        }
    }
}
