// The generated client is in the build plugin's output; the runtime comes with it.
@_exported import JustOneAPIRuntime
