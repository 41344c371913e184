using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OutOfDark.Samples.Web.Hosting;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// What a command endpoint makes of a valid request: the journey command, the field each refusing rule is about
/// (<paramref name="Fields"/>), and optionally the endpoint's own reading of a refusal (<paramref name="FieldOf"/>, which
/// wins over <paramref name="Fields"/> when it names a field).
/// </summary>
internal sealed record Edit(JourneyCommand Command, Dictionary<string, string> Fields, Func<JourneyRuleException, string?>? FieldOf = null);

/// <summary>
/// The one shape of a command endpoint: read the JSON body (400 naming the field when it is missing or malformed),
/// validate it (400 with every field's problem, nothing run), then run the command with the journey's If-Match
/// (<see cref="JourneyApi.ChangeAsync(HttpContext, string, JourneyCommand, Dictionary{string, string}, Func{JourneyRuleException, string?}, bool)"/>:
/// 404, 409/412 through <see cref="CommandConflicts"/>, 400 for a refusing rule) and answer 200, or 201 when
/// <c>created</c>.
/// </summary>
internal static class CommandEndpoint
{
    /// <summary>
    /// Handles one command request. <paramref name="validate"/> reads the body, records each wrong field in the errors
    /// (field name → messages the UI shows next to it) and returns how to make the command; that is only called, with
    /// the request's actor, when no error was recorded.
    /// </summary>
    public static Task<IResult> HandleAsync<TRequest>(
        HttpContext context,
        string journeyId,
        Func<TRequest, Dictionary<string, string[]>, Func<Actor, Edit>> validate,
        bool created = false)
        where TRequest : class =>
        HandleAsync<TRequest>(context, journeyId, (body, _, errors) => validate(body, errors), created);

    /// <summary>
    /// Like the other overload, but <paramref name="validate"/> also gets the names of the members the body holds
    /// (compared ignoring case): a change keeps what a member left out holds, and clears it for a member sent as
    /// <c>null</c>.
    /// </summary>
    public static async Task<IResult> HandleAsync<TRequest>(
        HttpContext context,
        string journeyId,
        Func<TRequest, IReadOnlySet<string>, Dictionary<string, string[]>, Func<Actor, Edit>> validate,
        bool created = false)
        where TRequest : class
    {
        var (body, members, problem) = await HttpHelpers.ReadBodyWithMembersAsync<TRequest>(context.Request).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var errors = new Dictionary<string, string[]>();
        var make = validate(body, members, errors);
        if (errors.Count > 0)
        {
            return HttpHelpers.Invalid(errors);
        }

        var edit = make(JourneyApi.Actor(context));
        return await JourneyApi.ChangeAsync(context, journeyId, edit.Command, edit.Fields, edit.FieldOf ?? (_ => null), created).ConfigureAwait(false);
    }
}
