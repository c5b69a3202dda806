import Foundation
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat

/// OpenAPIKit's decoding of a document tree: its JSON text handed to `JSONDecoder` without a
/// second copy, a 3.0 document converted to 3.1.
enum DocumentDecoding {
    /// Vendor extensions are not decoded: they cost most of the decoding time, and the generator
    /// reads the few it needs from the text (``DocumentStructure/operationFlags``).
    /// (OpenAPIKit and OpenAPIKit30 read the same key.)
    static let userInfo: [CodingUserInfoKey: any Sendable] = [
        OpenAPIKit.VendorExtensionsConfiguration.enabledKey: false
    ]

    static func decode(_ tree: JSONTree, version: DocumentReader.OpenAPIVersion) throws -> OpenAPIKit.OpenAPI.Document {
        let decoder = JSONDecoder()
        decoder.userInfo = userInfo
        var bytes = tree.bytes
        // The text lives as long as the call; the decoder keeps nothing of it.
        return try bytes.withUnsafeMutableBytes { buffer in
            let data = Data(bytesNoCopy: buffer.baseAddress!, count: buffer.count, deallocator: .none)
            switch version {
            case .v31: return try decoder.decode(OpenAPIKit.OpenAPI.Document.self, from: data)
            case .v30: return try decoder.decode(OpenAPIKit30.OpenAPI.Document.self, from: data).convert(to: .v3_1_1)
            }
        }
    }
}
