namespace LoginGuard.Tools.Training;

/// <summary>
/// LightGbm learns attacks from labelled examples; Pca learns only what legitimate events look like and
/// flags what it cannot reconstruct, so it needs labels only to calibrate its score; Impostor needs no labels
/// at all: it learns to tell each learner's own events from other learners' events replayed against their
/// history (<see cref="Impostors"/>), and takes labels, when there are any, as extra examples.
/// </summary>
internal enum ModelKind
{
    LightGbm,
    Pca,
    Impostor,
}
