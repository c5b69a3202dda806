import Foundation
import GeneratorCore
import TestSupport

/// Runs the pipeline on documents written to a temporary directory.
struct GeneratorHarness {
    struct Result {
        let files: [GeneratedFile]?
        let diagnostics: [Diagnostic]
        let root: URL

        var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

        func file(_ path: String) -> String? { files?.first { $0.path == path }?.contents }
    }

    /// Writes `documents` (file name → text) into `specs/` of a new directory and generates.
    static func generate(
        _ documents: [String: String], config: String? = nil, includeHidden: Bool = false
    ) async throws -> Result {
        let root = try TestPaths.temporaryDirectory("generator")
        let specs = root.appendingPathComponent("specs")
        for (name, text) in documents {
            let url = specs.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        if let config {
            try FileManager.default.createDirectory(at: specs, withIntermediateDirectories: true)
            try Data(config.utf8).write(to: specs.appendingPathComponent("generator.yaml"))
        }
        let diagnostics = DiagnosticCollector()
        let pipeline = GeneratorPipeline(options: .init(inputs: ["specs"], includeHidden: includeHidden, rootDirectory: root.path))
        // Off the concurrency pool, so that tests measuring latency elsewhere are not held up.
        let files = try await offCooperativePool { pipeline.run(diagnostics: diagnostics) }
        return Result(files: files, diagnostics: diagnostics.diagnostics, root: root)
    }

    /// A minimal OpenAPI 3.1 document with the given paths and components (JSON fragments).
    static func document(paths: String, components: String = "{}", extra: String = "") -> String {
        """
        {
          "openapi": "3.1.0",
          "info": {"title": "Test", "version": "1"},
          "servers": [{"url": "https://api.example.com", "description": "Example"}],\(extra)
          "paths": \(paths),
          "components": \(components)
        }
        """
    }

    /// A GET operation with one query parameter and a JSON response.
    static func getOperation(_ path: String, operationID: String, parameters: String = "[]", response: String = #"{"type": "string"}"#) -> String {
        """
        "\(path)": {"get": {
          "operationId": "\(operationID)",
          "parameters": \(parameters),
          "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": \(response)}}}}
        }}
        """
    }
}
