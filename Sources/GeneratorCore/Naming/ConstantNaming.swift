import Foundation

/// The names of the constants generated for a document's servers (`Server.global`) and the
/// API's business codes (`BusinessCode.rateLimitExceeded`), when the configuration names none.
enum ConstantNaming {
    /// A server's name from its description, without what stands in parentheses ("Mainland
    /// China (faster from China)" → `mainlandChina`), or else from its host.
    static func serverName(description: String?, host: String) -> String {
        description.flatMap { text in
            SwiftName.lowerIdentifier(
                text.replacingOccurrences(of: #"\s*\([^)]*\)"#, with: "", options: .regularExpression),
                digitPrefix: "server")
        } ?? SwiftName.lowerIdentifier(host, digitPrefix: "server") ?? "server"
    }

    /// A business code's name: `success` for the first success code, else `code301`
    /// (`codeMinus1` for a negative code).
    static func businessCodeName(_ code: Int, isFirstSuccessCode: Bool) -> String {
        isFirstSuccessCode ? "success" : code < 0 ? "codeMinus\(-code)" : "code\(code)"
    }
}
