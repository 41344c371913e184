using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace OutOfDark.Json.TheyDo;

public static partial class TheyDoInterchange
{
    /// <summary>
    /// Imports an opportunities file as first-class opportunities of the journey: title, description, status (read with
    /// <see cref="OpportunityStatuses.TryParse"/>) and <c>ownerEmail</c> as the owner. Each <c>importKey</c> names one
    /// opportunity: a key that is a GUID (as <see cref="ExportOpportunities"/> writes) is that opportunity's id, any other
    /// key gives an id derived from the journey's id and the key (SHA-256), so a re-import finds the same opportunities,
    /// updates what changed and changes nothing else. All or nothing: the import is rehearsed on a copy of the journey first.
    /// </summary>
    /// <remarks>
    /// A status OutOfDark does not know (TheyDo's statuses are free text) is not dropped silently: it is listed in the
    /// result, and the opportunity is added as <see cref="OpportunityStatus.Idea"/> or keeps its status. A status,
    /// <c>description</c> or <c>ownerEmail</c> that is absent (or <c>null</c>) leaves an existing opportunity's status,
    /// description or owner as it is. Scores, links, type,
    /// tags, groups, group tags and external links are not placed (see docs/interchange.md).
    /// </remarks>
    /// <param name="journey">The journey that receives the opportunities.</param>
    /// <param name="actor">Who imports.</param>
    /// <param name="file">The file, from <see cref="TheyDoJson.ReadOpportunities"/>.</param>
    /// <param name="reason">Why, recorded on every event.</param>
    /// <returns>How many opportunities were added and changed, and for each unmapped status a line naming its JSON path
    /// and text (<see cref="TheyDoOpportunitiesImport"/>; deconstructs as <c>var (added, changed, unmapped)</c>).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="TheyDoImportException">Two opportunities of the file share an import key, or the journey refuses
    /// one (inner <see cref="JourneyRuleException"/>, for example a blank title); <see cref="TheyDoImportException.Path"/>
    /// says where in the file. The journey is unchanged.</exception>
    public static TheyDoOpportunitiesImport ImportOpportunities(Journey journey, Actor actor, TheyDoOpportunitiesFile file, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(file);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < file.Opportunities.Count; i++)
        {
            var key = file.Opportunities[i].ImportKey;
            if (!seen.TryAdd(key, i))
            {
                throw new TheyDoImportException($"Import key \"{key}\" is used a second time (first at $.opportunities[{seen[key]}]): each opportunity needs its own key.", $"$.opportunities[{i}].importKey", key);
            }
        }

        // Rehearse on a copy so that a refusal half-way leaves the real journey untouched.
        var rehearsal = Journey.FromSnapshot(journey.ToSnapshot(), journey.Clock);
        ApplyOpportunities(rehearsal, actor, file, reason);
        return ApplyOpportunities(journey, actor, file, reason);
    }

    /// <summary>
    /// Exports the journey's opportunities as a TheyDo opportunities file, in the journey's order: the opportunity's id
    /// (GUID, "D" format) as import key, title, description, and status as a title TheyDo shows ("Idea", "Planned",
    /// "In progress", "Done", "Dropped"). Importing the file back into the journey changes nothing; importing it into
    /// another journey gives the same opportunities (same ids, titles, descriptions, statuses) without what the report
    /// lists.
    /// </summary>
    /// <remarks>
    /// TheyDo's file has no member for an opportunity's scores or links, and its <c>ownerEmail</c> is no place for OutOfDark's free-text owner:
    /// every opportunity that has one of them gets an entry in <see cref="TheyDoOpportunitiesExport.Losses"/>
    /// (<see cref="TheyDoOpportunityPart"/>), so nothing is dropped silently.
    /// </remarks>
    /// <param name="journey">The journey.</param>
    /// <returns>The file and what it does not carry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    public static TheyDoOpportunitiesExport ExportOpportunities(Journey journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var losses = new List<TheyDoOpportunityLoss>();
        foreach (var o in journey.Opportunities)
        {
            if (o.Scores is { } scores)
            {
                losses.Add(new(o.Id, o.Title, TheyDoOpportunityPart.Scores, $"Scores not written (customer value {scores.CustomerValue}, business value {scores.BusinessValue}, effort {scores.Effort}): TheyDo's opportunities file has no scores."));
            }

            if (o.Links.Count > 0)
            {
                losses.Add(new(o.Id, o.Title, TheyDoOpportunityPart.Links, $"{o.Links.Count} link(s) not written ({string.Join(", ", o.Links.Select(journey.DescribeLink))}): TheyDo's opportunities file has no links to a journey's objects."));
            }

            if (o.Owner is { } owner)
            {
                losses.Add(new(o.Id, o.Title, TheyDoOpportunityPart.Owner, $"Owner \"{owner}\" not written: OutOfDark's owner is free text and TheyDo's ownerEmail an e-mail address."));
            }
        }

        var opportunities = journey.Opportunities.Select(o => new TheyDoOpportunity(o.Id.Value.ToString("D"), o.Title)
        {
            Description = o.Description,
            Status = o.Status switch
            {
                OpportunityStatus.Planned => "Planned",
                OpportunityStatus.InProgress => "In progress",
                OpportunityStatus.Done => "Done",
                OpportunityStatus.Dropped => "Dropped",
                _ => "Idea",
            },
        }).ToList();
        return new TheyDoOpportunitiesExport(new TheyDoOpportunitiesFile(ValueList<TheyDoOpportunity>.From(opportunities)), ValueList<TheyDoOpportunityLoss>.From(losses));
    }

    /// <summary>The opportunity id an import key names in a journey: the key itself when it is a GUID, else one derived from both.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="importKey">The key.</param>
    /// <returns>The id; the same for the same journey and key.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static OpportunityId OpportunityIdOf(Journey journey, string importKey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(importKey);
        if (Guid.TryParse(importKey, out var guid))
        {
            return new OpportunityId(guid);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"theydo-opportunity\n{journey.Id.Value:D}\n{importKey}"));
        return new OpportunityId(new Guid(hash.AsSpan(0, 16)));
    }

    private static TheyDoOpportunitiesImport ApplyOpportunities(Journey journey, Actor actor, TheyDoOpportunitiesFile file, string? reason)
    {
        var (added, changed) = (0, 0);
        var unmapped = new List<string>();
        for (var i = 0; i < file.Opportunities.Count; i++)
        {
            var item = file.Opportunities[i];
            var path = $"$.opportunities[{i}]";
            OpportunityStatus? status = null;
            if (item.Status is { } text)
            {
                if (OpportunityStatuses.TryParse(text, out var parsed))
                {
                    status = parsed;
                }
                else
                {
                    unmapped.Add($"{path}.status: \"{text}\" is not a status OutOfDark knows (Idea, Planned, In progress, Done, Dropped); the opportunity keeps its status, or Idea when new.");
                }
            }

            var id = OpportunityIdOf(journey, item.ImportKey);
            try
            {
                if (journey.FindOpportunity(id) is not { } existing)
                {
                    journey.AddOpportunity(actor, item.Title, item.Description, item.OwnerEmail, status ?? OpportunityStatus.Idea, id, reason);
                    added++;
                }
                else
                {
                    var owner = item.OwnerEmail ?? existing.Owner;
                    var description = item.Description ?? existing.Description;
                    var newStatus = status ?? existing.Status;
                    if (existing.Title != item.Title || existing.Description != description || existing.Owner != owner || existing.Status != newStatus)
                    {
                        journey.ChangeOpportunity(actor, id, item.Title, description, owner, newStatus, reason);
                        changed++;
                    }
                }
            }
            catch (JourneyRuleException ex)
            {
                throw new TheyDoImportException($"The journey refuses opportunity \"{item.Title}\" of import key \"{item.ImportKey}\": {ex.Message}", path, item.ImportKey, ex);
            }
        }

        return new TheyDoOpportunitiesImport(added, changed, ValueList<string>.From(unmapped));
    }
}
