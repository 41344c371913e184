namespace OutOfDark.Portfolio;

/// <summary>What <see cref="JourneyPortfolio.DeleteAsync"/> does with the child journeys of the journey it deletes.</summary>
public enum ChildJourneyPolicy
{
    /// <summary>Refuse to delete a journey that has child journeys (<see cref="JourneyHasChildrenException"/>); nothing changes. The default.</summary>
    Refuse = 0,

    /// <summary>Make each child journey a top-level journey (a <c>JourneyParentChanged</c> event in its history), then delete the journey.</summary>
    Detach = 1,

    /// <summary>Delete the journey and every journey below it, deepest first.</summary>
    Cascade = 2,
}
