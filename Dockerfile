# syntax=docker/dockerfile:1
# Build stage: restore first so the package layer is cached across source changes.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props LoginGuard.sln ./
COPY src/LoginGuard.Core/LoginGuard.Core.csproj src/LoginGuard.Core/
COPY src/LoginGuard.Worker/LoginGuard.Worker.csproj src/LoginGuard.Worker/
RUN dotnet restore src/LoginGuard.Worker/LoginGuard.Worker.csproj
# Only the worker and what it is built on: the tools (generator, trainer, bench) never enter the image.
COPY src/LoginGuard.Core/ src/LoginGuard.Core/
COPY src/LoginGuard.Worker/ src/LoginGuard.Worker/
RUN dotnet publish src/LoginGuard.Worker/LoginGuard.Worker.csproj -c Release --no-restore -o /app

# Runtime stage: the ASP.NET Core runtime the worker is built on, run as the image's non-root user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# LightGBM (the anomaly model) is built with OpenMP and needs its runtime, which the base image lacks;
# curl is for the container's health check (deploy/compose.yaml).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgomp1 curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY data-samples/ ./data-samples/
COPY models/ ./models/
USER $APP_UID
# The HTTP API (activity, export, erasure, feedback, health, metrics) when Api__Url=http://0.0.0.0:8080.
EXPOSE 8080
ENTRYPOINT ["dotnet", "loginguard.dll"]
# Consume from Kafka by default (set Kafka__BootstrapServers); `replay` stays available as a command.
CMD ["run"]
