using System;
using System.Collections.Generic;
using RulesEngine.Models;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Warnings.Baselines;

/// <summary>
/// The three rules as a Microsoft RulesEngine workflow of lambda expressions over one activity fact (parsed and compiled
/// once, on the first call), executed once per activity: the alternative a user would write with RulesEngine.
/// </summary>
public sealed class RulesEngineBaseline
{
    private const string Workflow = "warnings";
    private readonly RulesEngine.RulesEngine _engine;

    /// <summary>Creates the engine with the workflow.</summary>
    public RulesEngineBaseline()
    {
        var workflow = new Workflow
        {
            WorkflowName = Workflow,
            Rules =
            [
                new Rule { RuleName = ThreeRules.Threshold, RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = "ThreeRules.ThresholdLevel(a.Activity) > 0" },
                new Rule { RuleName = ThreeRules.NoOwner, RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = "ThreeRules.HasNoOwner(a.Activity)" },
                new Rule { RuleName = ThreeRules.Stale, RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = "ThreeRules.IsStale(a.Activity, a.Today)" },
            ],
        };
        _engine = new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = [typeof(ThreeRules)] });
    }

    /// <summary>Runs the workflow on one activity and adds its hits.</summary>
    /// <param name="fact">The activity fact.</param>
    /// <param name="hits">Where hits go.</param>
    /// <exception cref="InvalidOperationException">An expression failed (RulesEngine reports it as data).</exception>
    public void Check(ActivityFact fact, List<Hit> hits)
    {
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(hits);
        var results = _engine.ExecuteAllRulesAsync(Workflow, new RuleParameter("a", fact)).AsTask().GetAwaiter().GetResult();
        foreach (var result in results)
        {
            if (!string.IsNullOrEmpty(result.ExceptionMessage))
            {
                throw new InvalidOperationException($"RulesEngine rule {result.Rule.RuleName} failed: {result.ExceptionMessage}");
            }

            if (result.IsSuccess)
            {
                var rule = result.Rule.RuleName;
                var severity = rule == ThreeRules.Threshold ? ThreeRules.SeverityOf(ThreeRules.ThresholdLevel(fact.Activity)) : WarningSeverity.Warning;
                hits.Add(new Hit(rule, fact.Activity.Id, severity));
            }
        }
    }

    /// <summary>A full evaluation: the workflow on every activity.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="hits">Cleared, then filled.</param>
    public void Run(IReadOnlyList<ActivityFact> facts, List<Hit> hits)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(hits);
        hits.Clear();
        foreach (var fact in facts)
        {
            Check(fact, hits);
        }
    }
}
