/// The keys every declaration's template has: its name, doc comment and nested declarations
/// (rendered and indented already).
struct DeclarationContext: TemplateContext {
    let declaration: TypeDeclaration
    let nestedTypes: [CodeContext]

    init(_ declaration: TypeDeclaration, nestedTypesCode: [String]) {
        self.declaration = declaration
        self.nestedTypes = nestedTypesCode.map(CodeContext.init)
    }

    static let fields = TemplateFields<Self>(
        "a declaration",
        [
            ("name", .text(\.declaration.name)),
            ("docLines", .docComment(\.declaration.docLines)),
            ("nestedTypes", .list(\.nestedTypes)),
        ])
}

/// A struct with stored properties (the `structure` template).
struct StructureContext: TemplateContext {
    let declaration: DeclarationContext
    let structure: StructureModel
    let properties: [PropertyContext]

    init(_ declaration: DeclarationContext, _ structure: StructureModel) {
        self.declaration = declaration
        self.structure = structure
        self.properties = structure.properties.enumerated().map {
            PropertyContext(property: $1, isLast: $0 == structure.properties.count - 1)
        }
    }

    static let fields = TemplateFields<Self>(
        "a struct",
        DeclarationContext.fields.lifted(\.declaration) + [
            ("needsCodingKeys", .flag(\.structure.needsCodingKeys)),
            ("properties", .list(\.properties)),
        ])
}

/// A stored property of a struct.
struct PropertyContext: TemplateContext {
    let property: PropertyModel
    let isLast: Bool

    static let fields = TemplateFields<Self>(
        "a property",
        [
            ("identifier", .text(\.property.identifier)),
            ("type", .text(\.property.type)),
            ("jsonKeyLiteral", .text(\.property.jsonKeyLiteral)),
            ("isOptional", .flag(\.property.isOptional)),
            ("isIndirect", .flag(\.property.isIndirect)),
            ("docLines", .docComment(\.property.docLines)),
            ("isLast", .flag(\.isLast)),
        ])
}

/// An enum of values that keeps unknown ones (the `valueEnum` template).
struct ValueEnumContext: TemplateContext {
    let declaration: DeclarationContext
    let valueEnum: ValueEnumModel
    let cases: [EnumCaseContext]

    init(_ declaration: DeclarationContext, _ valueEnum: ValueEnumModel) {
        self.declaration = declaration
        self.valueEnum = valueEnum
        self.cases = valueEnum.cases.map(EnumCaseContext.init)
    }

    static let fields = TemplateFields<Self>(
        "an enum of values",
        DeclarationContext.fields.lifted(\.declaration) + [
            ("rawType", .text(\.valueEnum.rawTypeName)),
            ("conformances", .text(\.valueEnum.conformances)),
            ("undocumentedCaseName", .text(\.valueEnum.undocumentedCaseName)),
            ("cases", .list(\.cases)),
            ("allCasesList", .text { $0.valueEnum.cases.map { "." + $0.name }.joined(separator: ", ") }),
        ])
}

/// A documented value of an enum.
struct EnumCaseContext: TemplateContext {
    let enumCase: EnumCaseModel

    static let fields = TemplateFields<Self>(
        "an enum case",
        [
            ("name", .text(\.enumCase.name)),
            ("rawLiteral", .text(\.enumCase.rawLiteral)),
            ("docLines", .docComment(\.enumCase.docLines)),
        ])
}

/// An enum over alternative schemas (the `oneOf` template).
struct OneOfContext: TemplateContext {
    let declaration: DeclarationContext
    let oneOf: OneOfModel
    let cases: [OneOfCaseContext]
    /// The cases a discriminator value selects.
    let discriminatedCases: [OneOfCaseContext]

    init(_ declaration: DeclarationContext, _ oneOf: OneOfModel) {
        self.declaration = declaration
        self.oneOf = oneOf
        self.cases = oneOf.cases.map(OneOfCaseContext.init)
        self.discriminatedCases = cases.filter { !$0.oneOfCase.discriminatorValueLiterals.isEmpty }
    }

    static let fields = TemplateFields<Self>(
        "a one-of enum",
        DeclarationContext.fields.lifted(\.declaration) + [
            ("isIndirect", .flag(\.oneOf.isIndirect)),
            ("hasDiscriminator", .flag { $0.oneOf.discriminatorKeyLiteral != nil }),
            ("discriminatorKeyLiteral", .optionalText(\.oneOf.discriminatorKeyLiteral)),
            ("cases", .list(\.cases)),
            ("discriminatedCases", .list(\.discriminatedCases)),
        ])
}

/// An alternative of a one-of enum.
struct OneOfCaseContext: TemplateContext {
    let oneOfCase: OneOfCaseModel

    static let fields = TemplateFields<Self>(
        "a one-of case",
        [
            ("name", .text(\.oneOfCase.name)),
            ("payloadType", .text(\.oneOfCase.payloadType)),
            ("valuesList", .text { $0.oneOfCase.discriminatorValueLiterals.joined(separator: ", ") }),
        ])
}

/// A type alias (the `alias` template).
struct AliasContext: TemplateContext {
    let declaration: DeclarationContext
    let target: String

    static let fields = TemplateFields<Self>(
        "a type alias", DeclarationContext.fields.lifted(\.declaration) + [("target", .text(\.target))])
}

/// A model inferred from samples (the `inferredModel` template).
struct InferredModelContext: TemplateContext {
    let declaration: DeclarationContext
    let properties: [InferredPropertyContext]

    init(_ declaration: DeclarationContext, _ model: InferredModel) {
        self.declaration = declaration
        self.properties = model.properties.map(InferredPropertyContext.init)
    }

    static let fields = TemplateFields<Self>(
        "a model inferred from samples",
        DeclarationContext.fields.lifted(\.declaration) + [("properties", .list(\.properties))])
}

/// A property of a model inferred from samples, read leniently.
struct InferredPropertyContext: TemplateContext {
    let property: InferredPropertyModel

    static let fields = TemplateFields<Self>(
        "an inferred property",
        [
            ("identifier", .text(\.property.identifier)),
            ("type", .text(\.property.type)),
            ("reader", .text(\.property.reader)),
            ("docLines", .docComment(\.property.docLines)),
        ])
}
