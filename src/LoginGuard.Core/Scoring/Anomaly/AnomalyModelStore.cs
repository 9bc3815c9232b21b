namespace LoginGuard.Scoring.Anomaly;

/// <summary>
/// Holds the model in force, loaded once per path: start-up validation loads it (so a bad file stops
/// start-up), scoring reuses it, and pointing <c>Scoring:Model:Path</c> elsewhere on a reload swaps it.
/// </summary>
internal sealed class AnomalyModelStore : IDisposable
{
    private readonly Lock gate = new();
    private (string Path, AnomalyModel Model)? current;

    public AnomalyModel Get(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        lock (gate)
        {
            if (current is { } loaded && loaded.Path == fullPath)
            {
                return loaded.Model;
            }

            var model = AnomalyModel.Load(fullPath, AnomalyModelOptions.Section + ":Path");
            current?.Model.Dispose();
            current = (fullPath, model);
            return model;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            current?.Model.Dispose();
            current = null;
        }
    }
}
