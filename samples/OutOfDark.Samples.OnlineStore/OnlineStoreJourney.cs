using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace OutOfDark.Samples.OnlineStore;

/// <summary>
/// The journey every sample starts from: an online store selling outdoor clothing, mapped as See / Think / Do / Care
/// with twenty-one activities, three personas, the flows between touchpoints, and 90 days of observations and customer
/// feedback. Everything is deterministic: ids come from names, values from the day's index, instants from a
/// <see cref="SampleClock"/>.
/// </summary>
/// <remarks>
/// The data is shaped so that the warning rules have something to say: checkout completion slides in the last three
/// weeks while payment failures climb; on-time delivery erodes towards its critical threshold; the support line's wait
/// time is past critical; the blog's visit feed stopped five weeks ago; social-ad costs creep up; one planned activity
/// is overdue and has no owner; one touchpoint has no metric. Days after the first 90 (later runs of the quickstart)
/// bring a fix for checkout and the support line, let delivery slip past critical, and push returns past their warning threshold.
/// </remarks>
public static class OnlineStoreJourney
{
    /// <summary>The journey's name.</summary>
    public const string Name = "Online store";

    /// <summary>How many days of observations <see cref="Build"/> records.</summary>
    public const int DaysOfHistory = 90;

    /// <summary>Who mapped the journey.</summary>
    public static readonly Actor Mapper = new("Mia Keller");

    /// <summary>The actor of the analytics feed that records observations.</summary>
    public static readonly Actor AnalyticsFeed = new("analytics-feed");

    /// <summary>The actor of the voice-of-customer feed that records feedback.</summary>
    public static readonly Actor FeedbackFeed = new("voc-feed");

    /// <summary>The sample's workspace.</summary>
    public static WorkspaceId Workspace { get; } = new(SampleIds.For("workspace", "Northwind Outdoor"));

    /// <summary>The journey's id.</summary>
    public static JourneyId Id { get; } = new(SampleIds.For("journey", Name));

    /// <summary>The first day with observations (day index 0).</summary>
    public static LocalDate FirstDay { get; } = new(2026, 1, 5);

    /// <summary>When the journey was mapped: a week before the first observation, 09:00 UTC.</summary>
    public static Instant CreatedAt { get; } = At(-7, 9);

    /// <summary>The instant right after <see cref="Build"/>: 09:00 UTC on the day after the last observation.</summary>
    public static Instant BuiltAt { get; } = At(DaysOfHistory, 9);

    /// <summary>The personas, by name.</summary>
    public static IReadOnlyList<string> PersonaNames { get; } = ["First-time buyer", "Loyal customer", "Gift shopper"];

    /// <summary>Every metric of the journey with how its values move.</summary>
    public static IReadOnlyList<MetricPlan> Metrics { get; } = CreateMetrics();

    /// <summary>The date of a day index.</summary>
    /// <param name="day">Days since <see cref="FirstDay"/>.</param>
    /// <returns>The date.</returns>
    public static LocalDate DateOf(int day) => FirstDay.PlusDays(day);

    /// <summary>The day index of a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Days since <see cref="FirstDay"/>.</returns>
    public static int DayIndex(LocalDate date) => Period.DaysBetween(FirstDay, date);

    /// <summary>An instant on a day index, at a whole hour UTC.</summary>
    /// <param name="day">Days since <see cref="FirstDay"/>.</param>
    /// <param name="hour">The hour, UTC.</param>
    /// <returns>The instant.</returns>
    public static Instant At(int day, int hour) => DateOf(day).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() + Duration.FromHours(hour);

    /// <summary>
    /// Builds the journey: phases, personas, activities with their widgets, flows, then the observations and feedback of
    /// days 0 to 89, each day's values recorded at 06:00 the next morning. Leaves the clock at <see cref="BuiltAt"/>.
    /// </summary>
    /// <param name="clock">The clock the journey stamps its events with; set by this method.</param>
    /// <returns>The journey, its events pending.</returns>
    public static Journey Build(SampleClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        clock.Now = CreatedAt;
        var journey = Journey.Create(
            Mapper,
            Workspace,
            Name,
            clock,
            Id,
            description: "How customers find, buy, receive and come back to Northwind Outdoor's web shop.",
            owner: Mapper.Name,
            state: JourneyState.Current,
            reason: "First map of the web shop journey");

        var phases = new Dictionary<string, PhaseId>();
        foreach (var template in PhaseTemplate.SeeThinkDoCare)
        {
            phases[template.Name] = journey.AddPhase(Mapper, template.Name, template.CustomerGoal, id: SampleIds.Phase(template.Name));
        }

        journey.AddPersona(Mapper, "First-time buyer", "Found us through an ad; unsure about sizes and delivery times.", SampleIds.Persona("First-time buyer"));
        journey.AddPersona(Mapper, "Loyal customer", "Buys every season; expects things to just work.", SampleIds.Persona("Loyal customer"));
        journey.AddPersona(Mapper, "Gift shopper", "Buys for someone else, on a deadline.", SampleIds.Persona("Gift shopper"));

        foreach (var plan in ActivityPlans())
        {
            journey.AddActivity(
                Mapper,
                phases[plan.Phase],
                plan.Name,
                plan.Kind,
                plan.Details,
                plan.Parent is { } parent ? SampleIds.Activity(parent) : null,
                SampleIds.Activity(plan.Name));
        }

        foreach (var plan in Metrics)
        {
            journey.AddWidget(Mapper, SampleIds.Activity(plan.Activity), plan.Metric);
        }

        foreach (var (activity, widget) in OtherWidgets())
        {
            journey.AddWidget(Mapper, SampleIds.Activity(activity), widget);
        }

        foreach (var (from, to, label) in FlowPlans())
        {
            journey.AddFlow(Mapper, SampleIds.Activity(from), SampleIds.Activity(to), label, SampleIds.Flow(from, to));
        }

        RecordDays(journey, clock, 0, DaysOfHistory - 1);
        clock.Now = BuiltAt;
        return journey;
    }

    /// <summary>
    /// Records the observations and feedback of days <paramref name="fromDay"/> to <paramref name="toDay"/> that the
    /// journey does not have yet (so recording a day twice changes nothing), each day's at 06:00 the next morning. Leaves the clock at the last of those instants.
    /// </summary>
    /// <param name="journey">The journey, as <see cref="Build"/> made it (or loaded from a store).</param>
    /// <param name="clock">The journey's clock; set by this method.</param>
    /// <param name="fromDay">The first day index.</param>
    /// <param name="toDay">The last day index, inclusive.</param>
    /// <returns>How many observations were recorded.</returns>
    public static int RecordDays(Journey journey, SampleClock clock, int fromDay, int toDay)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(clock);
        var recorded = 0;
        for (var day = fromDay; day <= toDay; day++)
        {
            clock.Now = At(day + 1, 6);
            var date = DateOf(day);
            foreach (var plan in Metrics)
            {
                if (!plan.HasValueOn(day)
                    || journey.FindWidget(plan.Metric.Id, out _) is not MetricWidget metric
                    || metric.Observations.Contains(date))
                {
                    continue;
                }

                journey.RecordObservation(AnalyticsFeed, plan.Metric.Id, date, plan.ValueOn(day));
                recorded++;
            }

            foreach (var (activity, entry) in FeedbackOn(day))
            {
                var widget = SampleIds.Widget(activity, "Customer feedback");
                if (journey.FindWidget(widget, out _) is FeedbackWidget feedback && !feedback.Entries.Contains(entry))
                {
                    journey.RecordFeedback(FeedbackFeed, widget, entry);
                }
            }
        }

        return recorded;
    }

    /// <summary>The last day index any metric of the journey has a value for.</summary>
    /// <param name="journey">The journey.</param>
    /// <returns>The day index, or <see langword="null"/> when there are no observations.</returns>
    public static int? LastRecordedDay(Journey journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        LocalDate? last = null;
        foreach (var activity in journey.Activities)
        {
            foreach (var widget in activity.Widgets)
            {
                if (widget is MetricWidget { Observations.Latest: { } latest } && (last is null || latest.Date > last))
                {
                    last = latest.Date;
                }
            }
        }

        return last is { } date ? DayIndex(date) : null;
    }

    private sealed record ActivityPlan(string Phase, string Name, ActivityKind Kind, ActivityDetails Details, string? Parent = null);

    private static ActivityDetails Live(string owner, string team, params string[] channels) => ActivityDetails.Empty with
    {
        Owner = owner,
        Team = team,
        Status = ActivityStatus.Active,
        Channels = ValueList<string>.From(channels),
    };

    private static IEnumerable<ActivityPlan> ActivityPlans() =>
    [
        new("See", "Newsletter", ActivityKind.Touchpoint, Live("Mia Keller", "Marketing", "email") with { Description = "Weekly newsletter with new arrivals and care tips." }),
        new("See", "Blog post: winter layering guide", ActivityKind.Touchpoint, Live("Jonas Berg", "Content", "web") with { Tags = ValueList<string>.Of("seo", "evergreen") }),
        new("See", "Social ads", ActivityKind.Touchpoint, Live("Mia Keller", "Marketing", "social")),
        new("See", "Search ads", ActivityKind.Touchpoint, Live("Mia Keller", "Marketing", "web")),
        new("See", "Influencer collaboration", ActivityKind.Touchpoint, ActivityDetails.Empty with
        {
            Team = "Marketing",
            Status = ActivityStatus.Planned,
            Channels = ValueList<string>.Of("social"),
            PlannedStart = FirstDay.PlusDays(55),
            PlannedEnd = FirstDay.PlusDays(75),
        }),
        new("Think", "Product page", ActivityKind.Touchpoint, Live("Sara Lind", "E-commerce", "web")),
        new("Think", "Size guide", ActivityKind.Touchpoint, Live("Sara Lind", "E-commerce", "web"), "Product page"),
        new("Think", "Customer reviews", ActivityKind.Touchpoint, Live("Sara Lind", "E-commerce", "web"), "Product page"),
        new("Think", "Live chat", ActivityKind.Touchpoint, Live("Omar Haddad", "Support", "chat")),
        new("Think", "Wishlist reminder", ActivityKind.Touchpoint, Live("Mia Keller", "Marketing", "email")),
        new("Do", "Cart", ActivityKind.Touchpoint, Live("Sara Lind", "E-commerce", "web")),
        new("Do", "Checkout", ActivityKind.Milestone, Live("Sara Lind", "E-commerce", "web")),
        new("Do", "Payment", ActivityKind.Touchpoint, Live("Lukas Weber", "Payments", "web"), "Checkout"),
        new("Do", "Order confirmation email", ActivityKind.Touchpoint, Live("Lukas Weber", "E-commerce", "email"), "Checkout"),
        new("Do", "Delivery", ActivityKind.Milestone, Live("Eva Novak", "Logistics", "parcel")),
        new("Care", "Returns", ActivityKind.Touchpoint, Live("Eva Novak", "Logistics", "web", "store")),
        new("Care", "Support call", ActivityKind.Touchpoint, Live("Omar Haddad", "Support", "phone")),
        new("Care", "Review request", ActivityKind.Touchpoint, Live("Jonas Berg", "Marketing", "email")),
        new("Care", "Loyalty programme", ActivityKind.Other, Live("Mia Keller", "Marketing", "app", "email")),
        new("Care", "Re-order reminder", ActivityKind.Touchpoint, ActivityDetails.Empty with
        {
            Owner = "Jonas Berg",
            Team = "Marketing",
            Status = ActivityStatus.Planned,
            Channels = ValueList<string>.Of("email"),
            PlannedStart = FirstDay.PlusDays(120),
            PlannedEnd = FirstDay.PlusDays(150),
        }),
        new("Care", "Care tips email", ActivityKind.Touchpoint, Live("Jonas Berg", "Content", "email"), "Loyalty programme"),
    ];

    private static MetricWidget Metric(string activity, string title, MetricKind kind, string unit, MetricDirection direction, decimal target, decimal warning, decimal critical) =>
        new(SampleIds.Widget(activity, title), title)
        {
            Kind = kind,
            Unit = unit,
            Direction = direction,
            Target = target,
            WarningThreshold = warning,
            CriticalThreshold = critical,
        };

    private static List<MetricPlan> CreateMetrics()
    {
        const MetricDirection Up = MetricDirection.HigherIsBetter;
        const MetricDirection Down = MetricDirection.LowerIsBetter;
        return
        [
            new("Newsletter", Metric("Newsletter", "Open rate", MetricKind.Percentage, "%", Up, 25, 18, 12),
                d => Wave.Round(27.5m - (0.04m * d) + (1.2m * Wave.Weekly(d)) + (0.8m * Wave.Noise("open", d)), 1, 0, 100)),
            new("Newsletter", Metric("Newsletter", "Click rate", MetricKind.Percentage, "%", Up, 4, 3, 2),
                d => Wave.Round(4.3m + (0.3m * Wave.Noise("click", d)), 2, 0, 100)),
            new("Blog post: winter layering guide", Metric("Blog post: winter layering guide", "Visits", MetricKind.Count, "visits", Up, 1000, 600, 300),
                d => Wave.Round(1250m + (180m * Wave.Weekly(d)) + (90m * Wave.Noise("visits", d)), 0, 0, 100000), LastDay: 55),
            new("Social ads", Metric("Social ads", "Cost per click", MetricKind.Currency, "EUR", Down, 0.80m, 1.20m, 1.50m),
                d => Wave.Round(0.74m + (0.0062m * d) + (0.03m * Wave.Noise("cpc", d)), 2, 0, 10)),
            new("Product page", Metric("Product page", "Add-to-cart rate", MetricKind.Percentage, "%", Up, 10, 8, 6),
                d => Wave.Round(11.2m + (0.6m * Wave.Weekly(d)) + (0.4m * Wave.Noise("atc", d)), 1, 0, 100)),
            new("Customer reviews", Metric("Customer reviews", "Average rating", MetricKind.Score, "stars", Up, 4.2m, 4.0m, 3.5m),
                d => Wave.Round(4.4m + (0.1m * Wave.Noise("rating", d)), 2, 1, 5)),
            new("Live chat", Metric("Live chat", "Chat satisfaction", MetricKind.Csat, "%", Up, 80, 70, 60),
                d => Wave.Round(84m + (3m * Wave.Noise("chat", d)), 0, 0, 100)),
            new("Cart", Metric("Cart", "Cart abandonment", MetricKind.Percentage, "%", Down, 65, 75, 85),
                d => Wave.Round(67m + (2.5m * Wave.Weekly(d)) + (1.5m * Wave.Noise("cart", d)), 1, 0, 100)),
            new("Checkout", Metric("Checkout", "Checkout completion", MetricKind.Percentage, "%", Up, 70, 60, 50),
                d => Wave.Round(CheckoutCompletion(d) + (0.8m * Wave.Noise("checkout", d)), 1, 0, 100)),
            new("Payment", Metric("Payment", "Payment failures", MetricKind.Percentage, "%", Down, 1, 2, 4),
                d => Wave.Round(PaymentFailures(d) + (0.1m * Wave.Noise("payment", d)), 2, 0, 100)),
            new("Order confirmation email", Metric("Order confirmation email", "Delivered to inbox", MetricKind.Percentage, "%", Up, 99, 97, 95),
                d => Wave.Round(99.5m + (0.2m * Wave.Noise("inbox", d)), 1, 0, 100)),
            new("Delivery", Metric("Delivery", "On-time delivery", MetricKind.Percentage, "%", Up, 95, 90, 85),
                d => Wave.Round(96.5m - (0.125m * d) + (0.3m * Wave.Noise("delivery", d)), 1, 0, 100)),
            new("Returns", Metric("Returns", "Return rate", MetricKind.Percentage, "%", Down, 8, 12, 15),
                d => Wave.Round(ReturnRate(d) + (0.8m * Wave.Weekly(d)) + (0.5m * Wave.Noise("returns", d)), 1, 0, 100)),
            new("Support call", Metric("Support call", "Average wait", MetricKind.Score, "min", Down, 3, 5, 8),
                d => Wave.Round(SupportWait(d) + (0.2m * Wave.Noise("wait", d)), 1, 0, 120)),
            new("Review request", Metric("Review request", "Response rate", MetricKind.Percentage, "%", Up, 15, 10, 5),
                d => Wave.Round(12.5m + (1m * Wave.Noise("reviews", d)), 1, 0, 100)),
            new("Loyalty programme", Metric("Loyalty programme", "Net Promoter Score", MetricKind.Nps, "NPS", Up, 40, 30, 20),
                d => Wave.Round(43m + (4m * Wave.Noise("nps", d)), 0, -100, 100)),
            new("Care tips email", Metric("Care tips email", "Open rate", MetricKind.Percentage, "%", Up, 30, 20, 15),
                d => Wave.Round(34m + (2m * Wave.Noise("care", d)), 1, 0, 100)),

            // Daily volumes along the purchase path: each step's first Count metric feeds the funnel and its drop-off rule.
            // Few delivered customers write a review, so that step shows a drop-off warning.
            Volume("Newsletter", "Clicks to the shop", 2400, "clicks"),
            Volume("Product page", "Visitors", 6000, "visitors"),
            Volume("Cart", "Carts started", 2700, "carts"),
            Volume("Checkout", "Checkouts started", 1900, "checkouts"),
            Volume("Payment", "Payments attempted", 1150, "payments"),
            Volume("Order confirmation email", "Orders", 1050, "orders"),
            Volume("Delivery", "Parcels delivered", 1000, "parcels"),
            Volume("Review request", "Reviews written", 125, "reviews"),
            Volume("Loyalty programme", "New members", 60, "members"),
        ];
    }

    private static MetricPlan Volume(string activity, string title, decimal perDay, string unit) =>
        new(activity, Metric(activity, title, MetricKind.Count, unit, MetricDirection.HigherIsBetter, perDay, perDay * 0.7m, perDay * 0.5m),
            d => Wave.Round(perDay * (1m + (0.06m * Wave.Weekly(d)) + (0.04m * Wave.Noise(title, d))), 0, 0, 10_000_000));

    // Stable at 74 %, sliding from day 70 as a payment provider change breaks some cards, recovering after day 90.
    private static decimal CheckoutCompletion(int day) =>
        day < 70 ? 74m
        : day < DaysOfHistory ? 74m - (0.95m * (day - 69))
        : Math.Min(74m, 66m + (0.8m * (day - DaysOfHistory)));

    private static decimal PaymentFailures(int day) =>
        day < 70 ? 0.8m
        : day < DaysOfHistory ? 0.8m + (0.13m * (day - 69))
        : 0.9m;

    // Returns climb after day 90, when a new supplier's sizes run small.
    private static decimal ReturnRate(int day) =>
        day < DaysOfHistory ? 9m : 11.5m + (0.3m * (day - DaysOfHistory));

    // The support line's wait grows with volume until a callback option ships after day 90.
    private static decimal SupportWait(int day) =>
        day < DaysOfHistory ? 3m + (0.062m * day) : 4.2m;

    private static IEnumerable<(string Activity, Widget Widget)> OtherWidgets()
    {
        var firstTime = SampleIds.Persona("First-time buyer");
        var loyal = SampleIds.Persona("Loyal customer");
        var gift = SampleIds.Persona("Gift shopper");
        return
        [
            ("Newsletter", new LinkWidget(SampleIds.Widget("Newsletter", "Campaign in the mailing tool"), "Campaign in the mailing tool", new Uri("https://mail.example.com/campaigns/weekly"))),
            ("Blog post: winter layering guide", new DescriptionWidget(SampleIds.Widget("Blog post: winter layering guide", "About"), "About", "Evergreen guide to **layering** for cold weather; links to 14 products.")),
            ("Product page", new EmotionWidget(SampleIds.Widget("Product page", "First-time buyer"), "First-time buyer", firstTime, EmotionScore.Positive, EmotionScore.VeryPositive, "Photos are great; sizes are confusing.")),
            ("Product page", new LinkWidget(SampleIds.Widget("Product page", "Product page analytics"), "Product page analytics", new Uri("https://analytics.example.com/pages/product"))),
            ("Size guide", new FeedbackWidget(SampleIds.Widget("Size guide", "Customer feedback"), "Customer feedback")),
            ("Checkout", new EmotionWidget(SampleIds.Widget("Checkout", "First-time buyer"), "First-time buyer", firstTime, EmotionScore.VeryNegative, EmotionScore.Positive, "Card declined without an explanation.")),
            ("Checkout", new SolutionWidget(SampleIds.Widget("Checkout", "Declined cards"), "Declined cards", "Some banks' cards fail the new payment provider's check.", "Add a 3-D Secure fallback and show a clear retry message.", SolutionStatus.InProgress)),
            ("Checkout", new FeedbackWidget(SampleIds.Widget("Checkout", "Customer feedback"), "Customer feedback")),
            ("Delivery", new EmotionWidget(SampleIds.Widget("Delivery", "Gift shopper"), "Gift shopper", gift, EmotionScore.Negative, EmotionScore.VeryPositive, "Needs the parcel before the birthday.")),
            ("Delivery", new FeedbackWidget(SampleIds.Widget("Delivery", "Customer feedback"), "Customer feedback")),
            ("Returns", new EmotionWidget(SampleIds.Widget("Returns", "Loyal customer"), "Loyal customer", loyal, EmotionScore.Negative, EmotionScore.Neutral, "Printing a label is a hassle.")),
            ("Support call", new EmotionWidget(SampleIds.Widget("Support call", "First-time buyer"), "First-time buyer", firstTime, EmotionScore.VeryNegative, EmotionScore.Positive, "Long wait on hold.")),
            ("Support call", new SolutionWidget(SampleIds.Widget("Support call", "Waiting on hold"), "Waiting on hold", "Callers wait on hold for many minutes on Mondays.", "Offer a callback instead of waiting.", SolutionStatus.Planned)),
            ("Support call", new FeedbackWidget(SampleIds.Widget("Support call", "Customer feedback"), "Customer feedback")),
            ("Loyalty programme", new EmotionWidget(SampleIds.Widget("Loyalty programme", "Loyal customer"), "Loyal customer", loyal, EmotionScore.VeryPositive, EmotionScore.VeryPositive, null)),
        ];
    }

    private static IEnumerable<(string From, string To, string? Label)> FlowPlans() =>
    [
        ("Newsletter", "Product page", "clicks through"),
        ("Blog post: winter layering guide", "Product page", "follows a product link"),
        ("Social ads", "Product page", "clicks the ad"),
        ("Search ads", "Product page", "clicks the ad"),
        ("Product page", "Cart", "adds to cart"),
        ("Wishlist reminder", "Cart", "comes back"),
        ("Cart", "Checkout", "checks out"),
        ("Checkout", "Order confirmation email", null),
        ("Order confirmation email", "Delivery", null),
        ("Delivery", "Review request", "five days later"),
        ("Delivery", "Returns", "sends something back"),
        ("Delivery", "Support call", "calls about the parcel"),
        ("Review request", "Loyalty programme", "joins"),
    ];

    private static readonly (int Day, string Activity, string Source, string Quote, Sentiment Sentiment)[] Feedback =
    [
        (3, "Size guide", "Product survey", "The size chart finally matches the fit. Thanks!", Sentiment.Positive),
        (11, "Delivery", "App Store review", "Parcel came a day early, well packed.", Sentiment.VeryPositive),
        (19, "Support call", "Call transcript", "Friendly agent, sorted my exchange in five minutes.", Sentiment.Positive),
        (27, "Size guide", "Product survey", "Still not sure whether to size up for layering.", Sentiment.Neutral),
        (38, "Delivery", "NPS survey", "Tracking link did not work.", Sentiment.Negative),
        (46, "Support call", "NPS survey", "Twenty minutes on hold to ask about a return.", Sentiment.Negative),
        (58, "Delivery", "Email", "Late again, and it was a present.", Sentiment.VeryNegative),
        (72, "Checkout", "Live chat", "My card was declined three times with no reason given.", Sentiment.VeryNegative),
        (76, "Checkout", "NPS survey", "Gave up and bought it elsewhere.", Sentiment.VeryNegative),
        (81, "Support call", "Call transcript", "Waited 25 minutes, then the line dropped.", Sentiment.VeryNegative),
        (85, "Delivery", "App Store review", "Courier left the parcel in the rain.", Sentiment.Negative),
        (88, "Checkout", "Email", "Paid with PayPal in the end, card never worked.", Sentiment.Negative),
        (92, "Checkout", "Live chat", "Card went through first time today.", Sentiment.Positive),
        (94, "Delivery", "NPS survey", "Four days late for a next-day order.", Sentiment.VeryNegative),
        (95, "Support call", "Call transcript", "Got a callback within ten minutes, great.", Sentiment.VeryPositive),
    ];

    private static IEnumerable<(string Activity, FeedbackEntry Entry)> FeedbackOn(int day) =>
        Feedback.Where(f => f.Day == day).Select(f => (f.Activity, new FeedbackEntry(f.Source, f.Quote, f.Sentiment, DateOf(day))));
}
