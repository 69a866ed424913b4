# DisTok Studio on the official .NET 10 images (Ubuntu 24.04 based: its libstdc++ already has GLIBCXX_3.4.32, so the
# TorchSharp load fix finds nothing to do there).
# DOTNET_IMAGES names where the official images live (Microsoft's container registry, path dotnet/sdk and
# dotnet/aspnet); pass it with --build-arg DOTNET_IMAGES=<registry>/dotnet.
ARG DOTNET_IMAGES
FROM ${DOTNET_IMAGES}/sdk:10.0 AS build
WORKDIR /src
COPY . .
# The CLI (`distok worker`, the cluster's generation workers) goes beside the studio: they share every library, Torch's included.
RUN dotnet publish src/DisTok.Web -c Release -o /app && dotnet publish src/DisTok.Cli -c Release -o /app \
    && dotnet publish src/DisTok.Proxy -c Release -o /proxy

FROM ${DOTNET_IMAGES}/aspnet:10.0
# curl answers the health check.
RUN command -v curl >/dev/null || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
WORKDIR /app
COPY --from=build /app .
# The cluster's proxy ships in the same image (docker-compose.yml runs it with another entry point).
COPY --from=build /proxy /proxy
# Everything the studio writes (database, trained versions, cookie-signing keys) lives on one volume.
# BIND and PORT say where it listens (all interfaces of the container, port 5080, unless set); the health check follows.
ENV Studio__DatabasePath=/data/studio.db \
    Studio__VersionsPath=/data/versions \
    Security__KeysPath=/data/keys \
    BIND=0.0.0.0 \
    PORT=5080
RUN mkdir -p /data && chown 1654:1654 /data
VOLUME /data
# The image's unprivileged user (uid 1654, "app"), never root.
USER 1654:1654
EXPOSE 5080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD curl -fsS "http://127.0.0.1:${PORT}/healthz" || exit 1
ENTRYPOINT ["sh", "-c", "exec dotnet DisTok.Web.dll --Urls \"http://${BIND}:${PORT}\""]
