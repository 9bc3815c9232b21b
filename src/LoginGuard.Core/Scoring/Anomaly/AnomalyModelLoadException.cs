namespace LoginGuard.Scoring.Anomaly;

/// <summary>A model file that cannot be used, with a message that names the setting and says how to fix it.</summary>
internal sealed class AnomalyModelLoadException : Exception
{
    public AnomalyModelLoadException()
    {
    }

    public AnomalyModelLoadException(string message)
        : base(message)
    {
    }

    public AnomalyModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
