import OpenAPIKit

/// Where each operation's credential goes, and which parameter it replaces.
///
/// With `authentication.parameter` in the configuration (Just One API's `token`), that query,
/// header or form parameter is left out of every signature and filled by the client. Without
/// it, the documents' security schemes decide: API keys in a query or header, HTTP bearer and
/// basic, OAuth 2 and OpenID Connect as bearer tokens, other HTTP schemes as `Authorization:
/// <scheme> <token>` (Sentry's `DSN`) unless they answer a challenge (`digest`).
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
                    case _ where Self.challengeSchemes.contains(scheme.lowercased()): continue
                    // `Authorization: <scheme> <credentials>` (RFC 9110), as Sentry's `DSN`.
                    default: return .header("Authorization", prefix: scheme + " ")
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

    /// HTTP authentication schemes whose credential is computed per request or answers the
    /// server's challenge, so that no token given once can stand for it (IANA's registry).
    static let challengeSchemes: Set<String> = [
        "digest", "negotiate", "ntlm", "hoba", "mutual", "scram-sha-1", "scram-sha-256", "vapid", "concealed", "privatetoken",
        "aws4-hmac-sha256",
    ]

    /// What a scheme is, when the client cannot send its credential (it sends one token, in a
    /// query parameter or a header); `nil` when it can.
    static func unsendable(_ scheme: OpenAPI.SecurityScheme) -> String? {
        switch scheme.type {
        case .apiKey(let name, .cookie): "an API key in the `\(name)` cookie"
        case .apiKey: nil
        case .http(let kind, _): challengeSchemes.contains(kind.lowercased()) ? "HTTP `\(kind)` authentication" : nil
        case .oauth2, .openIdConnect: nil
        case .mutualTLS: "mutual TLS"
        }
    }

    /// Warns, once per scheme and at its place, about the schemes operations require whose
    /// credential the client does not send; an operation that requires only such a scheme is
    /// generated without authentication, silently otherwise.
    func reportUnsendableSchemes(requiredBy operations: [IndexedOperation], diagnostics: DiagnosticCollector) {
        var required: Set<String> = []
        for operation in operations {
            for requirement in operation.security {
                for reference in requirement.keys {
                    if let key = ComponentReference.key(of: reference, kind: "securitySchemes") { required.insert(key) }
                }
            }
        }
        for key in required.sorted() {
            guard let scheme = securitySchemes[key], let what = Self.unsendable(scheme.value) else { continue }
            diagnostics.warning(
                "the security scheme `\(key)` is \(what), which the generated client does not send; "
                    + "an operation that requires it alone is generated without authentication",
                at: scheme.location,
                hint: "add the credential to each request with a `ClientMiddleware` (`ClientConfiguration(middlewares:)`)")
        }
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
