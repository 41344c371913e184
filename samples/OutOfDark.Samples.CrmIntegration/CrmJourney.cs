using System;
using NodaTime;

namespace OutOfDark.Samples.CrmIntegration;

/// <summary>
/// The journey a CRM customer (a bike shop chain) maps in the CRM: its ids are the CRM's own record ids, which is also
/// what the CRM's CSV export refers to.
/// </summary>
internal static class CrmJourney
{
    public static readonly Actor Actor = new("crm-admin");

    public static readonly WorkspaceId Workspace = new(Guid.Parse("436ed04c-765c-5c72-8214-c3ddc75f0178"));
    public static readonly JourneyId Id = new(Guid.Parse("137974c0-4730-5dc1-b218-77ae2daaef7e"));

    public static readonly ActivityId ReminderEmail = new(Guid.Parse("d44ec7f8-ad59-5c8e-a645-ef59b12ff06a"));
    public static readonly ActivityId PriceEstimate = new(Guid.Parse("bc313e8c-3a96-58aa-b46f-2b1482f459a8"));
    public static readonly ActivityId OnlineBooking = new(Guid.Parse("8da7f2b8-a8d2-5b2d-9788-5df3d610bf31"));
    public static readonly ActivityId WorkshopVisit = new(Guid.Parse("6efb2db8-a781-5acd-beeb-b6fc5d065c62"));
    public static readonly ActivityId BikePickUp = new(Guid.Parse("7fa517e3-cf0a-53b1-91e4-00b0d062c1c7"));
    public static readonly ActivityId SupportHotline = new(Guid.Parse("d15009d8-5746-5f93-922d-425dd64c5e46"));
    public static readonly ActivityId WarrantyClaim = new(Guid.Parse("c3e41b93-4be8-56e3-8b44-0161211953b9"));
    public static readonly ActivityId FollowUpCall = new(Guid.Parse("10241f64-2868-5e57-ab63-dc14da31045e"));

    public static readonly WidgetId WarrantyCases = new(Guid.Parse("d477cece-cb4c-5a5f-ba34-8dd9c5015747"));
    public static readonly WidgetId HotlineCases = new(Guid.Parse("96946f89-6d97-559e-9e1e-faf47c7aabb1"));
    public static readonly WidgetId WorkshopCases = new(Guid.Parse("fb1b8b9e-5926-55dd-9b2a-6569014a5a1a"));

    /// <summary>Maps the journey: phases, activities with owners, the metrics the CSV export fills, and flows.</summary>
    public static Journey Create(IClock clock)
    {
        var journey = Journey.Create(Actor, Workspace, "Contoso Bikes service journey", clock, Id, "From the service reminder to the repair follow-up.", "Lena Fischer");
        var phases = journey.AddPhases(Actor, PhaseTemplate.SeeThinkDoCare);
        ActivityDetails Owned(string owner, string team, string channel) => ActivityDetails.Empty with
        {
            Owner = owner,
            Team = team,
            Status = ActivityStatus.Active,
            Channels = ValueList<string>.Of(channel),
        };

        journey.AddActivity(Actor, phases[0], "Service reminder email", details: Owned("Lena Fischer", "Marketing", "email"), id: ReminderEmail);
        journey.AddActivity(Actor, phases[1], "Price estimate", details: Owned("Jan de Vries", "Workshop", "web"), id: PriceEstimate);
        journey.AddActivity(Actor, phases[1], "Online booking", details: Owned("Jan de Vries", "Workshop", "web"), id: OnlineBooking);
        journey.AddActivity(Actor, phases[2], "Workshop visit", ActivityKind.Milestone, Owned("Jan de Vries", "Workshop", "store"), id: WorkshopVisit);
        journey.AddActivity(Actor, phases[2], "Bike pick-up", details: Owned("Jan de Vries", "Workshop", "store"), parentId: WorkshopVisit, id: BikePickUp);
        journey.AddActivity(Actor, phases[3], "Support hotline", details: Owned("Aylin Demir", "Customer service", "phone"), id: SupportHotline);
        journey.AddActivity(Actor, phases[3], "Warranty claim", details: Owned("Aylin Demir", "Customer service", "web"), id: WarrantyClaim);
        journey.AddActivity(Actor, phases[3], "Repair follow-up call", details: Owned("Aylin Demir", "Customer service", "phone"), id: FollowUpCall);

        journey.AddWidget(Actor, ReminderEmail, Percentage("a190a2ce-2874-5c84-a9d8-adf1a17f7ffa", "Open rate", 30, 22, 15));
        journey.AddWidget(Actor, OnlineBooking, Percentage("0f27a621-1f9e-5661-b776-d21272caba30", "Booking completion", 80, 72, 60));
        journey.AddWidget(Actor, WorkshopVisit, Percentage("fb21d9c7-732b-5af4-b9a2-628a3eb31816", "Customer satisfaction", 85, 75, 65) with { Kind = MetricKind.Csat });
        journey.AddWidget(Actor, SupportHotline, Percentage("95aa3642-70ff-511c-9046-3dd15a9ca88c", "First-contact resolution", 75, 65, 55));

        journey.AddFlow(Actor, ReminderEmail, OnlineBooking, "books");
        journey.AddFlow(Actor, PriceEstimate, OnlineBooking);
        journey.AddFlow(Actor, OnlineBooking, WorkshopVisit);
        journey.AddFlow(Actor, WorkshopVisit, FollowUpCall, "two days later");
        journey.AddFlow(Actor, WorkshopVisit, SupportHotline, "calls with a problem");
        journey.AddFlow(Actor, SupportHotline, WarrantyClaim, "files a claim");
        return journey;
    }

    private static MetricWidget Percentage(string id, string title, decimal target, decimal warning, decimal critical) =>
        new(new WidgetId(Guid.Parse(id)), title)
        {
            Kind = MetricKind.Percentage,
            Unit = "%",
            Target = target,
            WarningThreshold = warning,
            CriticalThreshold = critical,
        };
}
