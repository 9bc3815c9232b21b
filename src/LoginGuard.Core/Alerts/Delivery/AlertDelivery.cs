using LoginGuard.Alerts.Content;
using LoginGuard.Alerts.Outbox;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.Retry;

namespace LoginGuard.Alerts.Delivery;

/// <summary>
/// Sends one alert: builds its mail, signs it, hands it to the sender with a few quick retries for a passing
/// blip, and says what came of it. Longer outages are the outbox's to wait out (<see cref="AlertDispatch"/>).
/// </summary>
internal sealed class AlertDelivery
{
    private readonly AlertMessageBuilder builder;
    private readonly DkimSigning dkim;
    private readonly IAlertSender sender;
    private readonly ResiliencePipeline retry;

    public AlertDelivery(AlertMessageBuilder builder, DkimSigning dkim, IAlertSender sender, AlertMetrics metrics, IOptions<AlertOutboxOptions> options, TimeProvider clock)
    {
        this.builder = builder;
        this.dkim = dkim;
        this.sender = sender;
        retry = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException && DeliveryResult.IsTransient(e)),
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Value.RetryBaseDelay,
                MaxDelay = options.Value.RetryMaxDelay,
                OnRetry = _ =>
                {
                    metrics.Retried();
                    return default;
                },
            })
            .Build();
    }

    public async Task<DeliveryResult> DeliverAsync(Alert alert, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = builder.Build(alert);
            dkim.Sign(message);
        }
        catch (ParseException e)
        {
            return new DeliveryResult(DeliveryOutcome.Permanent, Recipients.Invalid, e.Message);
        }
        catch (ArgumentException e)
        {
            return new DeliveryResult(DeliveryOutcome.Permanent, "malformed-alert", e.Message);
        }

        try
        {
            // A transaction once begun runs to its end (each command bounded by Smtp:Timeout), even when the worker is
            // stopping: cut after the server kept the message and before its reply, the mail would be recorded as unsent
            // and sent again (RFC 1047). Stopping still cuts the waits between tries, when no transaction is open.
            await retry.ExecuteAsync(async _ => await sender.SendAsync(alert, message, CancellationToken.None), cancellationToken);
            return DeliveryResult.Sent;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Classify(e);
        }
    }
}
