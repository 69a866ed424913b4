# DisTok Studio on the official .NET 10 images (Ubuntu 24.04 based: its libstdc++ already has
# GLIBCXX_3.4.32, so the TorchSharp load fix finds nothing to do there).
# Untested: no container engine runs on the machines this project is built on.
# DOTNET_IMAGES names where the official images live (Microsoft's container registry, path
# dotnet/sdk and dotnet/aspnet); pass it with --build-arg DOTNET_IMAGES=<registry>/dotnet.
ARG DOTNET_IMAGES
FROM ${DOTNET_IMAGES}/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/DisTok.Web -c Release -o /app

FROM ${DOTNET_IMAGES}/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Listen on all interfaces inside the container; publish the port with `docker run -p 5080:5080`.
ENV Urls=http://0.0.0.0:5080
EXPOSE 5080
ENTRYPOINT ["dotnet", "DisTok.Web.dll"]
