namespace LoginGuard.Tools.Training;

/// <summary>What to train on and where to write: one or more replayed streams, each with its labels file.</summary>
/// <param name="ConfigurationFiles">The worker's settings and rules files the replay decides with (the decisions it records shape the history features read).</param>
/// <param name="Command">The command line that made this model, recorded in the metadata so anyone can make it again.</param>
internal sealed record TrainingRequest(
    IReadOnlyList<string> EventsFiles,
    IReadOnlyList<string> LabelsFiles,
    int Seed,
    string OutputDirectory,
    ModelKind Kind,
    GeoIpFiles GeoIp,
    IReadOnlyList<string> ConfigurationFiles,
    string Command);
