using OutOfDark;

namespace SwappedActor;

public static class Program
{
    public static PhaseId AddThink(Journey journey)
    {
#if CORRECT
        return journey.AddPhase(new Actor("ana"), "Think");
#else
        return journey.AddPhase("Think", "ana");
#endif
    }
}
