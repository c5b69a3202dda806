/// Where in which input file a diagnostic points.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as the user named it (relative to the working directory where possible).
    public var file: String
    /// A JSON pointer into the document (`/paths/~1pets/get`), when known.
    public var pointer: String?
    /// 1-based line and column, when the pointer could be found in the file's text.
    public var line: Int?
    public var column: Int?

    public init(file: String, pointer: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.pointer = pointer
        self.line = line
        self.column = column
    }

    /// `specs/a.json:12:5`, or `specs/a.json at /components/schemas/A` without a line.
    public var description: String {
        if let line { return "\(file):\(line):\(column ?? 1)" }
        if let pointer, !pointer.isEmpty { return "\(file) at \(pointer)" }
        return file
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0, lhs.pointer ?? "")
            < (rhs.file, rhs.line ?? 0, rhs.column ?? 0, rhs.pointer ?? "")
    }
}

/// A message about the input: an error stops generation, a warning does not.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// What the user can do about it.
    public var hint: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// The compiler's shape, so editors and CI logs annotate it:
    /// `FILE:LINE:COLUMN: warning: MESSAGE`, or `FILE: error: MESSAGE at POINTER` without a line.
    public var description: String {
        var text = ""
        if let location {
            text += location.file
            if let line = location.line {
                text += ":\(line):\(location.column ?? 1)"
            }
            text += ": "
        }
        text += "\(severity.rawValue): \(message)"
        if let pointer = location?.pointer, location?.line == nil, !pointer.isEmpty {
            text += " at \(pointer)"
        }
        if let hint { text += " (\(hint))" }
        return text
    }
}
