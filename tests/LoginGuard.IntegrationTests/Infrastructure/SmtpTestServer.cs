using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;

namespace LoginGuard.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server (the SmtpServer library) on a free loopback port, owned by a test: keeps every message that
/// arrived, answers 550 for addresses it is told to refuse, can stall its transactions at a chosen step so a client
/// dies mid-send, can answer each message slowly to play a congested relay, and can be stopped and started on the
/// same port to play an outage.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private readonly ConcurrentDictionary<string, int> refused = new(StringComparer.OrdinalIgnoreCase);
    private readonly Stall stall = new();
    private CancellationTokenSource? running;
    private Task? serving;

    private SmtpTestServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>How long the server takes to accept each message after its data arrived: a slow relay.</summary>
    public TimeSpan AnswerDelay { get; set; }

    public IReadOnlyList<MimeMessage> Received => [.. received];

    /// <summary>Every message received as its <see cref="MailIdentity"/>, once per arrival: a mail sent twice shows up twice, as in the learner's mailbox.</summary>
    public IReadOnlyList<string> Arrivals => [.. received.Select(MailIdentity.Of)];

    /// <summary>Asserts that each of these mails (<see cref="MailIdentity"/>) arrived exactly once, and nothing else: naming what came twice, what never came, what was not owed.</summary>
    /// <param name="mayNotArrive">Owed mail that may also never arrive (a later erasure may take it first); it still arrives at most once.</param>
    public void ShouldHaveReceivedEachOnce(IEnumerable<string> owedMail, IEnumerable<string>? mayNotArrive = null)
    {
        var owed = owedMail.ToHashSet(StringComparer.Ordinal);
        var arrived = Arrivals;
        arrived.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}")
            .Should().BeEmpty("no mail arrives twice ({0} arrived, {1} owed)", arrived.Count, owed.Count);
        owed.Except(arrived).Except(mayNotArrive ?? []).Should().BeEmpty("no owed mail is lost");
        arrived.Except(owed).Should().BeEmpty("no mail arrives that was not owed");
    }

    /// <summary>How many transactions are stalled right now at the step given to <see cref="StallAt"/>.</summary>
    public int Stalled => stall.Count;

    /// <summary>
    /// From now on every transaction stops at <paramref name="step"/> and waits there, the client waiting for the
    /// server's reply, until <see cref="ReleaseStalled"/>.
    /// </summary>
    public void StallAt(StallStep step) => stall.Begin(step);

    /// <summary>Lets every stalled transaction go on and stalls no more.</summary>
    public void ReleaseStalled() => stall.End();

    /// <summary>How often the server was asked to deliver to a refused address, to show a refusal is not retried.</summary>
    public int RefusalsOf(string address) => refused.TryGetValue(address, out var count) ? count : 0;

    public static SmtpTestServer Start()
    {
        var server = new SmtpTestServer(FreePort.Next());
        server.Restart();
        return server;
    }

    public void Refuse(string address) => refused.TryAdd(address, 0);

    public void Restart()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new KeepingStore(received, stall, () => AnswerDelay));
        services.Add(new RefusingFilter(refused, stall));
        running = new CancellationTokenSource();
        serving = new SmtpServer.SmtpServer(options, services).StartAsync(running.Token);
    }

    /// <summary>Closes the listener and every open session, as a crashed or restarting mail server would.</summary>
    public async Task StopAsync()
    {
        if (running is null)
        {
            return;
        }

        await running.CancelAsync();
        try
        {
            await serving!;
        }
        catch (OperationCanceledException)
        {
            // What a cancelled server ends with.
        }

        running.Dispose();
        running = null;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived, or fails after the timeout.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        received.Count.Should().BeGreaterThanOrEqualTo(count, "the mail should have arrived by now");
        return Received;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private sealed class KeepingStore(ConcurrentQueue<MimeMessage> received, Stall stall, Func<TimeSpan> answerDelay) : MessageStore
    {
        public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            // The message counts as received once its data arrived, as a relay that queues it before it answers.
            var delay = answerDelay();
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));

            // Kept, and not yet answered: the client does not know the server took responsibility (RFC 1047).
            await stall.WaitIfAt(StallStep.BeforeFinalReply, cancellationToken);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            return SmtpServer.Protocol.SmtpResponse.Ok;
        }
    }

    private sealed class RefusingFilter(ConcurrentDictionary<string, int> refused, Stall stall) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            await stall.WaitIfAt(StallStep.AtRecipient, cancellationToken);
            var address = to.AsAddress();
            if (!refused.ContainsKey(address))
            {
                return true;
            }

            refused.AddOrUpdate(address, 1, (_, count) => count + 1);
            return false;
        }
    }

    /// <summary>Where in a transaction <see cref="StallAt"/> holds it.</summary>
    public enum StallStep
    {
        /// <summary>At RCPT TO, before the message was sent: nothing is kept yet.</summary>
        AtRecipient,

        /// <summary>After the message was kept and before the 250 that tells the client so.</summary>
        BeforeFinalReply,
    }

    private sealed class Stall
    {
        private readonly Lock gate = new();
        private StallStep? step;
        private TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Begin(StallStep at)
        {
            lock (gate)
            {
                step = at;
            }
        }

        public void End()
        {
            lock (gate)
            {
                step = null;
                released.TrySetResult();
                released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public async Task WaitIfAt(StallStep here, CancellationToken cancellationToken)
        {
            Task wait;
            lock (gate)
            {
                if (step != here)
                {
                    return;
                }

                wait = released.Task;
            }

            Interlocked.Increment(ref count);
            try
            {
                await wait.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref count);
            }
        }
    }
}
