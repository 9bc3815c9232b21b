using System.Runtime.CompilerServices;

// The project file grants access to "LoginGuard.Worker", but the worker's assembly is named
// "loginguard" (its executable name), so that grant never applies. This one does.
[assembly: InternalsVisibleTo("loginguard")]
