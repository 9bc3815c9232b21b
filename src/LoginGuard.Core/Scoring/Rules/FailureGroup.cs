namespace LoginGuard.Scoring.Rules;

/// <summary>What failed sign-ins are counted by (CrowdSec's group by).</summary>
internal enum FailureGroup
{
    Learner,
    LearnerAndAddress,
    Address,
    Network,
}
