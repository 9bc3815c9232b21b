namespace LoginGuard.Feedback;

/// <summary>Wakes this worker's <see cref="CompromiseReportRelay"/> when it took a report, so it is sent at once rather than at the next poll.</summary>
internal sealed class ReportSignal : WakeSignal;
