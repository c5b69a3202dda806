import ArgumentParser

/// `swift run generate …`: the generator's command line.
@main
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generates a Swift client from OpenAPI documents.",
        discussion: """
            Without a subcommand, generates the client: `swift run generate specs/` reads every \
            .json, .yaml and .yml document under specs/ and writes Sources/JustOneAPI/Generated. \
            `fetch` downloads the published documents; `diff` reports what changed between two \
            versions and whether it breaks callers.
            """,
        subcommands: [ClientCommand.self, FetchCommand.self, DiffCommand.self, InferCommand.self],
        defaultSubcommand: ClientCommand.self
    )
}
