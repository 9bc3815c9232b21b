using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LoginGuard.IntegrationTests.Infrastructure;
using LoginGuard.Worker.Api;

namespace LoginGuard.IntegrationTests.Api;

/// <summary>
/// The API served as production serves it off loopback: https with a certificate from Kestrel's configuration
/// (<c>Kestrel:Certificates:Default</c>), on a real socket, checked by a client that trusts only that certificate.
/// </summary>
public sealed class TlsTests(RedisFixture redis) : IClassFixture<RedisFixture>, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("loginguard-tls-");

    [Fact]
    public async Task An_https_url_serves_the_api_with_the_configured_certificate()
    {
        using var certificate = SelfSigned("127.0.0.1");
        var port = FreePort.Next();
        await using var worker = await ApiWorker.StartAsync(redis.Server, settings: worker => worker.With(Https(certificate, port)));
        X509Certificate2? presented = null;
        using var client = TrustingOnly(certificate, seen => presented = seen, port);

        var health = await client.GetAsync("/healthz/ready");

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        presented!.Thumbprint.Should().Be(certificate.Thumbprint, "the worker presents the certificate it was given");
    }

    [Fact]
    public async Task Plain_http_to_the_https_port_gets_no_api()
    {
        using var certificate = SelfSigned("127.0.0.1");
        var port = FreePort.Next();
        await using var worker = await ApiWorker.StartAsync(redis.Server, settings: worker => worker.With(Https(certificate, port)));
        using var plain = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        plain.DefaultRequestHeaders.Add(ApiKey.Header, ApiWorker.Key);

        var ask = () => plain.GetAsync("/healthz/ready");

        await ask.Should().ThrowAsync<HttpRequestException>("the port speaks only TLS: a plain request is cut off unanswered");
    }

    public void Dispose() => folder.Delete(recursive: true);

    private Dictionary<string, string?> Https(X509Certificate2 certificate, int port)
    {
        var path = Path.Combine(folder.FullName, "api.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        return new()
        {
            ["Api:Url"] = $"https://127.0.0.1:{port}",
            ["Kestrel:Certificates:Default:Path"] = path,
            ["Kestrel:Certificates:Default:Password"] = "pfx-password",
        };
    }

    private static X509Certificate2 SelfSigned(string address)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={address}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Parse(address));
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>A client that builds the chain with this certificate as its only root, as a caller pinning a private CA would.</summary>
    private static HttpClient TrustingOnly(X509Certificate2 root, Action<X509Certificate2> seen, int port)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                {
                    if (presented is null)
                    {
                        return false;
                    }

                    var certificate = new X509Certificate2(presented);
                    seen(certificate);
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(root);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None && chain.Build(certificate);
                },
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Add(ApiKey.Header, ApiWorker.Key);
        return client;
    }
}
