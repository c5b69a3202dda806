import OpenAPIKit

/// A parameter as the documents give it, from any place (path, query, header, cookie, form
/// field, JSON body), before it gets a Swift name and type.
struct PendingParameter {
    enum Location: String, Equatable {
        case path, query, header, cookie, formField, body
        /// A field of a `multipart/form-data` body: text, JSON or a file.
        case multipartPart
    }

    let wireName: String
    let location: Location
    let required: Bool
    let schema: JSONSchema
    let description: String?
    let deprecated: Bool
    /// For arrays: one pair per element (`explode`) or one comma-separated value.
    let explode: Bool
    /// How the value is written where it goes (OpenAPI's `style`): path parameters `simple`,
    /// `label` or `matrix`; query lists `form`, `spaceDelimited` or `pipeDelimited`.
    let style: Style

    enum Style: String, Equatable {
        case form, simple, label, matrix, spaceDelimited, pipeDelimited, deepObject
    }
    /// For bodies: the media type, when it is not JSON (`application/octet-stream`). For a
    /// multipart field: the part's media type, when the document gives one (`image/jpeg`).
    let contentType: String?
    /// Where the parameter is declared.
    let source: SourceLocation
    /// A parameter described by `content` with a JSON media type: sent as JSON text.
    var isJSONContent = false

    init(
        wireName: String, location: Location, required: Bool, schema: JSONSchema, description: String?,
        deprecated: Bool = false, explode: Bool = true, style: Style? = nil, contentType: String? = nil,
        at source: SourceLocation
    ) {
        self.wireName = wireName
        self.location = location
        self.required = required
        self.schema = schema
        self.description = description
        self.deprecated = deprecated
        self.explode = explode
        self.style = style ?? (location == .path || location == .header ? .simple : .form)
        self.contentType = contentType
        self.source = source
    }
}

extension PendingParameter {
    /// What the parameter's value is for, in words: `the `platform` query parameter of `GetUser``.
    func purpose(of requestType: String) -> String {
        let place: String
        switch location {
        case .path: place = "path parameter"
        case .query: place = "query parameter"
        case .header: place = "header"
        case .cookie: place = "cookie"
        case .formField: place = "form field"
        case .multipartPart: place = "multipart field"
        case .body: place = "body field"
        }
        return "the `\(wireName)` \(place) of `\(requestType)`"
    }
}
