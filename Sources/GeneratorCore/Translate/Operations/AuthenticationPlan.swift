import OpenAPIKit

/// Where each operation's credential goes, and which parameter it replaces.
///
/// With `authentication.parameter` in the configuration (Just One API's `token`), that query,
/// header or form parameter is left out of every signature and filled by the client. Without
/// it, the documents' security schemes decide: API keys in a query or header, HTTP bearer and
/// basic, OAuth 2 and OpenID Connect as bearer tokens.
struct AuthenticationPlan {
    let parameterName: String?
    let securitySchemes: [String: Located<OpenAPI.SecurityScheme>]

    /// Where the credential goes.
    /// Where the credential goes (Render writes it as the request's `authentication`).
    enum Placement: Hashable, Sendable {
        case none
        case query(String)
        case header(String, prefix: String)
        case formField(String)
    }

    /// The placement for an operation with these parameters and form fields; the parameter it
    /// names is the one to leave out of the signature.
    func placement(
        security: [OpenAPI.SecurityRequirement], parameters: [PendingParameter]
    ) -> Placement {
        if let parameterName {
            for parameter in parameters where parameter.wireName == parameterName {
                switch parameter.location {
                case .query: return .query(parameterName)
                case .header: return .header(parameterName, prefix: "")
                case .formField, .multipartPart: return .formField(parameterName)
                case .path, .cookie, .body: continue
                }
            }
        }
        for requirement in security {
            for reference in requirement.keys.sorted(by: { $0.absoluteString < $1.absoluteString }) {
                guard let key = ComponentReference.key(of: reference, kind: "securitySchemes"),
                    let scheme = securitySchemes[key]?.value
                else { continue }
                switch scheme.type {
                case .apiKey(let name, let location):
                    switch location {
                    case .query: return .query(name)
                    case .header: return .header(name, prefix: "")
                    case .cookie: continue
                    }
                case .http(let scheme, _):
                    switch scheme.lowercased() {
                    case "bearer": return .header("Authorization", prefix: "Bearer ")
                    case "basic": return .header("Authorization", prefix: "Basic ")
                    default: continue
                    }
                case .oauth2, .openIdConnect:
                    return .header("Authorization", prefix: "Bearer ")
                case .mutualTLS:
                    continue
                }
            }
        }
        return .none
    }

    /// Whether `parameter` is the credential under `placement`.
    static func isCredential(_ parameter: PendingParameter, under placement: Placement) -> Bool {
        switch placement {
        case .none: false
        case .query(let name): parameter.location == .query && parameter.wireName == name
        case .header(let name, _): parameter.location == .header && parameter.wireName.lowercased() == name.lowercased()
        case .formField(let name): parameter.location == .formField && parameter.wireName == name
        }
    }
}
