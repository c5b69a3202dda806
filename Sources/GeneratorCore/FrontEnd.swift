import Foundation

/// Stages 1 (reading) to 5 of each input file, side by side on all cores: the file's text
/// parsed into a tree once, the overlays applied, what it refers to bundled in, decoded and
/// validated. What each file turned into is sorted out at the end: documents, parts of a
/// multi-file document, and files that are neither.
struct FrontEnd {
    let resolver: PathResolver
    let overlays: OverlaySet?
    let timings: StageTimings

    /// What became of one input file in the front end.
    private enum Outcome {
        case document(ParsedDocument)
        /// JSON or YAML without an `openapi` field: fine as a part of a multi-file document.
        case fragment
        /// Errors, reported; the other files the document referred to, as far as they were read.
        case failed(parts: Set<String>)
    }

    /// Stages 1 (reading) to 5 for each file, on all cores, on large stacks; the result keeps
    /// the files' order. A file without an `openapi` field is accepted when a document refers
    /// to it (a part of a multi-file document) and reported otherwise.
    func run(_ files: [SourceFile], diagnostics: DiagnosticCollector) -> [ParsedDocument] {
        let results = ParallelResults<Outcome>(count: files.count)
        let bundling = DocumentBundling(inputs: files, resolver: resolver)
        let started = ContinuousClock.now
        LargeStack.concurrentPerform(iterations: files.count) { [timings, overlays] index in
            let file = files[index]
            // 1. load: the file's text, parsed into a tree once.
            let read = timings.measure("read", summed: true) { DocumentReader.read(file, diagnostics: diagnostics) }
            guard case .document(var tree, let version) = read else {
                if case .fragment = read { results[index] = .fragment } else { results[index] = .failed(parts: []) }
                return
            }
            // 2. overlay
            if let overlays {
                tree = timings.measure("overlay", summed: true) { overlays.apply(toDocumentAt: file.path, tree: tree) }
            }
            // 3. bundle
            let bundled = timings.measure("bundle", summed: true) { bundling.bundle(tree, of: file, diagnostics: diagnostics) }
            guard case .bundled(let complete, let parts) = bundled else {
                if case .failed(let parts) = bundled { results[index] = .failed(parts: parts) }
                return
            }
            // 4. parse
            let parser = DocumentParser(file: file, diagnostics: diagnostics)
            guard let parsed = timings.measure("parse", summed: true, { parser.parse(complete, version: version, parts: parts) })
            else {
                results[index] = .failed(parts: parts)
                return
            }
            // 5. validate
            timings.measure("validate", summed: true) {
                DocumentValidator(file: file.path, diagnostics: diagnostics).validate(parsed.document)
            }
            results[index] = .document(parsed)
        }
        timings.record("read to validate, wall time", ContinuousClock.now - started)
        // What the files' trees and the decoders held, freed on the workers' threads.
        ProcessMemory.returnFreedMemory()
        var documents: [ParsedDocument] = []
        var fragments: [SourceFile] = []
        var parts: Set<String> = []
        for (file, outcome) in zip(files, results.values) {
            switch outcome {
            case .document(let parsed):
                documents.append(parsed)
                parts.formUnion(parsed.parts)
            case .fragment: fragments.append(file)
            case .failed(let referred): parts.formUnion(referred)
            }
        }
        let strays = fragments.filter { !parts.contains(FilePaths.normalized($0.path)) }
        if parts.isEmpty {
            for stray in strays { DocumentReader.reportNotADocument(stray, diagnostics: diagnostics) }
        } else if let first = strays.first {
            // Beside a multi-file document, files that nothing refers to (code samples, notes)
            // are common and harmless.
            let others = strays.count > 1 ? " and \(strays.count - 1) other file\(strays.count == 2 ? "" : "s")" : ""
            diagnostics.warning(
                "this file\(others) beside the multi-file document are left out: they are not OpenAPI documents and no document refers to them",
                at: SourceLocation(file: first.path), hint: "name the root document alone as the input to leave them out silently")
        }
        return documents
    }
}
