namespace LoginGuard.Worker.Hosting;

/// <summary>
/// Finds the repository's data-samples folder, so the embedded replay works from the repo root,
/// from a subfolder, and from the container image (where the samples sit beside the binaries).
/// </summary>
internal static class SampleData
{
    public const string FolderName = "data-samples";

    public static string? Find(string relativePath) => FindInRepository(Path.Combine(FolderName, relativePath));

    /// <summary>A file of the repository (or of the image, which keeps the same layout), e.g. models/login-anomaly.zip.</summary>
    public static string? FindInRepository(string relativePath)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, relativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
