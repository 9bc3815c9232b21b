using LoginGuard.Feedback;
using StackExchange.Redis;

namespace LoginGuard.Worker.Api;

/// <summary>The platform's review page posts the learner's answer here with the token from the mail's link.</summary>
internal static class FeedbackEndpoints
{
    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/feedback", AnswerAsync)
            .Described("AnswerAlert", "The learner's answer to an alert mail, with the token from its link: was-me or was-not-me")
            .RequireScope(ApiScopes.Feedback)
            .Accepts<FeedbackRequest>("application/json").Produces<FeedbackReceipt>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/v1/feedback/labels", LabelsAsync)
            .Described("ListLabels", "The learners' answers, newest first, as labels for retraining the model")
            .RequireScope(ApiScopes.DecisionsRead)
            .Produces<IReadOnlyList<FeedbackLabel>>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> AnswerAsync(FeedbackRequest? request, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<FeedbackService>() is not { } feedback || !services.GetRequiredService<FeedbackTokens>().IsEnabled)
        {
            return Problem(StatusCodes.Status404NotFound, "Feedback is off", "Set Feedback:TokenKey and Feedback:ReviewUrl, with Redis and Kafka configured.");
        }

        if (request?.Token is not { Length: > 0 } token || !FeedbackAnswers.TryParse(request.Answer, out var answer))
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid answer", $"Send {{\"token\": \"<from the mail's link>\", \"answer\": \"{string.Join("\" or \"", FeedbackAnswers.AllWireNames)}\"}}.");
        }

        var (claim, problem) = services.GetRequiredService<FeedbackTokens>().Open(token);
        if (claim is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid token", problem!);
        }

        try
        {
            return await feedback.AnswerAsync(claim, answer, cancellationToken) == FeedbackOutcome.Accepted
                ? TypedResults.Ok(new FeedbackReceipt(claim.EventId, answer.Label()))
                : Problem(StatusCodes.Status409Conflict, "Already answered", "This mail was answered already, and the answer is kept; each link takes one answer.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The answer, its label and its report are kept in one script: it may not have run, and if it did, a
            // second answer meets 409 with the report still on its way.
            return Problem(StatusCodes.Status503ServiceUnavailable, "Not taken", "The answer could not be recorded; the link is still good, send the answer again.");
        }
    }

    /// <summary>The learners' answers, newest first: the labels the model trainer reads.</summary>
    private static async Task<IResult> LabelsAsync(int? max, IServiceProvider services)
    {
        if (services.GetService<RedisFeedbackStore>() is not { } store)
        {
            return Problem(StatusCodes.Status404NotFound, "Feedback is off", "Labels are kept in Redis; set Redis:Configuration.");
        }

        return TypedResults.Ok(await store.LabelsAsync(Math.Clamp(max ?? 1000, 1, 100_000)));
    }

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}

/// <param name="Answer"><c>was-me</c> or <c>was-not-me</c>.</param>
internal sealed record FeedbackRequest(string? Token, string? Answer);

internal sealed record FeedbackReceipt(string EventId, string Label);
