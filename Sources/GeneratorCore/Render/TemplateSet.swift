import Foundation
import GeneratorTemplates
import Mustache

/// The Mustache templates: the defaults from `Templates/`, each replaceable by a file of the same
/// name in an override directory (`--templates DIR`).
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Where each template came from, by name.
    public let origins: [String: String]

    /// The pragma that turns HTML escaping off; every template gets it on a line of its own
    /// above its first line, partials included.
    static let textPragma = "{{% CONTENT_TYPE: TEXT}}\n"

    /// Loads the default templates, then the overrides from `overrideDirectory`.
    public static func load(overrideDirectory: String?, diagnostics: DiagnosticCollector) -> TemplateSet? {
        guard let defaults = DefaultTemplates.directory?.path else {
            diagnostics.error("the default templates are missing from the generator's resources")
            return nil
        }
        var sources: [String: String] = [:]
        for path in templatePaths(in: defaults) { sources[name(of: path)] = path }
        if let overrideDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrideDirectory, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                diagnostics.error(
                    "no such templates directory", at: SourceLocation(file: overrideDirectory),
                    hint: "pass a directory of .mustache files to --templates")
                return nil
            }
            let overrides = templatePaths(in: overrideDirectory)
            if overrides.isEmpty {
                diagnostics.warning(
                    "no .mustache files here; the default templates are used", at: SourceLocation(file: overrideDirectory))
            }
            for path in overrides {
                let name = name(of: path)
                if sources[name] == nil {
                    diagnostics.warning(
                        "`\(name)` is not one of the default templates; it can only be used as a partial",
                        at: SourceLocation(file: path))
                }
                sources[name] = path
            }
        }
        var library = MustacheLibrary()
        var failed = false
        var checked: [String: TemplateKeyCheck.Source] = [:]
        for (name, path) in sources.sorted(by: { $0.key < $1.key }) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                diagnostics.error("cannot read the template", at: SourceLocation(file: path))
                failed = true
                continue
            }
            checked[name] = TemplateKeyCheck.Source(path: path, text: text)
            do {
                library.register(try MustacheTemplate(string: textPragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(
                    "invalid template: \(error.error)",
                    at: SourceLocation(
                        file: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                    hint: "fix the Mustache syntax")
                failed = true
            } catch {
                diagnostics.error("invalid template: \(error)", at: SourceLocation(file: path))
                failed = true
            }
        }
        if !failed, !checkKeys(of: checked, diagnostics: diagnostics) { failed = true }
        return failed ? nil : TemplateSet(library: library, origins: sources)
    }

    /// Reports every key a template names that its context does not have; `false` when there
    /// was one.
    private static func checkKeys(of sources: [String: TemplateKeyCheck.Source], diagnostics: DiagnosticCollector) -> Bool {
        let check = TemplateKeyCheck(sources: sources)
        var reported = Set<String>()
        // Partials rendered on their own (`header`, `operationMethod` …) first, so that a
        // problem in one is reported against its own context rather than an including file's.
        let order = RenderedTemplates.shapes.sorted {
            let (left, right) = ($0.key.first?.isUppercase == true ? 1 : 0, $1.key.first?.isUppercase == true ? 1 : 0)
            return (left, $0.key) < (right, $1.key)
        }
        for (name, shape) in order where sources[name] != nil {
            for problem in check.problems(of: name, with: shape) where reported.insert(problem.identity).inserted {
                diagnostics.error(
                    problem.fullMessage, at: SourceLocation(file: problem.path, line: problem.line, column: problem.column),
                    hint: problem.hint)
            }
        }
        return reported.isEmpty
    }

    private static func templatePaths(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".mustache") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    private static func name(of path: String) -> String {
        String((path as NSString).lastPathComponent.dropLast(".mustache".count))
    }

    func render<Context>(_ context: Context, template: RenderedTemplate<Context>) -> String? {
        library.render(context, withTemplate: template.name)
    }
}
