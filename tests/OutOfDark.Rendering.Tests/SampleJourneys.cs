using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Testing;
using OutOfDark;
using OutOfDark.Warnings;

namespace OutOfDark.Rendering.Tests;

/// <summary>Hand-built journeys: a realistic online store and a hostile one.</summary>
internal static class SampleJourneys
{
    /// <summary>An online store's See/Think/Do/Care journey with metrics, emotions, feedback, flows and warnings.</summary>
    public static (Journey Journey, IReadOnlyList<Warning> Warnings, JourneyHistory History) OnlineStore()
    {
        var clock = FakeClock.FromUtc(2026, 9, 1, 9, 0, 0);
        var j = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Online store: first purchase", clock,
            description: "How a shopper finds the store, buys for the first time and comes back.", owner: "Ana (CX lead)");
        var phases = j.AddPhases(new Actor("ana"), PhaseTemplate.SeeThinkDoCare);
        var (see, think, doo, care) = (phases[0], phases[1], phases[2], phases[3]);
        var first = j.AddPersona(new Actor("ana"), "First-time buyer", "Found us through social media");
        var loyal = j.AddPersona(new Actor("ana"), "Loyal customer", "Buys every season");

        ActivityId Add(PhaseId phase, string name, string owner, string channel, ActivityStatus status = ActivityStatus.Active, ActivityId? parent = null, ActivityKind kind = ActivityKind.Touchpoint)
        {
            clock.Advance(Duration.FromHours(3));
            return j.AddActivity(new Actor("ana"), phase, name, kind, new ActivityDetails { Owner = owner, Channels = ValueList<string>.Of(channel), Status = status }, parent);
        }

        void Feel(ActivityId a, PersonaId p, int asIs, int? toBe = null) =>
            j.AddWidget(new Actor("ana"), a, new EmotionWidget(WidgetId.New(), "Emotion", p, new EmotionScore(asIs), toBe is { } t ? new EmotionScore(t) : null, null));

        WidgetId Count(ActivityId a, string title, params int[] values)
        {
            var m = j.AddWidget(new Actor("ana"), a, new MetricWidget(WidgetId.New(), title) { Kind = MetricKind.Count, Unit = "visits", Target = values.Max() });
            for (var i = 0; i < values.Length; i++)
            {
                j.RecordObservation(new Actor("ana"), m, new LocalDate(2026, 6, 1).PlusWeeks(i), values[i]);
            }

            return m;
        }

        var instagram = Add(see, "Instagram campaign", "Marketing", "Social");
        Add(see, "Influencer posts", "Marketing", "Social", parent: instagram);
        Add(see, "Retargeting ads", "Marketing", "Ads", parent: instagram);
        var blog = Add(see, "Blog: gift guides", "Content", "Web");
        Add(see, "Google Shopping ads", "Marketing", "Ads", ActivityStatus.Paused);

        var product = Add(think, "Product page", "E-commerce", "Web");
        Add(think, "Size guide", "E-commerce", "Web", parent: product);
        var reviews = Add(think, "Customer reviews", "E-commerce", "Web", parent: product);
        Add(think, "Wishlist and compare", "E-commerce", "Web", ActivityStatus.Planned);
        Add(think, "Newsletter sign-up", "CRM", "Email");

        var checkout = Add(doo, "Checkout", "E-commerce", "Web");
        var payment = Add(doo, "Payment", "Payments", "Web", parent: checkout);
        var confirmation = Add(doo, "Order confirmation email", "CRM", "Email", parent: checkout);
        var delivery = Add(doo, "Delivery", "Logistics", "Parcel", kind: ActivityKind.Milestone);
        Add(doo, "Tracking page", "Logistics", "Web", parent: delivery);

        var chat = Add(care, "Support chat", "Customer service", "Chat");
        var returns = Add(care, "Returns portal", "Customer service", "Web");
        var loyalty = Add(care, "Loyalty programme", "CRM", "App", ActivityStatus.Planned);
        Add(care, "Birthday voucher", "CRM", "Email", ActivityStatus.Planned, parent: loyalty);

        Count(instagram, "Visitors", 9800, 11200, 12400);
        Count(product, "Product views", 4700, 5100, 5400);
        Count(checkout, "Checkouts started", 1500, 1420, 1310);
        var paid = Count(payment, "Orders paid", 1200, 1080, 990);
        Count(confirmation, "Emails opened", 880, 820, 760);
        var nps = j.AddWidget(new Actor("ana"), chat, new MetricWidget(WidgetId.New(), "CSAT") { Kind = MetricKind.Percentage, Unit = "%", Target = 90, WarningThreshold = 80, CriticalThreshold = 70 });
        j.RecordObservation(new Actor("ana"), nps, new LocalDate(2026, 8, 1), 78);

        Feel(instagram, first, 1);
        Feel(blog, loyal, 1);
        Feel(product, first, 1, 2);
        Feel(reviews, first, 2);
        Feel(product, loyal, 2);
        Feel(checkout, first, -2, 1);
        Feel(checkout, loyal, -1, 1);
        Feel(delivery, first, 0, 1);
        Feel(delivery, loyal, 1);
        Feel(chat, first, -1, 1);
        Feel(returns, loyal, -2, 0);
        Feel(loyalty, loyal, 2);

        var voice = j.AddWidget(new Actor("ana"), checkout, new FeedbackWidget(WidgetId.New(), "What shoppers say"));
        j.RecordFeedback(new Actor("bo"), voice, new FeedbackEntry("Survey", "I had to type my address twice and the voucher field was hidden.", Sentiment.Negative, new LocalDate(2026, 8, 12)));
        j.RecordFeedback(new Actor("bo"), voice, new FeedbackEntry("App review", "Paying with the wallet was quick.", Sentiment.Positive, new LocalDate(2026, 8, 20)));
        j.AddWidget(new Actor("ana"), checkout, new SolutionWidget(WidgetId.New(), "One-page checkout", "Address entered twice", "Reuse the delivery address for billing by default", SolutionStatus.InProgress));
        j.AddWidget(new Actor("ana"), checkout, new LinkWidget(WidgetId.New(), "Checkout funnel dashboard", new Uri("https://analytics.example.com/funnels/checkout")));
        j.AddWidget(new Actor("ana"), returns, new DescriptionWidget(WidgetId.New(), "Notes", "Returns are free within 30 days.\nLabels are printed at home."));

        j.AddFlow(new Actor("ana"), instagram, product, "clicks through");
        j.AddFlow(new Actor("ana"), product, checkout, "adds to basket");
        j.AddFlow(new Actor("ana"), checkout, payment);
        j.AddFlow(new Actor("ana"), payment, confirmation);
        j.AddFlow(new Actor("ana"), delivery, returns, "returns an item");
        clock.Advance(Duration.FromDays(2));
        j.RecordObservation(new Actor("bo"), paid, new LocalDate(2026, 6, 1).PlusWeeks(3), 940, "Weekly import");

        var warnings = new List<Warning>
        {
            new(new WarningKey(new RuleId("metric.trend"), WarningSubject.For(checkout)), WarningSeverity.Critical, "Checkouts started fell 12.7 % in 3 weeks (1500 → 1310).")
            {
                Evidence = ValueList<WarningEvidence>.Of(WarningEvidence.Of("from", 1500m), WarningEvidence.Of("to", 1310m)),
            },
            new(new WarningKey(new RuleId("emotion.pain-point"), WarningSubject.For(returns)), WarningSeverity.Warning, "Loyal customer feels very negative at Returns portal."),
            new(new WarningKey(new RuleId("metric.threshold"), WarningSubject.For(chat)), WarningSeverity.Warning, "CSAT 78 % is below the warning threshold 80 %.")
            {
                Evidence = ValueList<WarningEvidence>.Of(WarningEvidence.Of("value", 78m), WarningEvidence.Of("threshold", 80m)),
            },
            new(new WarningKey(new RuleId("touchpoint.no-metric"), WarningSubject.For(blog)), WarningSeverity.Info, "Blog: gift guides has no way to measure success."),
            new(new WarningKey(new RuleId("planned.overdue"), WarningSubject.For(loyalty)), WarningSeverity.Info, "Loyalty programme is planned but has no dates."),
        };
        return (j, warnings, new JourneyHistory(j.PendingEvents, clock));
    }

    /// <summary>
    /// A journey whose every text is <paramref name="text"/>(hostile payload) and whose links use <paramref name="url"/>;
    /// built twice (hostile and tame) it has the same structure, so the rendered element counts can be compared.
    /// </summary>
    /// <summary>
    /// A bank's account opening: three phases, two personas, eight activities (two of them children) and four labelled
    /// flows between phases and rows, two of them into the same card and one with a long label; the personas' emotions
    /// leave gaps (the second persona says nothing at two touchpoints).
    /// </summary>
    public static Journey AccountOpening()
    {
        var clock = FakeClock.FromUtc(2026, 9, 1, 9, 0, 0);
        var ana = new Actor("ana");
        var j = Journey.Create(ana, WorkspaceId.New(), "Account opening", clock);
        var discover = j.AddPhase(ana, "Discover");
        var apply = j.AddPhase(ana, "Apply");
        var use = j.AddPhase(ana, "Use");
        var student = j.AddPersona(ana, "Student", "First own account");
        var family = j.AddPersona(ana, "Family", "Moves from another bank");

        ActivityId Add(PhaseId phase, string name, ActivityId? parent = null)
        {
            clock.Advance(Duration.FromHours(1));
            return j.AddActivity(ana, phase, name, ActivityKind.Touchpoint, new ActivityDetails(), parent);
        }

        void Feel(ActivityId a, PersonaId p, int asIs, int? toBe = null) =>
            j.AddWidget(ana, a, new EmotionWidget(WidgetId.New(), "Emotion", p, new EmotionScore(asIs), toBe is { } t ? new EmotionScore(t) : null, null));

        var search = Add(discover, "Web search");
        var compare = Add(discover, "Comparison site");
        var form = Add(apply, "Online form");
        var id = Add(apply, "Identity check", form);
        var video = Add(apply, "Video call", id);
        var branch = Add(apply, "Branch visit");
        var card = Add(use, "First card payment");
        var app = Add(use, "Mobile app", card);

        j.AddFlow(ana, search, form, "opens the form");
        j.AddFlow(ana, compare, form, "follows the comparison site's partner link");
        j.AddFlow(ana, branch, card, "gets the card");
        j.AddFlow(ana, video, app, "installs the app");

        Feel(search, student, 1, 2);
        Feel(search, family, 0, 1);
        Feel(compare, student, 1);
        Feel(form, student, -1, 1);
        Feel(form, family, -2, 0);
        Feel(id, student, -2, 0);
        Feel(video, family, 1, 2);
        Feel(branch, student, 0);
        Feel(card, student, 2, 2);
        Feel(card, family, 1, 2);
        Feel(app, family, 2);
        return j;
    }

    public static (Journey Journey, IReadOnlyList<Warning> Warnings) Hostile(Func<string, string> text, Func<string, string> url)
    {
        var clock = FakeClock.FromUtc(2026, 9, 1, 9, 0, 0);
        var payloads = JourneyGen.Hostile;
        var huge = new string('A', 10_000) + payloads[0] + new string('B', 10);
        var j = Journey.Create(new Actor(text(payloads[1])), WorkspaceId.New(), text(payloads[0]), clock, description: text(huge), owner: text(payloads[2]));
        var phases = payloads.Take(4).Select(p => j.AddPhase(new Actor("x"), text(p), text(p + " goal"))).ToList();
        var persona = j.AddPersona(new Actor("x"), text(payloads[1]), text(payloads[5]));
        var warnings = new List<Warning>();
        ActivityId? previous = null;
        for (var i = 0; i < payloads.Length; i++)
        {
            // Every third activity is a child of the one before, and lives in its phase.
            var id = j.AddActivity(new Actor("x"), i % 3 == 2 && previous is { } up ? j.GetActivity(up).PhaseId : phases[i % phases.Count], text(payloads[i]), ActivityKind.Touchpoint, new ActivityDetails
            {
                Owner = text(payloads[(i + 1) % payloads.Length]),
                Description = text(i == 0 ? huge : payloads[(i + 2) % payloads.Length]),
                Channels = ValueList<string>.Of(text(payloads[(i + 3) % payloads.Length])),
            }, i % 3 == 2 ? previous : null);
            j.AddWidget(new Actor("x"), id, new LinkWidget(WidgetId.New(), text(payloads[i]), new Uri(url(i % 2 == 0 ? "javascript:window.__pwned=1" : "https://example.com/?q=\"><script>window.__pwned=1</script>"), UriKind.Absolute)));
            var feedback = j.AddWidget(new Actor("x"), id, new FeedbackWidget(WidgetId.New(), text(payloads[i])));
            j.RecordFeedback(new Actor("x"), feedback, new FeedbackEntry(text(payloads[i]), text(i % 4 == 0 ? huge : payloads[i]), Sentiment.Negative, new LocalDate(2026, 1, 1)));
            j.AddWidget(new Actor("x"), id, new EmotionWidget(WidgetId.New(), text(payloads[i]), persona, new EmotionScore((i % 5) - 2), null, text(payloads[i])));
            j.AddWidget(new Actor("x"), id, new DescriptionWidget(WidgetId.New(), text(payloads[i]), text(payloads[i] + "\n" + huge)));
            var metric = j.AddWidget(new Actor("x"), id, new MetricWidget(WidgetId.New(), text(payloads[i])) { Unit = text(payloads[i]) });
            j.RecordObservation(new Actor("x"), metric, new LocalDate(2026, 1, 1), 100 - i);
            if (previous is { } p)
            {
                j.AddFlow(new Actor("x"), p, id, text(payloads[i]));
            }

            warnings.Add(new Warning(new WarningKey(new RuleId("hostile.rule"), WarningSubject.For(id)), (WarningSeverity)(i % 3), text(payloads[i]))
            {
                Evidence = ValueList<WarningEvidence>.Of(WarningEvidence.Of(text(payloads[i]), text(payloads[(i + 1) % payloads.Length]))),
            });
            previous = id;
        }

        warnings.Add(new Warning(new WarningKey(new RuleId("hostile.phase"), WarningSubject.For(phases[0])), WarningSeverity.Critical, text(payloads[3])));
        return (j, warnings);
    }

    /// <summary>Replaces hostile text with tame text of the same shape (same line breaks, no markup).</summary>
    public static string Tame(string hostile) => hostile.Length > 1000 ? new string('t', hostile.Length) : "tame " + hostile.Length;
}
