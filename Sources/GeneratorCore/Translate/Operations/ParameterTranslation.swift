import OpenAPIKit

/// A parameter with its Swift name, type and default, and how it is sent.
enum ParameterTranslation {
    static func translate(
        _ parameter: PendingParameter, requestType: String, members: inout NameScope, scope: inout TypeScope,
        schemas: inout SchemaTranslator, diagnostics: DiagnosticCollector
    ) -> ParameterModel {
        let description = ParsedDescription(parameter.description)
        let identifier = members.claim(SwiftName.lowerIdentifier(parameter.wireName, digitPrefix: "parameter") ?? "parameter")

        var type: SwiftType
        var encoding: ParameterSending.Encoding
        switch parameter.location {
        case .body where parameter.contentType != nil:
            type = .named(parameter.contentType!.hasPrefix("text/") ? "String" : "Data")
            encoding = .scalar
        case .multipartPart where Self.isFile(parameter.schema, schemas: schemas):
            type = .named("FileUpload")
            encoding = .file
        case .multipartPart where Self.isFileList(parameter.schema, schemas: schemas):
            type = .array(.named("FileUpload"))
            encoding = .file
        case _ where parameter.location != .body && !parameter.isJSONContent
            && Self.isUntyped(parameter.schema, schemas: schemas):
            // No type at all (`{}`, or only an example): a parameter's value is text.
            type = .named("String")
            encoding = .scalar
        default:
            let declaredBefore = scope.declarations.count
            type = schemas.swiftType(
                for: parameter.schema, suggestedName: SwiftName.nestedTypeName(parameter.wireName, digitPrefix: "Parameter"),
                in: &scope, at: parameter.source, valueDocs: description.valueDocs,
                purpose: parameter.purpose(of: requestType))
            // An alias of an optional type (a nullable component) stands for what it names: a
            // parameter of it is optional once, not twice.
            type = schemas.expandingOptionalAlias(type)
            let written: ParameterSending.Encoding =
                parameter.location == .body
                ? .scalar
                : parameter.isJSONContent && !Self.isText(parameter.schema, schemas: schemas)
                    ? .json : Self.encoding(of: parameter.schema, schemas: schemas)
            // `style: deepObject` on a structured query value or form field (the media type's
            // `encoding` gives a field's style): one pair per property, a list by
            // index (`expand[0]=a`, as Stripe's own libraries write it). A scalar, which the style
            // does not change, is sent as it is.
            let isDeep =
                (parameter.location == .query || parameter.location == .formField) && parameter.style == .deepObject
                && !parameter.isJSONContent
            let isParameter = parameter.location != .body && parameter.location != .multipartPart
            if isDeep && (written == .json || written == .array) {
                encoding = .deepObject
            } else if isParameter && written == .json && !parameter.isJSONContent
                && (Self.isScalarUnion(parameter.schema, schemas: schemas)
                    || Self.isListOfScalarUnions(parameter.schema, schemas: schemas)
                    || ((parameter.style == .form || parameter.location == .path || parameter.location == .header)
                        && (Self.isObject(parameter.schema, schemas: schemas)
                            || Self.isListOfUntyped(parameter.schema, schemas: schemas))))
            {
                // Sent after the shape the value holds: a union as its alternative would be;
                // an object as OpenAPI's style table says (in a query's `form` style, one pair
                // per property: Cloudflare's `start_end_params` is `start=…&end=…`). The
                // delimited query styles say nothing of objects: those stay JSON text.
                encoding = .structured
            } else {
                encoding = written
            }
            if parameter.location != .body && encoding == .scalar && schemas.followingAliases(type.unwrapped) == .jsonValue {
                // What the schema says is text, but its Swift type is untyped: sent as JSON
                // text, which a JSON string is as it is.
                encoding = .json
            }
            if encoding == .array {
                // A list in a query, form, header or cookie has no place for `null` elements.
                type = type.withNonOptionalElements
            }
            if parameter.location != .body && encoding != .json && encoding != .deepObject && encoding != .structured {
                // The parameter's own enum is sent as text, never as JSON.
                for index in declaredBefore..<scope.declarations.count {
                    if case .valueEnum(var valueEnum) = scope.declarations[index].kind {
                        valueEnum.isCodable = false
                        scope.declarations[index].kind = .valueEnum(valueEnum)
                    }
                }
            }
        }
        // A structured multipart field is a JSON part, as OpenAPI sends it: nothing to warn of.
        // Nor is JSON content, which asks for JSON text.
        if encoding == .json && parameter.location != .multipartPart && !parameter.isJSONContent {
            diagnostics.warning(
                "\(parameter.location.rawValue) parameter `\(parameter.wireName)` has a structured schema; it is sent as JSON text",
                at: parameter.source)
        }

        // A path always has a value: a path parameter is required and never optional in Swift,
        // whatever its schema or `required` say.
        var required = parameter.required
        if parameter.location == .path {
            if !required {
                diagnostics.warning(
                    "path parameter `\(parameter.wireName)` is not marked `required`; a path always has a value, so it is required",
                    at: parameter.source, hint: "add `required: true` (OpenAPI requires it of path parameters)")
                required = true
            }
            if type.isOptional {
                diagnostics.warning(
                    "path parameter `\(parameter.wireName)` has a schema that allows null; a path always has a value, so it is not optional",
                    at: parameter.source)
                type = type.unwrapped
            }
        }

        let defaultValue = Self.defaultValue(of: parameter.schema, type: type, schemas: schemas)
        var docLines = SwiftText.documentationLines(description.prose)
        let whenLeftOut: ParameterDefault
        switch (required, defaultValue) {
        case (true, .value(let value)):
            whenLeftOut = .value(value)
        case (true, _):
            whenLeftOut = .none
        case (false, .value(let value)):
            type = type.optional
            whenLeftOut = .value(value)
        case (false, .serverDefault(let text)):
            type = type.optional
            whenLeftOut = .notSent
            docLines += (docLines.isEmpty ? [] : [""]) + ["When `nil`, the server applies its default, `\(text)`."]
        case (false, .none):
            type = type.optional
            whenLeftOut = .notSent
        }
        if parameter.deprecated { docLines += (docLines.isEmpty ? [] : [""]) + ["Deprecated."] }
        let summary = docLines.first ?? "The `\(parameter.wireName)` \(Self.placeName(parameter.location))."
        if docLines.isEmpty { docLines = [summary] }

        return ParameterModel(
            wireName: parameter.wireName, identifier: SwiftName.escaped(identifier), label: identifier,
            valueType: type, defaultValue: whenLeftOut, docLines: docLines, summary: summary,
            sending: ParameterSending(
                location: parameter.location, encoding: encoding, style: parameter.style, explode: parameter.explode,
                contentType: parameter.location == .body || parameter.location == .multipartPart ? parameter.contentType : nil))
    }

    private static func placeName(_ location: PendingParameter.Location) -> String {
        switch location {
        case .path: "path parameter"
        case .query: "query parameter"
        case .header: "header"
        case .cookie: "cookie"
        case .formField: "form field"
        case .multipartPart: "multipart field"
        case .body: "request body"
        }
    }

    /// Whether `schema` is a file's bytes: a string of `format: binary` (or `base64`, as some
    /// documents write it), or one with a `contentMediaType` (OpenAPI 3.1).
    static func isFile(_ schema: JSONSchema, schemas: SchemaTranslator) -> Bool {
        let resolved = schemas.resolvingReference(schema)
        guard case .string(_, let context) = resolved.value else { return false }
        return ["binary", "base64"].contains(resolved.formatString ?? "") || context.contentMediaType != nil
    }

    /// Whether `schema` is a list of files.
    static func isFileList(_ schema: JSONSchema, schemas: SchemaTranslator) -> Bool {
        guard case .array(_, let array) = schemas.resolvingReference(schema).value, let items = array.items else { return false }
        return isFile(items, schemas: schemas)
    }

    /// Whether `schema` is an object (with properties or a map), or a union or `allOf` of
    /// objects (Intercom's `filter`: one of three objects of one property each), which `form`
    /// style sends a pair per property.
    static func isObject(_ schema: JSONSchema, schemas: SchemaTranslator, depth: Int = 0) -> Bool {
        guard depth < 8 else { return false }
        let resolved = schemas.resolvingReference(schema)
        switch resolved.value {
        case .object: return true
        case .one(of: let alternatives, _), .any(of: let alternatives, _):
            let nonNull = alternatives.filter { !$0.isNullOnly }
            return !nonNull.isEmpty && nonNull.allSatisfy { isObject($0, schemas: schemas, depth: depth + 1) }
        case .all(of: let parts, _):
            let typed = parts.filter {
                if case .fragment = schemas.resolvingReference($0).value { return false }
                return true
            }
            return !typed.isEmpty && typed.allSatisfy { isObject($0, schemas: schemas, depth: depth + 1) }
        default: return false
        }
    }

    /// Whether `schema` is a list whose elements have no type (`items: {}`): sent element by
    /// element, each as the value it holds.
    static func isListOfUntyped(_ schema: JSONSchema, schemas: SchemaTranslator) -> Bool {
        guard case .array(_, let array) = schemas.resolvingReference(schema).value, let items = array.items else { return false }
        return isUntyped(items, schemas: schemas)
    }

    /// Whether `schema` says nothing of its type (`{}`, or only a description or an example).
    private static func isUntyped(_ schema: JSONSchema, schemas: SchemaTranslator) -> Bool {
        let resolved = schemas.resolvingReference(schema)
        guard case .fragment = resolved.value else { return false }
        return EnumValues(resolved.allowedValues)?.isEmpty ?? true
    }

    /// Whether `schema` is plain text, which JSON content sends as it is (as `JSONParameter`
    /// sends a bare string).
    private static func isText(_ schema: JSONSchema, schemas: SchemaTranslator) -> Bool {
        if case .string = schemas.resolvingReference(schema).value { return true }
        return false
    }

    /// Whether `schema` is a union (`oneOf`, `anyOf`, or an `allOf` of one) whose alternatives
    /// are all scalars, enums of them, lists of scalars or such unions, or lists of them, as Elasticsearch's `Names` (`string`
    /// or an array of strings) and `Duration` are.
    static func isScalarUnion(_ schema: JSONSchema, schemas: SchemaTranslator, depth: Int = 0) -> Bool {
        guard depth < 8 else { return false }
        let resolved = schemas.resolvingReference(schema)
        let alternatives: [JSONSchema]
        switch resolved.value {
        case .one(of: let schemas, _), .any(of: let schemas, _): alternatives = schemas
        case .all(of: let schemas, _) where schemas.count == 1: alternatives = schemas
        default: return false
        }
        return !alternatives.isEmpty
            && alternatives.allSatisfy { alternative in
                encoding(of: alternative, schemas: schemas) != .json
                    || isScalarUnion(alternative, schemas: schemas, depth: depth + 1)
                    || isListOfScalarUnions(alternative, schemas: schemas, depth: depth + 1)
            }
    }

    /// Whether `schema` is a list whose elements are such unions (Sentry's `project`: an array
    /// of `anyOf: [integer, string]`).
    /// (Or Elasticsearch's `h`: one column or a list of columns, a column an open enum written
    /// `anyOf: [{enum}, {type: string}]`.)
    static func isListOfScalarUnions(_ schema: JSONSchema, schemas: SchemaTranslator, depth: Int = 0) -> Bool {
        guard depth < 8, case .array(_, let array) = schemas.resolvingReference(schema).value, let items = array.items
        else { return false }
        return isScalarUnion(items, schemas: schemas, depth: depth + 1)
    }

    private static func encoding(of schema: JSONSchema, schemas: SchemaTranslator) -> ParameterSending.Encoding {
        let resolved = schemas.resolvingReference(schema)
        switch resolved.value {
        case .string, .integer, .number, .boolean: return .scalar
        case .fragment where EnumValues(resolved.allowedValues) != nil: return .scalar
        case .array(_, let array):
            guard let items = array.items else { return .json }
            switch schemas.resolvingReference(items).value {
            case .string, .integer, .number, .boolean: return .array
            default: return .json
            }
        case .all(of: let parts, _):
            // An `allOf` of text and constraints on it (Cloudflare's `{allOf: [identifier,
            // {type: string, readOnly: true}]}`) is text.
            let typed = parts.filter {
                if case .fragment = schemas.resolvingReference($0).value { return false }
                return true
            }
            let encodings = Set(typed.map { encoding(of: $0, schemas: schemas) })
            return encodings.count == 1 && encodings.first != .json ? encodings.first! : .json
        default: return .json
        }
    }

    enum DefaultValue {
        /// A default Swift can express: `.shortVideo`, `"ALL"`, `1`, `true`.
        case value(ParameterValue)
        /// A default Swift cannot express (not one of the enum's values): the server applies it.
        case serverDefault(String)
        case none
    }

    private static func defaultValue(of schema: JSONSchema, type: SwiftType, schemas: SchemaTranslator) -> DefaultValue {
        let resolved = schemas.resolvingReference(schema)
        guard let value = schema.defaultValue ?? resolved.defaultValue else { return .none }
        if let values = EnumValues(resolved.allowedValues), !values.isEmpty {
            guard let caseName = values.caseName(for: value) else { return .serverDefault(value.description) }
            return .value(.enumCase(caseName))
        }
        switch (type.unwrapped, value.value) {
        case (.named("String"), let string as String):
            return .value(.string(string))
        case (.named("Int"), let integer as Int), (.named("Int64"), let integer as Int),
            (.named("Double"), let integer as Int), (.named("Float"), let integer as Int):
            return .value(.integer(integer))
        case (.named("Int"), let number as Double), (.named("Int64"), let number as Double):
            // `2.0`: an integer written with a fraction; beyond `Int`, the server's.
            guard number.rounded() == number, let integer = Int(exactly: number) else { return .serverDefault(value.description) }
            return .value(.integer(integer))
        case (.named("Double"), let number as Double), (.named("Float"), let number as Double):
            return .value(.number(number))
        case (.named("Bool"), let flag as Bool):
            return .value(.boolean(flag))
        case (.named("String"), _), (.named("Int"), _), (.named("Int64"), _), (.named("Double"), _), (.named("Float"), _),
            (.named("Bool"), _):
            // Of another JSON type than the parameter's (`"10"` for an integer; the validator
            // warns): documented as the server's default rather than guessed at.
            switch value.value {
            case is String, is Bool, is Int, is Double: return .serverDefault(value.description)
            default: return .none  // null, a list or an object: nothing a parameter's text could show
            }
        default:
            return .none
        }
    }
}
