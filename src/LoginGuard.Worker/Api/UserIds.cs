namespace LoginGuard.Worker.Api;

/// <summary>The same rule the event contract sets for <c>userId</c>: 1–128 characters, no control characters.</summary>
internal static class UserIds
{
    public const int MaxLength = 128;

    public static IResult? Problem(string? userId, string parameter = "userId") =>
        string.IsNullOrEmpty(userId) || userId.Length > MaxLength || userId.Any(char.IsControl)
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid user id",
                detail: $"{parameter} must be 1–{MaxLength} characters without control characters.")
            : null;
}
