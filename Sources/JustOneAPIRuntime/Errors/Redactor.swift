import Foundation

/// Removes secrets from text before it is stored in an error or written to a log.
struct Redactor: Sendable, CustomReflectable {
    static let placeholder = "<redacted>"
    private let secrets: [String]

    /// This redactor, removing `values` too.
    func adding(_ values: [String]) -> Redactor {
        Redactor(secrets: secrets + values)
    }

    init(secrets: [String]) {
        var all: [String] = []
        for secret in secrets where secret.count >= 1 {
            all.append(secret)
            let encoded = PercentEncoding.encode(secret)
            if encoded != secret { all.append(encoded) }
        }
        // Longest first, so that a secret containing another is removed whole.
        self.secrets = all.sorted { $0.count > $1.count }
    }

    var customMirror: Mirror { Mirror(self, children: []) }

    func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.placeholder)
        }
        return result
    }
}

/// An error a transport throws that carries no credential, so that the client attaches it to
/// ``JustOneAPIError/underlyingError`` as it is (other errors are kept as redacted text only):
/// a test transport's own typed errors, for instance.
public protocol RedactionSafeError: Error, Sendable {}
