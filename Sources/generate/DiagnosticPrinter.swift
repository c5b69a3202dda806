import GeneratorCore

/// Prints diagnostics to standard error in the compiler's shape, then their count.
enum DiagnosticPrinter {
    static func print(_ diagnostics: DiagnosticCollector) {
        let all = diagnostics.diagnostics
        guard !all.isEmpty else { return }
        for diagnostic in all {
            printError(diagnostic.description)
        }
        printError(diagnostics.summary)
    }
}
