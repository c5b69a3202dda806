import Foundation

/// JSON pointers (RFC 6901) and their relation to coding paths.
enum JSONPointer {
    /// The reference tokens of `pointer`, unescaped. Split at each `/` byte, as RFC 6901 reads
    /// it (a `/` followed by a combining mark too), and without Unicode's character breaking.
    static func tokens(of pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        return pointer.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst().map { bytes in
            guard bytes.contains(UInt8(ascii: "~")) else { return String(Substring(bytes)) }
            // `~1` → `/`, `~0` → `~`, left to right (so `~01` is `~1`), byte by byte.
            var unescaped: [UInt8] = []
            var escaping = false
            for byte in bytes {
                if escaping {
                    escaping = false
                    switch byte {
                    case UInt8(ascii: "1"): unescaped.append(UInt8(ascii: "/")); continue
                    case UInt8(ascii: "0"): unescaped.append(UInt8(ascii: "~")); continue
                    default: unescaped.append(UInt8(ascii: "~"))
                    }
                }
                if byte == UInt8(ascii: "~") { escaping = true } else { unescaped.append(byte) }
            }
            if escaping { unescaped.append(UInt8(ascii: "~")) }
            return String(decoding: unescaped, as: UTF8.self)
        }
    }

    static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + escape($0) }.joined()
    }

    /// One pointer token escaped: `~` → `~0`, `/` → `~1`.
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        // Byte by byte: every path key has a `/`, and Foundation's replacing costs a search per call.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(token.utf8.count + 8)
        for byte in token.utf8 {
            switch byte {
            case UInt8(ascii: "~"): bytes += [UInt8(ascii: "~"), UInt8(ascii: "0")]
            case UInt8(ascii: "/"): bytes += [UInt8(ascii: "~"), UInt8(ascii: "1")]
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func pointer(_ codingPath: [any CodingKey]) -> String {
        pointer(codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue })
    }
}
