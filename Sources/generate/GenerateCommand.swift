import ArgumentParser

/// `swift run generate …`: the generator's command line.
@main
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generates a Swift client from OpenAPI documents.",
        discussion: """
            Without a subcommand, generates the client: `swift run generate specs/` reads every \
            .json, .yaml and .yml document under specs/ and writes Sources/JustOneAPI/Generated.
            """,
        subcommands: [ClientCommand.self],
        defaultSubcommand: ClientCommand.self
    )
}
