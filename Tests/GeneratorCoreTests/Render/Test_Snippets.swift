import Foundation
import Testing

@testable import GeneratorCore

/// Snippet reference tests, in the manner of swift-openapi-generator's
/// `SnippetBasedReferenceTests`: a fragment of a document and the whole Swift it becomes, side
/// by side, one test per shape the generator knows. The golden files show whole clients; these
/// show each construct alone, so that a change to one is read in one place.
///
/// A fragment is `components/schemas` or `paths` of an OpenAPI 3.1 document (with one server);
/// the Swift is the generated file without its header and imports.
@Suite struct Test_Snippets {
    /// A string enum: a case per value, and `undocumented` for a value a later version of the API adds.
    @Test func aStringEnumKeepsValuesItDoesNotKnow() async throws {
        try await expectSnippet(
            schemas: #"""
            {"Kind": {"type": "string", "enum": ["cat", "dog", "guinea-pig"]}}
            """#,
            file: "Models/Kind.swift",
            swift: #"""
            public enum Kind: RawRepresentable, CaseIterable, Codable, Hashable, Sendable, ParameterValue {
                /// The value `cat`.
                case cat
                /// The value `dog`.
                case dog
                /// The value `guinea-pig`.
                case guineaPig
                /// A value this version of the client does not know, kept as received.
                case undocumented(String)

                public init(rawValue: String) {
                    self = Self.documentedValues[rawValue] ?? .undocumented(rawValue)
                }

                public var rawValue: String {
                    switch self {
                    case .cat: "cat"
                    case .dog: "dog"
                    case .guineaPig: "guinea-pig"
                    case .undocumented(let value): value
                    }
                }

                /// The documented values.
                public static let allCases: [Kind] = [.cat, .dog, .guineaPig]

                private static let documentedValues = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
            }
            """#)
    }

    /// An integer enum.
    @Test func anIntegerEnumNamesItsCasesAfterItsValues() async throws {
        try await expectSnippet(
            schemas: #"""
            {"Level": {"type": "integer", "enum": [1, 2, 10]}}
            """#,
            file: "Models/Level.swift",
            swift: #"""
            public enum Level: RawRepresentable, CaseIterable, Codable, Hashable, Sendable, ParameterValue {
                /// The value `1`.
                case value1
                /// The value `2`.
                case value2
                /// The value `10`.
                case value10
                /// A value this version of the client does not know, kept as received.
                case undocumented(Int)

                public init(rawValue: Int) {
                    self = Self.documentedValues[rawValue] ?? .undocumented(rawValue)
                }

                public var rawValue: Int {
                    switch self {
                    case .value1: 1
                    case .value2: 2
                    case .value10: 10
                    case .undocumented(let value): value
                    }
                }

                /// The documented values.
                public static let allCases: [Level] = [.value1, .value2, .value10]

                private static let documentedValues = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
            }
            """#)
    }

    /// Required properties are non-optional; optional and nullable ones are optional with `nil` defaults in the initializer; a JSON key that is not a Swift name gets a coding key.
    @Test func aStructWithRequiredOptionalAndNullableProperties() async throws {
        try await expectSnippet(
            schemas: #"""
            {
              "Pet": {
                "type": "object",
                "description": "A pet in the store.",
                "required": ["id", "kind"],
                "properties": {
                  "id": {"type": "integer", "format": "int64"},
                  "name": {"type": ["string", "null"], "description": "The pet's name."},
                  "kind": {"$ref": "#/components/schemas/Kind"},
                  "owner-name": {"type": "string"},
                  "born": {"type": "string", "format": "date-time"}
                }
              },
              "Kind": {"type": "string", "enum": ["cat", "dog"]}
            }
            """#,
            file: "Models/Pet.swift",
            swift: #"""
            public struct Pet: Codable, Hashable, Sendable {
                /// The `id` field.
                public var id: Int64
                /// The pet's name.
                public var name: String?
                /// The `kind` field.
                public var kind: Kind
                /// The `owner-name` field.
                public var ownerName: String?
                /// The `born` field.
                public var born: Date?

                enum CodingKeys: String, CodingKey {
                    case id = "id"
                    case name = "name"
                    case kind = "kind"
                    case ownerName = "owner-name"
                    case born = "born"
                }

                /// Creates a value from its properties.
                public init(
                    id: Int64,
                    name: String? = nil,
                    kind: Kind,
                    ownerName: String? = nil,
                    born: Date? = nil
                ) {
                    self.id = id
                    self.name = name
                    self.kind = kind
                    self.ownerName = ownerName
                    self.born = born
                }
            }
            """#)
    }

    /// A `oneOf` with a discriminator reads the discriminator first. An enum whose cases carry
    /// models is `indirect`, each case a pointer (``OneOfStorage``: much cheaper to compile).
    @Test func aOneOfWithADiscriminatorDecodesByIt() async throws {
        try await expectSnippet(
            schemas: #"""
            {
              "Shape": {
                "oneOf": [{"$ref": "#/components/schemas/Circle"}, {"$ref": "#/components/schemas/Square"}],
                "discriminator": {
                  "propertyName": "kind",
                  "mapping": {"circle": "#/components/schemas/Circle", "square": "#/components/schemas/Square"}
                }
              },
              "Circle": {
                "type": "object",
                "required": ["kind", "radius"],
                "properties": {"kind": {"type": "string"}, "radius": {"type": "number"}}
              },
              "Square": {
                "type": "object",
                "required": ["kind", "side"],
                "properties": {"kind": {"type": "string"}, "side": {"type": "number"}}
              }
            }
            """#,
            file: "Models/Shape.swift",
            swift: #"""
            public indirect enum Shape: Codable, Hashable, Sendable {
                case circle(Circle)
                case square(Square)
                /// A value that matches none of the documented alternatives, kept as received.
                case undocumented(JSONValue)

                public init(from decoder: any Decoder) throws {
                    switch try JSONValue(from: decoder)["kind"]?.stringValue {
                    case "circle": self = .circle(try Circle(from: decoder))
                    case "square": self = .square(try Square(from: decoder))
                    default: self = .undocumented(try JSONValue(from: decoder))
                    }
                }

                public func encode(to encoder: any Encoder) throws {
                    switch self {
                    case .circle(let value): try value.encode(to: encoder)
                    case .square(let value): try value.encode(to: encoder)
                    case .undocumented(let value): try value.encode(to: encoder)
                    }
                }
            }
            """#)
    }

    /// An `anyOf` without a discriminator tries each alternative in order; inline alternatives are nested types.
    @Test func anAnyOfWithoutADiscriminatorTriesEachAlternative() async throws {
        try await expectSnippet(
            schemas: #"""
            {
              "Identifier": {
                "anyOf": [
                  {"type": "string"},
                  {"type": "integer"},
                  {
                    "type": "object",
                    "properties": {"scheme": {"type": "string"}, "value": {"type": "string"}}
                  }
                ]
              }
            }
            """#,
            file: "Models/Identifier.swift",
            swift: #"""
            public indirect enum Identifier: Codable, Hashable, Sendable {
                case string(String)
                case int(Int)
                case object(Object)
                /// A value that matches none of the documented alternatives, kept as received.
                case undocumented(JSONValue)

                public init(from decoder: any Decoder) throws {
                    if let value = try? String(from: decoder) {
                        self = .string(value)
                        return
                    }
                    if let value = try? Int(from: decoder) {
                        self = .int(value)
                        return
                    }
                    if let value = try? Object(from: decoder) {
                        self = .object(value)
                        return
                    }
                    self = .undocumented(try JSONValue(from: decoder))
                }

                public func encode(to encoder: any Encoder) throws {
                    switch self {
                    case .string(let value): try value.encode(to: encoder)
                    case .int(let value): try value.encode(to: encoder)
                    case .object(let value): try value.encode(to: encoder)
                    case .undocumented(let value): try value.encode(to: encoder)
                    }
                }

                /// The `Object` schema.
                public struct Object: Codable, Hashable, Sendable {
                    /// The `scheme` field.
                    public var scheme: String?
                    /// The `value` field.
                    public var value: String?

                    /// Creates a value from its properties.
                    public init(
                        scheme: String? = nil,
                        value: String? = nil
                    ) {
                        self.scheme = scheme
                        self.value = value
                    }
                }
            }
            """#)
    }

    /// An `allOf` of a reference and an inline schema is one struct with the properties of both.
    @Test func anAllOfMergesItsPartsProperties() async throws {
        try await expectSnippet(
            schemas: #"""
            {
              "Animal": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
              "Dog": {
                "allOf": [
                  {"$ref": "#/components/schemas/Animal"},
                  {"type": "object", "properties": {"barks": {"type": "boolean", "default": true}}}
                ]
              }
            }
            """#,
            file: "Models/Dog.swift",
            swift: #"""
            public struct Dog: Codable, Hashable, Sendable {
                /// The `name` field.
                public var name: String
                /// The `barks` field.
                public var barks: Bool?

                /// Creates a value from its properties.
                public init(
                    name: String,
                    barks: Bool? = nil
                ) {
                    self.name = name
                    self.barks = barks
                }
            }
            """#)
    }

    /// A schema that contains itself: the direct reference is stored with `@Indirect`; an array of itself needs nothing.
    @Test func aRecursiveSchemaStoresItselfIndirectly() async throws {
        try await expectSnippet(
            schemas: #"""
            {
              "Node": {
                "type": "object",
                "required": ["value"],
                "properties": {
                  "value": {"type": "string"},
                  "parent": {"$ref": "#/components/schemas/Node"},
                  "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}
                }
              }
            }
            """#,
            file: "Models/Node.swift",
            swift: #"""
            public struct Node: Codable, Hashable, Sendable {
                /// The `value` field.
                public var value: String
                /// The `parent` field.
                @Indirect public var parent: Node?
                /// The `children` field.
                public var children: [Node]?

                /// Creates a value from its properties.
                public init(
                    value: String,
                    parent: Node? = nil,
                    children: [Node]? = nil
                ) {
                    self.value = value
                    self.parent = parent
                    self.children = children
                }
            }
            """#)
    }

    /// `additionalProperties` is a dictionary; a schema without a type is `JSONValue`.
    @Test func aMapAndAnUntypedValue() async throws {
        try await expectSnippet(
            schemas: #"""
            {
              "Labels": {
                "type": "object",
                "properties": {
                  "values": {"type": "object", "additionalProperties": {"type": "string"}},
                  "extra": {}
                }
              }
            }
            """#,
            file: "Models/Labels.swift",
            swift: #"""
            public struct Labels: Codable, Hashable, Sendable {
                /// The `values` field.
                public var values: [String: String]?
                /// The `extra` field.
                public var extra: JSONValue?

                /// Creates a value from its properties.
                public init(
                    values: [String: String]? = nil,
                    extra: JSONValue? = nil
                ) {
                    self.values = values
                    self.extra = extra
                }
            }
            """#)
    }

    /// Path, query (a form-style array that is not exploded, a default), header and cookie parameters; the request type builds the request, the method sends it.
    @Test func everyParameterLocationAndStyle() async throws {
        try await expectSnippet(
            paths: #"""
            {
              "/pets/{petId}": {
                "get": {
                  "operationId": "getPet",
                  "summary": "Gets a pet.",
                  "description": "Reads one pet by its identifier.",
                  "parameters": [
                    {
                      "name": "petId",
                      "in": "path",
                      "required": true,
                      "description": "The pet.",
                      "schema": {"type": "string"}
                    },
                    {
                      "name": "tags",
                      "in": "query",
                      "style": "form",
                      "explode": false,
                      "schema": {"type": "array", "items": {"type": "string"}}
                    },
                    {"name": "size", "in": "query", "schema": {"type": "integer", "default": 20}},
                    {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
                    {"name": "session", "in": "cookie", "schema": {"type": "string"}}
                  ],
                  "responses": {
                    "200": {
                      "description": "OK",
                      "content": {
                        "application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}}}}
                      }
                    }
                  }
                }
              }
            }
            """#,
            file: "PetsAPI.swift",
            swift: #"""
            public struct PetsAPI: Sendable {
                /// The client that sends this namespace's requests.
                public let client: JustOneAPIClient

                /// The namespace on `client`; `client.pets` is the same.
                public init(client: JustOneAPIClient) {
                    self.client = client
                }
            }

            extension JustOneAPIClient {
                /// Operations under `pets`.
                public var pets: PetsAPI { PetsAPI(client: self) }
            }

            extension PetsAPI {
                /// Gets a pet.
                ///
                /// Reads one pet by its identifier.
                ///
                /// - Parameters:
                ///   - petId: The pet.
                ///   - tags: The `tags` query parameter.
                ///   - size: The `size` query parameter.
                ///   - xTrace: The `X-Trace` header.
                ///   - session: The `session` cookie.
                /// - Returns: The decoded response body.
                /// - Throws: `JustOneAPIError` when the call fails, `CancellationError` when the task is cancelled.
                /// - Remark: `GET /pets/{petId}`
                public func getPet(
                    petId: String,
                    tags: [String]? = nil,
                    size: Int? = 20,
                    xTrace: String? = nil,
                    session: String? = nil
                ) async throws -> APIResponse<GetPet.Response> {
                    try await self.client.send(GetPet(petId: petId, tags: tags, size: size, xTrace: xTrace, session: session).request)
                }

                /// The request of ``getPet(petId:tags:size:xTrace:session:)``, where the operation is documented.
                ///
                /// Build it to inspect or adjust the request, and send it with `client.send(_:)`;
                /// the method does both.
                /// - Remark: `GET /pets/{petId}`
                public struct GetPet: APIOperation {
                    /// The operation's `operationId`.
                    public static let operationID = "getPet"

                    /// The pet.
                    public var petId: String
                    /// The `tags` query parameter.
                    public var tags: [String]?
                    /// The `size` query parameter.
                    public var size: Int?
                    /// The `X-Trace` header.
                    public var xTrace: String?
                    /// The `session` cookie.
                    public var session: String?

                    /// Creates the request; parameters with defaults can be left out.
                    public init(
                        petId: String,
                        tags: [String]? = nil,
                        size: Int? = 20,
                        xTrace: String? = nil,
                        session: String? = nil
                    ) {
                        self.petId = petId
                        self.tags = tags
                        self.size = size
                        self.xTrace = xTrace
                        self.session = session
                    }

                    /// The request to send with `client.send(_:)`, with every part visible.
                    public var request: Request<Response> {
                        var query: [QueryItem] = []
                        query.reserveCapacity(2)
                        var headerFields = HTTPFields()
                        query.append("tags", values: self.tags, explode: false)
                        query.append("size", value: self.size)
                        headerFields["X-Trace"] = self.xTrace?.parameterValue
                        if let value = self.session { headerFields.append(name: "Cookie", value: "session=" + PercentEncoding.encode(value.parameterValue)) }
                        return Request(
                            operationID: Self.operationID,
                            method: .get,
                            path: "/pets/\(PercentEncoding.encode(self.petId.parameterValue))",
                            query: query,
                            headerFields: headerFields,
                            authentication: .none,
                            responseFormat: .json
                        )
                    }

                    /// The value of the response body of `GetPet`.
                    public struct Response: Codable, Hashable, Sendable {
                        /// The `name` field.
                        public var name: String?

                        /// Creates a value from its properties.
                        public init(
                            name: String? = nil
                        ) {
                            self.name = name
                        }
                    }
                }
            }
            """#)
    }

    /// A deprecated operation says so on the method and the request type; an enum parameter is a nested enum, its default a case.
    @Test func aDeprecatedOperationWithAnEnumParameter() async throws {
        try await expectSnippet(
            paths: #"""
            {
              "/pets": {
                "get": {
                  "operationId": "listPets",
                  "deprecated": true,
                  "parameters": [
                    {
                      "name": "order",
                      "in": "query",
                      "schema": {"type": "string", "enum": ["asc", "desc"], "default": "asc"}
                    }
                  ],
                  "responses": {
                    "200": {
                      "description": "OK",
                      "content": {"application/json": {"schema": {"type": "array", "items": {"type": "string"}}}}
                    }
                  }
                }
              }
            }
            """#,
            file: "PetsAPI.swift",
            swift: #"""
            public struct PetsAPI: Sendable {
                /// The client that sends this namespace's requests.
                public let client: JustOneAPIClient

                /// The namespace on `client`; `client.pets` is the same.
                public init(client: JustOneAPIClient) {
                    self.client = client
                }
            }

            extension JustOneAPIClient {
                /// Operations under `pets`.
                public var pets: PetsAPI { PetsAPI(client: self) }
            }

            extension PetsAPI {
                /// GET /pets
                ///
                /// - Parameters:
                ///   - order: The `order` query parameter.
                /// - Returns: The decoded response body.
                /// - Throws: `JustOneAPIError` when the call fails, `CancellationError` when the task is cancelled.
                /// - Remark: `GET /pets`
                @available(*, deprecated, message: "Deprecated in the API documentation.")
                public func listPets(
                    order: ListPets.Order? = .asc
                ) async throws -> APIResponse<[String]> {
                    try await self.client.send(ListPets(order: order).request)
                }

                /// The request of ``listPets(order:)``, where the operation is documented.
                ///
                /// Build it to inspect or adjust the request, and send it with `client.send(_:)`;
                /// the method does both.
                /// - Remark: `GET /pets`
                @available(*, deprecated, message: "Deprecated in the API documentation.")
                public struct ListPets: APIOperation {
                    /// The operation's `operationId`.
                    public static let operationID = "listPets"

                    /// The `order` query parameter.
                    public var order: Order?

                    /// Creates the request; parameters with defaults can be left out.
                    public init(
                        order: Order? = .asc
                    ) {
                        self.order = order
                    }

                    /// The request to send with `client.send(_:)`, with every part visible.
                    public var request: Request<[String]> {
                        var query: [QueryItem] = []
                        query.reserveCapacity(1)
                        query.append("order", value: self.order)
                        return Request(
                            operationID: Self.operationID,
                            method: .get,
                            path: "/pets",
                            query: query,
                            authentication: .none,
                            responseFormat: .json
                        )
                    }

                    /// The values of the `order` query parameter of `ListPets`.
                    public enum Order: RawRepresentable, CaseIterable, Hashable, Sendable, ParameterValue {
                        /// The value `asc`.
                        case asc
                        /// The value `desc`.
                        case desc
                        /// A value this version of the client does not know, kept as received.
                        case undocumented(String)

                        public init(rawValue: String) {
                            self = Self.documentedValues[rawValue] ?? .undocumented(rawValue)
                        }

                        public var rawValue: String {
                            switch self {
                            case .asc: "asc"
                            case .desc: "desc"
                            case .undocumented(let value): value
                            }
                        }

                        /// The documented values.
                        public static let allCases: [Order] = [.asc, .desc]

                        private static let documentedValues = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
                    }
                }
            }
            """#)
    }

    /// A form-encoded body: each field a parameter, sent as form fields.
    @Test func aFormBody() async throws {
        try await expectSnippet(
            paths: #"""
            {
              "/pets": {
                "post": {
                  "operationId": "createPet",
                  "requestBody": {
                    "required": true,
                    "content": {
                      "application/x-www-form-urlencoded": {
                        "schema": {
                          "type": "object",
                          "required": ["name"],
                          "properties": {"name": {"type": "string"}, "age": {"type": "integer"}}
                        }
                      }
                    }
                  },
                  "responses": {
                    "200": {
                      "description": "OK",
                      "content": {"application/json": {"schema": {"type": "string"}}}
                    }
                  }
                }
              }
            }
            """#,
            file: "PetsAPI.swift",
            swift: #"""
            public struct PetsAPI: Sendable {
                /// The client that sends this namespace's requests.
                public let client: JustOneAPIClient

                /// The namespace on `client`; `client.pets` is the same.
                public init(client: JustOneAPIClient) {
                    self.client = client
                }
            }

            extension JustOneAPIClient {
                /// Operations under `pets`.
                public var pets: PetsAPI { PetsAPI(client: self) }
            }

            extension PetsAPI {
                /// POST /pets
                ///
                /// - Parameters:
                ///   - name: The `name` form field.
                ///   - age: The `age` form field.
                /// - Returns: The decoded response body.
                /// - Throws: `JustOneAPIError` when the call fails, `CancellationError` when the task is cancelled.
                /// - Remark: `POST /pets`
                public func createPet(
                    name: String,
                    age: Int? = nil
                ) async throws -> APIResponse<String> {
                    try await self.client.send(CreatePet(name: name, age: age).request)
                }

                /// The request of ``createPet(name:age:)``, where the operation is documented.
                ///
                /// Build it to inspect or adjust the request, and send it with `client.send(_:)`;
                /// the method does both.
                /// - Remark: `POST /pets`
                public struct CreatePet: APIOperation {
                    /// The operation's `operationId`.
                    public static let operationID = "createPet"

                    /// The `name` form field.
                    public var name: String
                    /// The `age` form field.
                    public var age: Int?

                    /// Creates the request; parameters with defaults can be left out.
                    public init(
                        name: String,
                        age: Int? = nil
                    ) {
                        self.name = name
                        self.age = age
                    }

                    /// The request to send with `client.send(_:)`, with every part visible.
                    public var request: Request<String> {
                        var formFields: [QueryItem] = []
                        formFields.append("name", value: self.name)
                        formFields.append("age", value: self.age)
                        return Request(
                            operationID: Self.operationID,
                            method: .post,
                            path: "/pets",
                            body: .form(formFields),
                            authentication: .none,
                            responseFormat: .json
                        )
                    }
                }
            }
            """#)
    }

    /// A JSON body is one `body` parameter of the schema's type.
    @Test func aJSONBody() async throws {
        try await expectSnippet(
            schemas: #"""
            {
              "Pet": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}
            }
            """#,
            paths: #"""
            {
              "/pets": {
                "put": {
                  "operationId": "replacePet",
                  "requestBody": {
                    "required": true,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}
                  },
                  "responses": {"204": {"description": "Replaced"}}
                }
              }
            }
            """#,
            file: "PetsAPI.swift",
            swift: #"""
            public struct PetsAPI: Sendable {
                /// The client that sends this namespace's requests.
                public let client: JustOneAPIClient

                /// The namespace on `client`; `client.pets` is the same.
                public init(client: JustOneAPIClient) {
                    self.client = client
                }
            }

            extension JustOneAPIClient {
                /// Operations under `pets`.
                public var pets: PetsAPI { PetsAPI(client: self) }
            }

            extension PetsAPI {
                /// PUT /pets
                ///
                /// - Parameters:
                ///   - body: The `body` request body.
                /// - Returns: Nothing: the response has no body.
                /// - Throws: `JustOneAPIError` when the call fails, `CancellationError` when the task is cancelled.
                /// - Remark: `PUT /pets`
                public func replacePet(
                    body: Pet
                ) async throws -> APIResponse<NoContent> {
                    try await self.client.send(ReplacePet(body: body).request)
                }

                /// The request of ``replacePet(body:)``, where the operation is documented.
                ///
                /// Build it to inspect or adjust the request, and send it with `client.send(_:)`;
                /// the method does both.
                /// - Remark: `PUT /pets`
                public struct ReplacePet: APIOperation {
                    /// The operation's `operationId`.
                    public static let operationID = "replacePet"

                    /// The `body` request body.
                    public var body: Pet

                    /// Creates the request; parameters with defaults can be left out.
                    public init(
                        body: Pet
                    ) {
                        self.body = body
                    }

                    /// The request to send with `client.send(_:)`, with every part visible.
                    public var request: Request<NoContent> {
                        return Request(
                            operationID: Self.operationID,
                            method: .put,
                            path: "/pets",
                            body: .json(self.body),
                            authentication: .none,
                            responseFormat: .empty
                        )
                    }
                }
            }
            """#)
    }

    /// An operation that pages, as `x-pagination` describes it: the request type says how to ask for the next page.
    @Test func aPagedOperation() async throws {
        try await expectSnippet(
            paths: #"""
            {
              "/pets": {
                "get": {
                  "operationId": "listPets",
                  "x-pagination": {
                    "inputs": [{"name": "page", "type": "page"}],
                    "outputs": {"results": "$.items", "hasMore": "$.hasMore"}
                  },
                  "parameters": [{"name": "page", "in": "query", "schema": {"type": "integer", "default": 1}}],
                  "responses": {
                    "200": {
                      "description": "OK",
                      "content": {
                        "application/json": {
                          "schema": {
                            "type": "object",
                            "properties": {
                              "items": {"type": "array", "items": {"type": "string"}},
                              "hasMore": {"type": "boolean"}
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
            """#,
            file: "PetsAPI.swift",
            swift: #"""
            public struct PetsAPI: Sendable {
                /// The client that sends this namespace's requests.
                public let client: JustOneAPIClient

                /// The namespace on `client`; `client.pets` is the same.
                public init(client: JustOneAPIClient) {
                    self.client = client
                }
            }

            extension JustOneAPIClient {
                /// Operations under `pets`.
                public var pets: PetsAPI { PetsAPI(client: self) }
            }

            extension PetsAPI {
                /// GET /pets
                ///
                /// - Parameters:
                ///   - page: The `page` query parameter.
                /// - Returns: The decoded response body.
                /// - Throws: `JustOneAPIError` when the call fails, `CancellationError` when the task is cancelled.
                /// - Remark: `GET /pets`
                public func listPets(
                    page: Int? = 1
                ) async throws -> APIResponse<ListPets.Response> {
                    try await self.client.send(ListPets(page: page).request)
                }

                /// The request of ``listPets(page:)``, where the operation is documented.
                ///
                /// Build it to inspect or adjust the request, and send it with `client.send(_:)`;
                /// the method does both.
                /// - Remark: `GET /pets`
                public struct ListPets: PagedOperation {
                    /// The operation's `operationId`.
                    public static let operationID = "listPets"

                    /// How the operation pages for `client.pages(_:)`, as its `x-pagination` describes it:
                    /// - `page`: the page number, from 1
                    /// - Items: `$.items`
                    /// - Has more: `$.hasMore`
                    public static let paging = Paging(
                        inputs: [
                            .page("page", first: 1),
                        ],
                        items: ResponsePath([.key("items")]),
                        hasMore: ResponsePath([.key("hasMore")]))

                    /// The `page` query parameter.
                    public var page: Int?

                    /// Creates the request; parameters with defaults can be left out.
                    public init(
                        page: Int? = 1
                    ) {
                        self.page = page
                    }

                    /// The request to send with `client.send(_:)`, with every part visible.
                    public var request: Request<Response> {
                        var query: [QueryItem] = []
                        query.reserveCapacity(1)
                        query.append("page", value: self.page)
                        return Request(
                            operationID: Self.operationID,
                            method: .get,
                            path: "/pets",
                            query: query,
                            authentication: .none,
                            responseFormat: .json
                        )
                    }

                    /// The value of the response body of `ListPets`.
                    public struct Response: Codable, Hashable, Sendable {
                        /// The `items` field.
                        public var items: [String]?
                        /// The `hasMore` field.
                        public var hasMore: Bool?

                        /// Creates a value from its properties.
                        public init(
                            items: [String]? = nil,
                            hasMore: Bool? = nil
                        ) {
                            self.items = items
                            self.hasMore = hasMore
                        }
                    }
                }
            }
            """#)
    }

    /// Responses in an envelope return its `data`; the envelope's codes are a `BusinessCode` enum.
    @Test func anEnvelopeAndItsBusinessCodes() async throws {
        try await expectSnippet(
            schemas: #"""
            {
              "Result": {
                "type": "object",
                "properties": {
                  "code": {"type": "integer", "enum": [0, 100, 301]},
                  "message": {"type": "string"},
                  "data": {}
                }
              }
            }
            """#,
            paths: #"""
            {
              "/pets": {
                "get": {
                  "operationId": "listPets",
                  "responses": {
                    "200": {
                      "description": "OK",
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Result"}}}
                    }
                  }
                }
              }
            }
            """#,
            config: #"""
            envelope:
              schema: Result
              codeKey: code
              dataKey: data
              messageKey: message
              successCodes: [0]
            businessCodes:
              - code: 100
                name: invalidToken
                meaning: Invalid token
                stopsClient: true
              - code: 301
                name: collectionFailed
                meaning: Collection failed
                retryable: true
            """#,
            file: "BusinessCodes.swift",
            swift: #"""
            public enum BusinessCode: RawRepresentable, CaseIterable, Codable, Hashable, Sendable, CustomStringConvertible {
                /// Success (`0`).
                case success
                /// Invalid token (`100`).
                ///
                /// Stops the client: no other call can succeed until the account is in order (see `JustOneAPIClient.resume()`).
                case invalidToken
                /// Collection failed (`301`).
                ///
                /// Worth retrying: the same request may succeed when sent again.
                case collectionFailed
                /// A code the documents do not list.
                case undocumented(Int)

                public init(rawValue: Int) {
                    self = Self.documentedCodes[rawValue] ?? .undocumented(rawValue)
                }

                public var rawValue: Int {
                    switch self {
                    case .success: 0
                    case .invalidToken: 100
                    case .collectionFailed: 301
                    case .undocumented(let code): code
                    }
                }

                /// The documented codes.
                public static let allCases: [BusinessCode] = [.success, .invalidToken, .collectionFailed]

                private static let documentedCodes = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

                /// What the code means, in the documentation's words.
                public var meaning: String {
                    switch self {
                    case .success: "Success"
                    case .invalidToken: "Invalid token"
                    case .collectionFailed: "Collection failed"
                    case .undocumented: "Undocumented business code"
                    }
                }

                /// Whether a request that got this code may succeed when sent again.
                public var isRetryable: Bool {
                    switch self {
                    case .collectionFailed: true
                    default: false
                    }
                }

                /// Whether this code stops the client: the account cannot go on (an invalid token, the daily
                /// quota, no balance), so every other call is refused until `JustOneAPIClient.resume()`.
                public var stopsClient: Bool {
                    switch self {
                    case .invalidToken: true
                    default: false
                    }
                }

                public var description: String { "\(rawValue) (\(meaning))" }
            }

            extension BusinessFailure {
                /// The failure's code as a ``BusinessCode``.
                public var businessCode: BusinessCode { BusinessCode(rawValue: code) }
            }

            extension JustOneAPIError {
                /// The business code, when the call failed with one.
                public var businessCode: BusinessCode? { businessFailure?.businessCode }
            }

            extension EnvelopeFormat {
                /// The envelope the documents describe, with every documented business code.
                static let documented = EnvelopeFormat(
                    codeKey: "code",
                    dataKey: "data",
                    messageKey: "message",
                    recordTimeKey: "recordTime",
                    requestIDKey: "requestId",
                    successCodes: [0],
                    codes: [
                        BusinessCodeInfo(code: 0, name: "success", meaning: "Success", isRetryable: false, stopsClient: false),
                        BusinessCodeInfo(code: 100, name: "invalidToken", meaning: "Invalid token", isRetryable: false, stopsClient: true),
                        BusinessCodeInfo(code: 301, name: "collectionFailed", meaning: "Collection failed", isRetryable: true, stopsClient: false),
                    ]
                )
            }
            """#)
    }

    /// A `deepObject` query parameter is sent a pair per property (`filter[created][gt]=…`); a
    /// parameter whose schema is a union of text, numbers and lists is sent as the alternative it
    /// holds would be, in a path as in a query.
    @Test func deepObjectAndUnionParameters() async throws {
        try await expectSnippet(
            paths: #"""
            {
              "/indices/{index}/search": {
                "get": {
                  "operationId": "search",
                  "parameters": [
                    {
                      "name": "index", "in": "path", "required": true,
                      "schema": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
                    },
                    {
                      "name": "filter", "in": "query", "style": "deepObject", "explode": true,
                      "schema": {
                        "type": "object",
                        "properties": {"created": {"type": "object", "properties": {"gt": {"type": "integer"}}}, "tags": {"type": "array", "items": {"type": "string"}}}
                      }
                    },
                    {
                      "name": "timeout", "in": "query",
                      "schema": {"oneOf": [{"type": "string"}, {"type": "integer"}]}
                    }
                  ],
                  "responses": {
                    "200": {"description": "OK", "content": {"application/json": {"schema": {"type": "string"}}}}
                  }
                }
              }
            }
            """#,
            file: "IndicesAPI.swift",
            swift: #"""
            public struct IndicesAPI: Sendable {
                /// The client that sends this namespace's requests.
                public let client: JustOneAPIClient

                /// The namespace on `client`; `client.indices` is the same.
                public init(client: JustOneAPIClient) {
                    self.client = client
                }
            }

            extension JustOneAPIClient {
                /// Operations under `indices`.
                public var indices: IndicesAPI { IndicesAPI(client: self) }
            }

            extension IndicesAPI {
                /// GET /indices/{index}/search
                ///
                /// - Parameters:
                ///   - index: The `index` path parameter.
                ///   - filter: The `filter` query parameter.
                ///   - timeout: The `timeout` query parameter.
                /// - Returns: The decoded response body.
                /// - Throws: `JustOneAPIError` when the call fails, `CancellationError` when the task is cancelled.
                /// - Remark: `GET /indices/{index}/search`
                public func search(
                    index: Search.Index,
                    filter: Search.Filter? = nil,
                    timeout: Search.Timeout? = nil
                ) async throws -> APIResponse<String> {
                    try await self.client.send(Search(index: index, filter: filter, timeout: timeout).request)
                }

                /// The request of ``search(index:filter:timeout:)``, where the operation is documented.
                ///
                /// Build it to inspect or adjust the request, and send it with `client.send(_:)`;
                /// the method does both.
                /// - Remark: `GET /indices/{index}/search`
                public struct Search: APIOperation {
                    /// The operation's `operationId`.
                    public static let operationID = "search"

                    /// The `index` path parameter.
                    public var index: Index
                    /// The `filter` query parameter.
                    public var filter: Filter?
                    /// The `timeout` query parameter.
                    public var timeout: Timeout?

                    /// Creates the request; parameters with defaults can be left out.
                    public init(
                        index: Index,
                        filter: Filter? = nil,
                        timeout: Timeout? = nil
                    ) {
                        self.index = index
                        self.filter = filter
                        self.timeout = timeout
                    }

                    /// The request to send with `client.send(_:)`, with every part visible.
                    public var request: Request<String> {
                        var query: [QueryItem] = []
                        query.reserveCapacity(2)
                        query.append("filter", deepObject: self.filter)
                        query.append("timeout", form: self.timeout)
                        return Request(
                            operationID: Self.operationID,
                            method: .get,
                            path: "/indices/\(ParameterStyle.simple.pathSegment("index", StructuredParameter(self.index)))/search",
                            query: query,
                            authentication: .none,
                            responseFormat: .json
                        )
                    }

                    /// The value of the `index` path parameter of `Search`.
                    public enum Index: Codable, Hashable, Sendable {
                        case string(String)
                        case stringArray([String])
                        /// A value that matches none of the documented alternatives, kept as received.
                        case undocumented(JSONValue)

                        public init(from decoder: any Decoder) throws {
                            if let value = try? String(from: decoder) {
                                self = .string(value)
                                return
                            }
                            if let value = try? [String](from: decoder) {
                                self = .stringArray(value)
                                return
                            }
                            self = .undocumented(try JSONValue(from: decoder))
                        }

                        public func encode(to encoder: any Encoder) throws {
                            switch self {
                            case .string(let value): try value.encode(to: encoder)
                            case .stringArray(let value): try value.encode(to: encoder)
                            case .undocumented(let value): try value.encode(to: encoder)
                            }
                        }
                    }

                    /// The value of the `filter` query parameter of `Search`.
                    public struct Filter: Codable, Hashable, Sendable {
                        /// The `created` field.
                        public var created: Created?
                        /// The `tags` field.
                        public var tags: [String]?

                        /// Creates a value from its properties.
                        public init(
                            created: Created? = nil,
                            tags: [String]? = nil
                        ) {
                            self.created = created
                            self.tags = tags
                        }

                        /// The value of the `created` property of `IndicesAPI.Search.Filter`.
                        public struct Created: Codable, Hashable, Sendable {
                            /// The `gt` field.
                            public var gt: Int?

                            /// Creates a value from its properties.
                            public init(
                                gt: Int? = nil
                            ) {
                                self.gt = gt
                            }
                        }
                    }

                    /// The value of the `timeout` query parameter of `Search`.
                    public enum Timeout: Codable, Hashable, Sendable {
                        case string(String)
                        case int(Int)
                        /// A value that matches none of the documented alternatives, kept as received.
                        case undocumented(JSONValue)

                        public init(from decoder: any Decoder) throws {
                            if let value = try? String(from: decoder) {
                                self = .string(value)
                                return
                            }
                            if let value = try? Int(from: decoder) {
                                self = .int(value)
                                return
                            }
                            self = .undocumented(try JSONValue(from: decoder))
                        }

                        public func encode(to encoder: any Encoder) throws {
                            switch self {
                            case .string(let value): try value.encode(to: encoder)
                            case .int(let value): try value.encode(to: encoder)
                            case .undocumented(let value): try value.encode(to: encoder)
                            }
                        }
                    }
                }
            }
            """#)
    }

    /// A `multipart/form-data` body: a binary field is a `FileUpload` (a list of them for an
    /// array), text a text part, an object a JSON part.
    @Test func aMultipartBody() async throws {
        try await expectSnippet(
            paths: #"""
            {
              "/files": {
                "post": {
                  "operationId": "uploadFiles",
                  "requestBody": {
                    "required": true,
                    "content": {
                      "multipart/form-data": {
                        "schema": {
                          "type": "object",
                          "required": ["file"],
                          "properties": {
                            "file": {"type": "string", "format": "binary"},
                            "attachments": {"type": "array", "items": {"type": "string", "format": "binary"}},
                            "purpose": {"type": "string"},
                            "metadata": {"type": "object", "properties": {"owner": {"type": "string"}}}
                          }
                        }
                      }
                    }
                  },
                  "responses": {
                    "200": {"description": "OK", "content": {"application/json": {"schema": {"type": "string"}}}}
                  }
                }
              }
            }
            """#,
            file: "FilesAPI.swift",
            swift: #"""
            public struct FilesAPI: Sendable {
                /// The client that sends this namespace's requests.
                public let client: JustOneAPIClient

                /// The namespace on `client`; `client.files` is the same.
                public init(client: JustOneAPIClient) {
                    self.client = client
                }
            }

            extension JustOneAPIClient {
                /// Operations under `files`.
                public var files: FilesAPI { FilesAPI(client: self) }
            }

            extension FilesAPI {
                /// POST /files
                ///
                /// - Parameters:
                ///   - file: The `file` multipart field.
                ///   - attachments: The `attachments` multipart field.
                ///   - purpose: The `purpose` multipart field.
                ///   - metadata: The `metadata` multipart field.
                /// - Returns: The decoded response body.
                /// - Throws: `JustOneAPIError` when the call fails, `CancellationError` when the task is cancelled.
                /// - Remark: `POST /files`
                public func uploadFiles(
                    file: FileUpload,
                    attachments: [FileUpload]? = nil,
                    purpose: String? = nil,
                    metadata: UploadFiles.Metadata? = nil
                ) async throws -> APIResponse<String> {
                    try await self.client.send(UploadFiles(file: file, attachments: attachments, purpose: purpose, metadata: metadata).request)
                }

                /// The request of ``uploadFiles(file:attachments:purpose:metadata:)``, where the operation is documented.
                ///
                /// Build it to inspect or adjust the request, and send it with `client.send(_:)`;
                /// the method does both.
                /// - Remark: `POST /files`
                public struct UploadFiles: APIOperation {
                    /// The operation's `operationId`.
                    public static let operationID = "uploadFiles"

                    /// The `file` multipart field.
                    public var file: FileUpload
                    /// The `attachments` multipart field.
                    public var attachments: [FileUpload]?
                    /// The `purpose` multipart field.
                    public var purpose: String?
                    /// The `metadata` multipart field.
                    public var metadata: Metadata?

                    /// Creates the request; parameters with defaults can be left out.
                    public init(
                        file: FileUpload,
                        attachments: [FileUpload]? = nil,
                        purpose: String? = nil,
                        metadata: Metadata? = nil
                    ) {
                        self.file = file
                        self.attachments = attachments
                        self.purpose = purpose
                        self.metadata = metadata
                    }

                    /// The request to send with `client.send(_:)`, with every part visible.
                    public var request: Request<String> {
                        var parts: [MultipartPart] = []
                        parts.append("file", file: self.file)
                        parts.append("attachments", files: self.attachments)
                        parts.append("purpose", value: self.purpose)
                        parts.append("metadata", json: self.metadata)
                        return Request(
                            operationID: Self.operationID,
                            method: .post,
                            path: "/files",
                            body: .multipart(parts),
                            authentication: .none,
                            responseFormat: .json
                        )
                    }

                    /// The value of the `metadata` multipart field of `UploadFiles`.
                    public struct Metadata: Codable, Hashable, Sendable {
                        /// The `owner` field.
                        public var owner: String?

                        /// Creates a value from its properties.
                        public init(
                            owner: String? = nil
                        ) {
                            self.owner = owner
                        }
                    }
                }
            }
            """#)
    }

    /// Two models inferred from samples, one inside the other, and the operation whose response
    /// is the outer one: the fragment of the two tests below.
    static let sampledSchemas = #"""
        {
          "Sampled": {
            "type": "object",
            "x-sample-inferred": true,
            "properties": {
              "name": {"type": "string"},
              "children": {"type": "array", "items": {"$ref": "#/components/schemas/SampledChild"}}
            }
          },
          "SampledChild": {"type": "object", "x-sample-inferred": true, "properties": {"rank": {"type": "integer"}}}
        }
        """#
    static let sampledPaths = #"""
        {
          "/samples": {
            "get": {
              "operationId": "listSamples",
              "summary": "List samples",
              "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Sampled"}}}}
              }
            }
          }
        }
        """#

    /// A model inferred from samples (`x-sample-inferred`) reads each property leniently from the
    /// value as received, and says what it is for: an element of a field of another inferred model.
    @Test func aModelInferredFromSamples() async throws {
        try await expectSnippet(
            schemas: Self.sampledSchemas,
            paths: Self.sampledPaths,
            file: "Models/SampledChild.swift",
            swift: #"""
            public struct SampledChild: SampleInferred {
                /// The value as received; the properties read from it.
                public let jsonValue: JSONValue

                /// Wraps a value as received.
                public init(jsonValue: JSONValue) {
                    self.jsonValue = jsonValue
                }

                /// The `rank` field, when the response has one of the type the samples showed.
                public var rank: Int? { Lenient.int(jsonValue["rank"]) }
            }
            """#)
    }

    /// The model of a whole response, inferred from samples, says whose response it is.
    @Test func aResponseModelInferredFromSamples() async throws {
        try await expectSnippet(
            schemas: Self.sampledSchemas,
            paths: Self.sampledPaths,
            file: "Models/Sampled.swift",
            swift: #"""
            public struct Sampled: SampleInferred {
                /// The value as received; the properties read from it.
                public let jsonValue: JSONValue

                /// Wraps a value as received.
                public init(jsonValue: JSONValue) {
                    self.jsonValue = jsonValue
                }

                /// The `name` field, when the response has one of the type the samples showed.
                public var name: String? { Lenient.string(jsonValue["name"]) }

                /// The `children` field, when the response has one of the type the samples showed.
                public var children: [SampledChild]? { Lenient.array(jsonValue["children"]) { Lenient.object($0, as: SampledChild.self) } }
            }
            """#)
    }

    /// Generates a document of `schemas` and `paths` (and `config` as its `generator.yaml`) and
    /// compares `file`, without its header and imports, with `swift`.
    private func expectSnippet(
        schemas: String = "{}", paths: String = "{}", config: String? = nil, file: String, swift: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws {
        let document = GeneratorHarness.document(paths: paths, components: #"{"schemas": "# + schemas + "}")
        let result = try await GeneratorHarness.generate(["api.json": document], config: config)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.message))", sourceLocation: sourceLocation)
        #expect(result.warnings.isEmpty, "\(result.warnings.map(\.message))", sourceLocation: sourceLocation)
        let text = try #require(result.file(file), "no \(file)", sourceLocation: sourceLocation)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.drop { $0.hasPrefix("//") || $0.isEmpty || $0.hasPrefix("import ") }
        let declaration = body.joined(separator: "\n").trimmingCharacters(in: .newlines)
        #expect(declaration == swift, sourceLocation: sourceLocation)
    }
}
