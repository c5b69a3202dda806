/// The names each kind of generated scope keeps for itself, with why: a generated member of
/// one of these names would hide, or clash with, what the runtime or the generated code
/// declares there.
enum ReservedNames {
    /// Module-level types: Swift's, Foundation's and the runtime's, which generated code names.
    static let moduleTypes = SwiftKeywords.takenTypeNames.union(SwiftKeywords.generatedCodeTypeNames)

    /// Nested types: the names generated code refers to inside the types it declares.
    static let nestedTypes = SwiftKeywords.generatedCodeTypeNames

    /// Members of `JustOneAPIClient`, beside which each namespace is a property.
    static let clientMembers: Set<String> = [
        "server", "timeout", "transport", "configuration", "send", "description", "usage", "accountStop",
        "resume", "pages", "recordsMetrics", "callsWaitingForASlot",
    ]

    /// Members of a namespace type, beside its methods.
    static let namespaceMembers: Set<String> = ["client", "init"]

    /// Types nested in a request type: `Output` is its `APIOperation` payload type.
    static let requestNestedTypes: Set<String> = ["Output"]

    /// Members of a request type, beside its parameters.
    static let requestMembers: Set<String> = ["request"]

    /// Cases of an enum of values, beside its values: the case for unknown values and
    /// `RawRepresentable` and `CaseIterable`'s members.
    static let valueEnumMembers: Set<String> = ["undocumented", "allCases", "rawValue"]

    /// Cases of a one-of enum, beside its alternatives: the case for unknown values.
    static let oneOfMembers: Set<String> = ["undocumented"]

    /// Members of a model inferred from samples, beside its properties.
    static let inferredModelMembers: Set<String> = ["jsonValue", "init"]

    /// Members of `BusinessCode`, beside its codes.
    static let businessCodeMembers: Set<String> = [
        "undocumented", "allCases", "rawValue", "meaning", "isRetryable", "stopsClient", "description",
    ]

    /// Members of `Server`, beside the document's servers.
    static let serverMembers: Set<String> = ["url", "summary", "description", "baseString"]
}
