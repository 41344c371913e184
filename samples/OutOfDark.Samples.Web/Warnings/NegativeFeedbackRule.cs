using System.Linq;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Warnings;

/// <summary>Settings of <see cref="NegativeFeedbackRule"/>, from <c>OutOfDark:Rules:web.negative-feedback</c>.</summary>
internal sealed record NegativeFeedbackSettings : RuleSettings
{
    /// <summary>How many of the newest feedback entries to look at.</summary>
    public int LastEntries { get; init; } = 5;

    /// <summary>At least this many entries are needed to judge.</summary>
    public int MinimumEntries { get; init; } = 3;

    /// <summary>The share of negative entries, in percent, above which the activity is flagged.</summary>
    public decimal MaximumNegativeShare { get; init; } = 50;
}

/// <summary>
/// A custom rule of this host, registered next to the built-ins: too much of the newest customer feedback at an
/// activity is negative.
/// </summary>
internal sealed class NegativeFeedbackRule : WarningRule<NegativeFeedbackSettings>
{
    public static readonly RuleId RuleId = new("web.negative-feedback");

    public NegativeFeedbackRule()
        : base(RuleId, "Mostly negative feedback", SubjectKind.Activity, WarningSeverity.Warning, new NegativeFeedbackSettings())
    {
    }

    protected override RuleResult Evaluate(in RuleContext context, NegativeFeedbackSettings settings)
    {
        var activity = context.Activity!;
        var newest = activity.Widgets.OfType<FeedbackWidget>()
            .SelectMany(w => w.Entries)
            .OrderByDescending(e => e.Date)
            .Take(settings.LastEntries)
            .ToList();
        if (newest.Count < settings.MinimumEntries)
        {
            return RuleResult.None;
        }

        var negative = newest.Count(e => e.Sentiment < Sentiment.Neutral);
        var share = decimal.Round(negative * 100m / newest.Count, 0);
        return share <= settings.MaximumNegativeShare
            ? RuleResult.None
            : context.Raise(
                WarningSeverity.Warning,
                $"{negative} of the last {newest.Count} feedback entries at '{activity.Name}' are negative ({share} %) — limit {settings.MaximumNegativeShare} %",
                WarningEvidence.Of("negative entries", negative),
                WarningEvidence.Of("entries", newest.Count),
                WarningEvidence.Of("negative share %", share),
                WarningEvidence.Of("newest entry", newest[0].Date));
    }
}
