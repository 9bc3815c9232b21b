using System.Runtime.CompilerServices;

// The worker's assembly is named "loginguard", so the csproj's InternalsVisibleTo("LoginGuard.Worker")
// does not reach it; the geoip command needs the builder.
[assembly: InternalsVisibleTo("loginguard")]
