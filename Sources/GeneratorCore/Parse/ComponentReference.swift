import Foundation
import OpenAPIKit

/// References of the form `…#/components/KIND/KEY`, the only form the stages after bundling
/// see (``ReferenceBundler`` turns the others into it).
enum ComponentReference {
    /// The component key `reference` names among the components of `kind` (such as
    /// `schemas`); `nil` when it names something else.
    static func key<T>(of reference: JSONReference<T>, kind: String) -> String? {
        let text = reference.absoluteString
        guard let hash = text.firstIndex(of: "#") else { return nil }
        let tokens = JSONPointer.tokens(of: String(text[text.index(after: hash)...]))
        guard tokens.count == 3, tokens[0] == "components", tokens[1] == kind else { return nil }
        return tokens[2].removingPercentEncoding ?? tokens[2]
    }
}
