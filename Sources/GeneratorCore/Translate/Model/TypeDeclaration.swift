/// A type the generated code declares: a model struct, an enum of values, a one-of enum or an alias.
public struct TypeDeclaration: Sendable, Hashable {
    public init(
        name: String, qualifiedName: String, docLines: [String], kind: Kind, fileName: String? = nil,
        sourceFile: String? = nil
    ) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.docLines = docLines
        self.kind = kind
        self.fileName = fileName
        self.sourceFile = sourceFile
    }

    public enum Kind: Sendable, Hashable {
        case structure(StructureModel)
        case valueEnum(ValueEnumModel)
        case oneOf(OneOfModel)
        /// `typealias Name = Target`.
        case alias(SwiftType)
        case inferredModel(InferredModel)
    }

    /// The name inside its scope, such as `Platform`.
    public var name: String
    /// The name from the module's top level, such as `DouyinXingtuAPI.GetAuthorConvertAbility.Platform`.
    public var qualifiedName: String
    public var docLines: [String]
    /// Whether ``docLines`` say only what the type is for (its schema has no description).
    public var isUndescribed = false
    public var kind: Kind
    /// The generated file's name, for top-level models.
    public var fileName: String?
    /// The document that defines it, for top-level models.
    public var sourceFile: String?
    /// The component schema's key and place, for a type generated from one.
    public var componentKey: String?
    public var sourceLocation: SourceLocation?
}

/// A struct with stored properties, Codable through its coding keys.
public struct StructureModel: Sendable, Hashable {
    public var properties: [PropertyModel]
    /// Whether any property's Swift name differs from its JSON key.
    public var needsCodingKeys: Bool
    public var nestedTypes: [TypeDeclaration]
}

public struct PropertyModel: Sendable, Hashable {
    /// The key in JSON.
    public var jsonKey: String
    public var identifier: String
    public var label: String
    /// The type, optional for optional properties.
    var valueType: SwiftType
    public var isOptional: Bool { valueType.isOptional }
    /// Whether the property breaks a reference cycle and is stored with `@Indirect`.
    public var isIndirect: Bool
    public var docLines: [String]
}

/// A model inferred from response samples: it keeps the value as received and reads each
/// property from it leniently (`SampleInferred` in the runtime).
public struct InferredModel: Sendable, Hashable {
    public var properties: [InferredPropertyModel]
}

public struct InferredPropertyModel: Sendable, Hashable {
    public var identifier: String
    /// The key in JSON.
    public var jsonKey: String
    /// How the property is read from the value as received; its type (always optional)
    /// follows from it.
    public var reading: LenientReading
    public var docLines: [String]
}

/// How a property of a model inferred from samples is read from the value as received
/// (`Lenient` in the runtime): `nil` when the value is missing or of another type.
public indirect enum LenientReading: Sendable, Hashable {
    /// A model inferred from samples too, named so.
    case inferredModel(String)
    /// A model of the document, named so, decoded from the value.
    case decoded(String)
    case string
    case integer
    case number
    case boolean
    /// An array whose elements are read as given.
    case array(of: LenientReading)
    /// An array whose elements are kept as received.
    case arrayOfValues
    /// The value as received (`JSONValue`).
    case asReceived
}

/// An enum of string or integer values that keeps unknown values as `undocumented`.
public struct ValueEnumModel: Sendable, Hashable {
    public enum RawType: Sendable, Hashable {
        case string, integer
    }

    public var rawType: RawType
    public var cases: [EnumCaseModel]
    /// The case that holds a value this version does not know, such as `undocumented`.
    public var undocumentedCaseName: String
    /// Whether values are read from and written to JSON. Enums used only as parameters are not:
    /// leaving out `Codable` (satisfied through `RawRepresentable`) saves a third of the
    /// generated client's compile time.
    public var isCodable: Bool = true
}

public struct EnumCaseModel: Sendable, Hashable {
    /// The name in declarations and after a dot (escaped where needed).
    public var name: String
    /// The value on the wire.
    public var rawValue: RawValue
    public var docLines: [String]

    public enum RawValue: Sendable, Hashable {
        case string(String)
        case integer(Int)
    }
}

/// An enum over alternative schemas (`oneOf`, `anyOf`), decoded by discriminator or by trying each.
public struct OneOfModel: Sendable, Hashable {
    public var cases: [OneOfCaseModel]
    /// The property that names the variant, when the schema has a discriminator.
    public var discriminatorKey: String?
    /// Whether the enum is part of a reference cycle and must be `indirect`.
    public var isIndirect: Bool
    /// Payload types declared inline in the schema, nested in the enum.
    public var nestedTypes: [TypeDeclaration]
}

public struct OneOfCaseModel: Sendable, Hashable {
    public var name: String
    /// The type of the case's value.
    var payload: SwiftType
    /// The discriminator values that select this case.
    public var discriminatorValues: [String]
}
