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
/// arrived, answers 550 for addresses it is told to refuse, and can be stopped and started on the same port to play
/// an outage, or answer each message slowly to play a congested relay.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private readonly ConcurrentDictionary<string, int> refused = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource? running;
    private Task? serving;

    private SmtpTestServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>How long the server takes to accept each message after its data arrived: a slow relay.</summary>
    public TimeSpan AnswerDelay { get; set; }

    public IReadOnlyList<MimeMessage> Received => [.. received];

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
        services.Add(new KeepingStore(received, () => AnswerDelay));
        services.Add(new RefusingFilter(refused));
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

    private sealed class KeepingStore(ConcurrentQueue<MimeMessage> received, Func<TimeSpan> answerDelay) : MessageStore
    {
        public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            // The message counts as received once its data arrived, as a relay that queues it before it answers.
            var delay = answerDelay();
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            return SmtpServer.Protocol.SmtpResponse.Ok;
        }
    }

    private sealed class RefusingFilter(ConcurrentDictionary<string, int> refused) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var address = to.AsAddress();
            if (!refused.ContainsKey(address))
            {
                return Task.FromResult(true);
            }

            refused.AddOrUpdate(address, 1, (_, count) => count + 1);
            return Task.FromResult(false);
        }
    }
}
