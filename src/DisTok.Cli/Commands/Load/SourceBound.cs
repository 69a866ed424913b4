using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.AspNetCore.SignalR.Client;

namespace DisTok.Cli.Commands.Load;

/// <summary>HTTP and hub connections that leave from a chosen loopback address (all of 127.0.0.0/8 is on the loopback
/// interface), so one load run can play several clients the studio tells apart by address, without trusting any
/// forwarded header.</summary>
public static class SourceBound
{
    /// <summary>A handler whose connections leave from <paramref name="source"/> (null: the system's choice).</summary>
    public static SocketsHttpHandler Handler(IPAddress? source, CookieContainer? cookies = null) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        UseProxy = false,
        ConnectCallback = source is null ? null : async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>A hub connection (negotiation and WebSocket, sharing cookies) from <paramref name="source"/>, not started.</summary>
    public static HubConnection Hub(Uri url, IPAddress? source, IReadOnlyDictionary<string, string>? headers = null) =>
        new HubConnectionBuilder().WithUrl(url, o =>
        {
            foreach (var (k, v) in headers ?? new Dictionary<string, string>()) o.Headers[k] = v;
            if (source is null) return;
            // One cookie jar for negotiation and the WebSocket, as a browser has: behind a proxy with session affinity
            // its cookie keeps both on the same node.
            var cookies = new CookieContainer();
            o.HttpMessageHandlerFactory = _ => Handler(source, cookies);
            o.WebSocketFactory = async (context, ct) =>
            {
                var socket = new ClientWebSocket();
                foreach (var (k, v) in headers ?? new Dictionary<string, string>()) socket.Options.SetRequestHeader(k, v);
                var invoker = new HttpMessageInvoker(Handler(source, cookies));   // not disposed: the open WebSocket keeps using its connection
                await socket.ConnectAsync(context.Uri, invoker, ct);
                return socket;
            };
        }).Build();
}
