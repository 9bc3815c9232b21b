using LoginGuard.Scoring.Anomaly;
using LoginGuard.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace LoginGuard.Scoring;

/// <summary>
/// Holds the rule set in force and swaps it when the rules file changes — only for a file that validates.
/// A bad first load throws with every error, stopping start-up; a bad reload is logged error by error and
/// rejected, and the last good set keeps running. It watches the configuration itself rather than an options
/// monitor, whose change callback would throw on a bad file instead of letting it be rejected.
/// </summary>
internal sealed class RuleSetSource : IDisposable
{
    private readonly IConfiguration configuration;
    private readonly IOptionsMonitor<StateOptions> state;
    private readonly ScoringMetrics metrics;
    private readonly ILogger<RuleSetSource> logger;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly IDisposable subscription;
    private RuleSet current;
    private RuleSetStatus status;

    private readonly AnomalyModelRule? model;

    public RuleSetSource(
        IConfiguration configuration,
        IOptionsMonitor<StateOptions> state,
        ScoringMetrics metrics,
        ILogger<RuleSetSource> logger,
        TimeProvider time,
        AnomalyModelRule? model = null)
    {
        this.model = model;
        this.configuration = configuration;
        this.state = state;
        this.metrics = metrics;
        this.logger = logger;
        this.time = time;
        var (loaded, errors) = Load();
        if (loaded is null)
        {
            metrics.Reloaded(ReloadOutcome.Rejected);
            errors.ForEach(e => ScoringLog.Error(logger, e));
            throw new OptionsValidationException(ScoringOptions.Section, typeof(ScoringOptions), errors);
        }

        current = loaded;
        status = new RuleSetStatus(loaded.Version, time.GetUtcNow(), ReloadOutcome.Loaded, []);
        metrics.Reloaded(ReloadOutcome.Loaded);
        ScoringLog.Loaded(logger, loaded.Version, loaded.Rules.Count, ReloadOutcome.Loaded);
        subscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    public RuleSet Current => Volatile.Read(ref current);

    public RuleSetStatus Status
    {
        get
        {
            lock (gate)
            {
                return status;
            }
        }
    }

    public void Dispose() => subscription.Dispose();

    private void Reload()
    {
        var (loaded, errors) = Load();
        lock (gate)
        {
            // Any configuration change signals a reload; one that leaves the rules as they were is not news.
            if (loaded?.Version == current.Version && status.LastReloadOutcome != ReloadOutcome.Rejected)
            {
                return;
            }

            if (loaded is null)
            {
                status = status with { LastReloadAt = time.GetUtcNow(), LastReloadOutcome = ReloadOutcome.Rejected, LastReloadErrors = errors };
                metrics.Reloaded(ReloadOutcome.Rejected);
                ScoringLog.Rejected(logger, errors.Count, current.Version);
                errors.ForEach(e => ScoringLog.Error(logger, e));
                return;
            }

            Volatile.Write(ref current, loaded);
            status = new RuleSetStatus(loaded.Version, time.GetUtcNow(), ReloadOutcome.Accepted, []);
            metrics.Reloaded(ReloadOutcome.Accepted);
            ScoringLog.Loaded(logger, loaded.Version, loaded.Rules.Count, ReloadOutcome.Accepted);
        }
    }

    private (RuleSet? RuleSet, List<string> Errors) Load()
    {
        var (options, errors) = ScoringConfiguration.Load(configuration, state.CurrentValue);
        return (options is null ? null : RuleSet.From(options, model), errors);
    }
}
