# The ocpp-station command in a container, for fleets beyond one machine (deploy/k8s/fleet-job.yaml).
#   docker build -t ocpp-station .
#   docker run --rm ocpp-station fleet --csms-url ws://csms.example:9000/ocpp --stations 1000 --atg
# The SDK image builds; the ASP.NET Core runtime image (the control API and /metrics are ASP.NET Core) runs.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The build settings (not global.json: the image's own .NET 10 SDK builds, whatever its feature band).
COPY .editorconfig Directory.Build.props Directory.Build.targets Directory.Packages.props BannedSymbols.txt ./
COPY src/ src/
# The Central System's web UI embeds the official OCPP schemas kept there.
COPY tests/Schemas/ tests/Schemas/
RUN dotnet publish src/Station.Host/Station.Host.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The fleet's database (--data-dir); a Job mounts a volume here.
RUN mkdir /data && chown app:app /data
VOLUME /data
USER app
ENTRYPOINT ["dotnet", "/app/ocpp-station.dll"]
CMD ["fleet", "--help"]
