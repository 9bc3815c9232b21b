namespace LoginGuard.Tools.Training;

/// <summary>
/// LightGbm learns attacks from labelled examples; Pca learns only what legitimate events look like and
/// flags what it cannot reconstruct, so it needs labels only to calibrate its score.
/// </summary>
internal enum ModelKind
{
    LightGbm,
    Pca,
}
