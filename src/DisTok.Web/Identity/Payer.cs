using System.Net;
using System.Net.Sockets;
using System.Security.Claims;

namespace DisTok.Web.Identity;

/// <summary>
/// Whose share a piece of work counts against, for the queue's per-address and per-account limits and the rate
/// limiter: <c>account:{id}</c> when signed in (on any browser or address), else <c>address:{client address}</c> as
/// seen after the forwarded headers of a known proxy. Cookies and connections are free to make, so they never decide
/// it. IPv6 addresses count by their /64 network (one home or one host gets a whole /64 to rotate through).
/// </summary>
public static class Payer
{
    /// <summary>The payer of a request or hub connection.</summary>
    public static string Of(HttpContext? http) => Of(http?.User, http?.Connection.RemoteIpAddress);

    /// <summary>The payer for a sign-in (may be null) at a client address (may be null when unknown).</summary>
    public static string Of(ClaimsPrincipal? user, IPAddress? address) => Owners.AccountOf(user) ?? AddressKey(address);

    /// <summary>True for an account's key (accounts get their own share).</summary>
    public static bool IsAccount(string payer) => payer.StartsWith("account:", StringComparison.Ordinal);

    /// <summary><c>address:a.b.c.d</c>, or <c>address:prefix/64</c> for IPv6, or <c>address:unknown</c>.</summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null) return "address:unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return "address:" + address;
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"address:{new IPAddress(bytes)}/64";
    }
}
