using Ardalis.GuardClauses;
using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace OutOfDark.Testing;

/// <summary>
/// Random text put into every text field a journey has, for the property that any text the domain accepts comes back
/// unchanged from every store and format.
/// </summary>
public static class TextJourneys
{
    /// <summary>
    /// Texts of every kind: the hostile list, arbitrary strings, random UTF-16 code units (lone surrogates included),
    /// whole characters outside the basic plane, and mixtures of them.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<string> Texts()
    {
        var hostile = Gen.Elements<string>((System.Collections.Generic.IEnumerable<string>)HostileText.Names);
        var arbitrary = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "");
        var codeUnits = Gen.Choose(0, 0xFFFF).Select(i => (char)i).ArrayOf().Select(c => new string(c));
        var astral = Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32).ArrayOf().Select(string.Concat);
        var single = Gen.Frequency((3, hostile), (3, arbitrary), (2, codeUnits), (1, astral));
        return Gen.Frequency((4, single), (1, from a in single from b in single select a + b));
    }

    /// <summary>Whether <paramref name="text"/> holds half of a surrogate pair without the other half.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> when some surrogate has no partner.</returns>
    public static bool HasLoneSurrogate(string text)
    {
        Guard.Against.Null(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A journey with <paramref name="text"/> in each text field whose command accepts it: name, description, owner,
    /// phase name and goal, persona, activity name and details (owner, team, description, channel, tag), flow label,
    /// widget titles, a metric's unit, markdown, a solution, an emotion's note, a feedback entry, a warning note and
    /// every reason. A command that refuses the text changes nothing, so the journey holds exactly what was accepted.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="clock">The journey's clock.</param>
    /// <returns>The journey, its events pending.</returns>
    public static Journey Build(string text, IClock clock)
    {
        Guard.Against.Null(text);
        var me = new Actor("text");
        var journey = Journey.Create(me, WorkspaceId.New(), "Text", clock);
        Try(() => journey.Rename(me, text, text));
        Try(() => journey.Describe(me, text));
        Try(() => journey.SetOwner(me, text));
        var phase = journey.AddPhase(me, "Phase");
        Try(() => journey.AddPhase(me, text, text));
        var persona = journey.AddPersona(me, "Persona");
        Try(() => journey.AddPersona(me, text, text));
        var first = journey.AddActivity(me, phase, "First");
        var second = journey.AddActivity(me, phase, "Second");
        Try(() => journey.AddActivity(me, phase, text, reason: text));
        Try(() => journey.ChangeActivityDetails(me, first, d => d with { Owner = text }));
        Try(() => journey.ChangeActivityDetails(me, first, d => d with { Team = text }));
        Try(() => journey.ChangeActivityDetails(me, first, d => d with { Description = text }));
        Try(() => journey.ChangeActivityDetails(me, second, d => d with { Channels = ValueList<string>.Of(text, "web") }));
        Try(() => journey.ChangeActivityDetails(me, second, d => d with { Tags = ValueList<string>.Of("a", text) }));
        Try(() => journey.AddFlow(me, first, second, text));
        Try(() => journey.AddWidget(me, first, new MetricWidget(WidgetId.New(), text) { Unit = text }));
        Try(() => journey.AddWidget(me, first, new DescriptionWidget(WidgetId.New(), "Notes", text)));
        Try(() => journey.AddWidget(me, first, new SolutionWidget(WidgetId.New(), "Fix", text, text, SolutionStatus.Proposed)));
        Try(() => journey.AddWidget(me, second, new EmotionWidget(WidgetId.New(), "Feels", persona, EmotionScore.Neutral, null, text)));
        var feedback = journey.AddWidget(me, second, new FeedbackWidget(WidgetId.New(), "Voice"));
        Try(() => journey.RecordFeedback(me, feedback, new FeedbackEntry(text, text, Sentiment.Neutral, new LocalDate(2026, 1, 1))));
        Try(() => journey.AcknowledgeWarning(me, new Warnings.WarningKey(new Warnings.RuleId("activity.no-owner"), Warnings.WarningSubject.For(second)), text));
        if (ActorNamed(text) is { } author)
        {
            Try(() => journey.Rename(author, "Text by " + text.Length));
        }

        return journey;
    }

    // The actor named by the text, or null when Actor's own rules refuse the name (empty, no visible character, a lone
    // surrogate): such a text cannot name who makes a change, so it is not tried as one.
    private static Actor? ActorNamed(string text)
    {
        try
        {
            return new Actor(text);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static void Try(Action command)
    {
        try
        {
            command();
        }
        catch (JourneyRuleException)
        {
            // Refused: the journey is unchanged, which is what the property needs.
        }
    }
}

/// <summary>
/// FsCheck arbitrary provider for text properties: every <see cref="string"/> a property takes is drawn from
/// <see cref="TextJourneys.Texts"/> (hostile names, arbitrary strings, random UTF-16 code units with lone surrogates,
/// characters outside the basic plane, and mixtures); not shrunk. Register it as <see cref="JourneyArbitraries"/> is
/// registered, for example <c>[Property(Arbitrary = new[] { typeof(TextArbitraries) })]</c>.
/// </summary>
public static class TextArbitraries
{
    /// <summary>Texts of every kind, as <see cref="TextJourneys.Texts"/> makes them.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<string> Texts() => TextJourneys.Texts().ToArbitrary();
}
