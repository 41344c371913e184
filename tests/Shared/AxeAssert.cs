using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace OutOfDark.Tests.Shared;

/// <summary>
/// axe-core on a page as it is now, linked into each browser test project: fails listing every serious or critical
/// violation (rule id, the element's selector, what is wrong and how to fix it). Minor and moderate findings pass.
/// </summary>
internal static class AxeAssert
{
    /// <summary>Runs axe-core on the whole page (WCAG 2.x A and AA rules and axe's best practices).</summary>
    /// <param name="page">The page, in the state to check (a view open, a dialog shown).</param>
    /// <param name="view">The view's name, for the failure message ("map", "Detail open").</param>
    /// <returns>A task that fails the test when a serious or critical violation is found.</returns>
    public static async Task NoSeriousViolationsAsync(IPage page, string view)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            ResultTypes = [ResultType.Violations],
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (serious.Count == 0)
        {
            return;
        }

        var message = new StringBuilder($"axe-core found {serious.Count} serious or critical violation(s) on the {view} view:");
        foreach (var violation in serious)
        {
            message.Append('\n').Append($"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes.Take(10))
            {
                var summary = string.Join("; ", node.All.Concat(node.None).Concat(node.Any.Take(1)).Select(check => check.Message).Distinct());
                message.Append('\n').Append($"    {node.Target} — {summary}");
            }

            if (violation.Nodes.Length > 10)
            {
                message.Append('\n').Append($"    … and {violation.Nodes.Length - 10} more");
            }
        }

        Assert.Fail(message.ToString());
    }
}
