import Foundation
import JustOneAPIRuntime

/// What stores write for a job's inputs, items and resume points.
package enum JobFingerprint {
    /// A digest of the inputs in order: a job name reused with other inputs is found by it.
    package static func of(_ inputs: [String]) -> String {
        var hasher = FNV1a()
        for input in inputs {
            hasher.add(input)
            hasher.add("\u{0}")
        }
        return "\(inputs.count):\(String(hasher.value, radix: 16))"
    }

    package static func encodeValue(_ value: JSONValue) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(value), as: UTF8.self)
    }

    package static func encodePoint(_ point: PageResumePoint) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(point), as: UTF8.self)
    }

    package static func decodePoint(_ text: String) throws -> PageResumePoint {
        try JSONDecoder().decode(PageResumePoint.self, from: Data(text.utf8))
    }

    /// 64-bit FNV-1a: stable from run to run and process to process (Swift's Hasher is not).
    struct FNV1a {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ text: String) {
            for byte in text.utf8 {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01B3
            }
        }
    }
}

extension JSONCoding {
    /// Sorted keys: the same value is the same text.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
