using System;
using System.Collections.Generic;

namespace OutOfDark.Samples.Web.Api;

/// <summary>Builds a widget from an add-widget request: metric, link or description.</summary>
internal static class WidgetRequests
{
    public static Widget? Create(AddWidgetRequest body, Dictionary<string, string[]> errors)
    {
        var title = body.Title ?? "";
        switch (body.Kind?.ToLowerInvariant())
        {
            case "metric":
                var kind = MetricKind.Count;
                if (body.MetricKind is { Length: > 0 } k && (!Enum.TryParse(k, ignoreCase: true, out kind) || !Enum.IsDefined(kind)))
                {
                    errors["metricKind"] = [$"'{k}' is not a metric kind such as count, percentage or nps."];
                }

                var direction = MetricDirection.HigherIsBetter;
                if (body.Direction is { Length: > 0 } d && (!Enum.TryParse(d, ignoreCase: true, out direction) || !Enum.IsDefined(direction)))
                {
                    errors["direction"] = [$"'{d}' is not a direction: use higherIsBetter or lowerIsBetter."];
                }

                return new MetricWidget(WidgetId.New(), title)
                {
                    Unit = body.Unit ?? "",
                    Kind = kind,
                    Direction = direction,
                    Target = body.Target,
                    WarningThreshold = body.WarningThreshold,
                    CriticalThreshold = body.CriticalThreshold,
                };
            case "link":
                if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url))
                {
                    errors["url"] = [$"'{body.Url}' is not an absolute address such as https://example.com/page."];
                    return null;
                }

                return new LinkWidget(WidgetId.New(), title, url);
            case "description":
                return new DescriptionWidget(WidgetId.New(), title, body.Markdown ?? "");
            default:
                errors["kind"] = [$"'{body.Kind}' is not a widget kind this API adds: use metric, link or description."];
                return null;
        }
    }
}
