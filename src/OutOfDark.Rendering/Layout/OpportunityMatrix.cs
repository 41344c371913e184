using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;

namespace OutOfDark.Rendering;

/// <summary>
/// The prioritisation matrix as data: effort on the horizontal axis (1, left, to 5, right), value — the mean of
/// customer and business value — on the vertical axis (1, bottom, to 5, top), four quadrants, and one point per scored
/// opportunity. The report draws it; a bespoke UI can draw its own from the same numbers.
/// </summary>
/// <param name="Width">The whole area's width, in layout units.</param>
/// <param name="Height">The whole area's height.</param>
/// <param name="Plot">The plotting area inside the axes.</param>
/// <param name="Quadrants">The four quadrants' areas: quick wins top left, big bets top right, fill-ins bottom left, money pits bottom right.</param>
/// <param name="Points">The scored opportunities, in rank order.</param>
/// <param name="Unscored">The opportunities without scores, in journey order: they have no place on the matrix.</param>
public sealed record OpportunityMatrix(double Width, double Height, Box Plot, ValueList<MatrixQuadrant> Quadrants, ValueList<MatrixPoint> Points, ValueList<OpportunityId> Unscored)
{
    /// <summary>The margin around the plot, for the axes' labels.</summary>
    public const double Margin = 48;

    /// <summary>Lays out a journey's opportunities on the matrix.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="formula">The priority formula for the points' ranks; <see cref="OpportunityPriority.Default"/> when omitted.</param>
    /// <param name="size">The plot's side, in layout units; 360 when omitted. At least 100.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 100.</exception>
    /// <exception cref="InvalidOperationException">The formula threw (see <see cref="OpportunityPriority.Rank"/>).</exception>
    /// <remarks>
    /// A point's centre is at its (effort, value) on the axes; opportunities with the same scores sit on a small circle
    /// around that spot (radius 14), in rank order, so none hides another. Deterministic and thread-safe.
    /// </remarks>
    public static OpportunityMatrix Compute(Journey journey, OpportunityPriorityFormula? formula = null, double size = 360)
    {
        Guard.Against.Null(journey);
        Guard.Against.OutOfRange(size, nameof(size), 100d, double.MaxValue, "The matrix's size must be at least 100 layout units.");
        var plot = new Box(Margin, Margin / 2, size, size);
        var half = size / 2;
        var quadrants = ValueList<MatrixQuadrant>.Of(
            new MatrixQuadrant(OpportunityQuadrant.QuickWin, new Box(plot.X, plot.Y, half, half)),
            new MatrixQuadrant(OpportunityQuadrant.BigBet, new Box(plot.X + half, plot.Y, half, half)),
            new MatrixQuadrant(OpportunityQuadrant.FillIn, new Box(plot.X, plot.Y + half, half, half)),
            new MatrixQuadrant(OpportunityQuadrant.MoneyPit, new Box(plot.X + half, plot.Y + half, half, half)));

        var ranked = OpportunityPriority.Rank(journey, formula);
        var spots = new Dictionary<(int Effort, decimal Value), int>();
        var crowd = new Dictionary<(int Effort, decimal Value), int>();
        foreach (var r in ranked)
        {
            if (r.Opportunity.Scores is { } s)
            {
                crowd[(s.Effort, s.Value)] = crowd.GetValueOrDefault((s.Effort, s.Value)) + 1;
            }
        }

        var points = new List<MatrixPoint>();
        var unscored = new List<OpportunityId>();
        foreach (var r in ranked)
        {
            if (r.Opportunity.Scores is not { } s)
            {
                unscored.Add(r.Opportunity.Id);
                continue;
            }

            var key = (s.Effort, s.Value);
            var k = spots.GetValueOrDefault(key);
            spots[key] = k + 1;
            var x = plot.X + ((s.Effort - 1) / 4.0 * size);
            var y = plot.Bottom - ((double)(s.Value - 1) / 4.0 * size);
            if (crowd[key] > 1)
            {
                var angle = 2 * Math.PI * k / crowd[key];
                x += 14 * Math.Cos(angle);
                y += 14 * Math.Sin(angle);
            }

            points.Add(new MatrixPoint(r.Opportunity.Id, s.Value, s.Effort, r.Priority!.Value, r.Rank, OpportunityPriority.QuadrantOf(s), new Point(x, y)));
        }

        return new OpportunityMatrix(size + (2 * Margin), size + (1.5 * Margin), plot, quadrants, ValueList<MatrixPoint>.From(points), ValueList<OpportunityId>.From(unscored));
    }
}

/// <summary>One quadrant of the prioritisation matrix.</summary>
/// <param name="Quadrant">Which quadrant.</param>
/// <param name="Bounds">Its area.</param>
public sealed record MatrixQuadrant(OpportunityQuadrant Quadrant, Box Bounds);

/// <summary>A scored opportunity on the prioritisation matrix.</summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="Value">The mean of its customer and business value, 1–5.</param>
/// <param name="Effort">Its effort, 1–5.</param>
/// <param name="Priority">Its priority by the formula used.</param>
/// <param name="Rank">Its rank, from 1.</param>
/// <param name="Quadrant">Its quadrant.</param>
/// <param name="Center">Where its marker goes.</param>
public sealed record MatrixPoint(OpportunityId OpportunityId, decimal Value, int Effort, decimal Priority, int Rank, OpportunityQuadrant Quadrant, Point Center);
