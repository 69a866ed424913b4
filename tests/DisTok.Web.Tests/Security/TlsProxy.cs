using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Forwarder;

namespace DisTok.Web.Tests.Security;

/// <summary>
/// A TLS-terminating reverse proxy on loopback, as a deployment puts in front of the studio: it serves HTTPS with a
/// throw-away self-signed certificate and forwards every request (WebSockets included) to <see cref="Destination"/> with
/// YARP's default transforms (X-Forwarded-For, -Proto and -Host). Its own connections to the studio leave from
/// <see cref="ProxyAddress"/>, so the studio sees the proxy there and the browser's real address only through the headers.
/// </summary>
public sealed class TlsProxy : IAsyncDisposable
{
    /// <summary>The address the proxy's connections to the studio come from (the loopback network is all on lo).</summary>
    public static readonly IPAddress ProxyAddress = IPAddress.Parse("127.0.0.3");

    readonly WebApplication _app;
    readonly HttpMessageInvoker _client;

    /// <summary>Where requests go now (a restarted studio listens on a new port).</summary>
    public Uri Destination { get; set; }

    /// <summary>The proxy's HTTPS address, e.g. https://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    TlsProxy(WebApplication app, HttpMessageInvoker client, Uri destination, Uri baseAddress) =>
        (_app, _client, Destination, BaseAddress) = (app, client, destination, baseAddress);

    /// <summary>Starts the proxy in front of <paramref name="destination"/>.</summary>
    public static async Task<TlsProxy> StartAsync(Uri destination)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddHttpForwarder();
        var certificate = SelfSigned();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        app.UseWebSockets();
        var client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false, AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(ProxyAddress, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        });
        TlsProxy? proxy = null;
        app.Run(async context =>
        {
            var forwarder = context.RequestServices.GetRequiredService<IHttpForwarder>();
            await forwarder.SendAsync(context, proxy!.Destination.ToString(), client, ForwarderRequestConfig.Empty, HttpTransformer.Default);
        });
        await app.StartAsync();
        var address = new Uri(app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        proxy = new TlsProxy(app, client, destination, address);
        return proxy;
    }

    static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _client.Dispose();
    }
}
