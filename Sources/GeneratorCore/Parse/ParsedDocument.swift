import OpenAPIKit

/// A document that decoded and validated: the OpenAPI 3.1 model of it (3.0 input is converted)
/// and the file it came from.
public struct ParsedDocument: Sendable {
    public let source: SourceFile
    public let document: OpenAPI.Document
    /// The `components` of the tree the document was decoded from (overlays applied, bundled,
    /// repaired), for comparing what several documents define alike without encoding it again.
    /// Only this part is kept: the rest of the tree is not needed after decoding.
    let components: JSONTree?
    /// The version the document was written in (3.1 and 3.2 read alike).
    let version: DocumentReader.OpenAPIVersion
    /// Every `$ref` in the file, with the pointer to the object that holds it.
    let references: [Reference]
    /// The key order of every `properties` object in the file, as written.
    let propertyOrders: [[String]]
    /// Vendor extensions set to `true` on each operation, by
    /// ``DocumentStructure/operationKey(method:path:)`` (the decoder skips vendor extensions;
    /// the generator reads the few it needs from the text).
    let operationFlags: [String: Set<String>]
    /// The paging descriptions of operations, by operation key and extension name.
    let pagingDescriptions: [String: [String: JSONTree]]
    /// Component schemas inferred from samples, read leniently.
    let inferredSchemas: Set<String>
    /// The other files of a multi-file document that were put in place (normalized paths).
    let parts: Set<String>

    struct Reference: Sendable, Hashable {
        let pointer: String
        let target: String
    }

    /// A location in this document's file.
    func location(_ pointer: String) -> SourceLocation {
        SourceLocation(file: source.path, pointer: pointer)
    }
}
